"""Author bios at the end of an article: "Jane Roe is a reporter who covers …".

Once ``authors`` is known, a kept line in the lower part of the article that
opens with an author's name and a verb of a bio ("is", "was", "has",
"writes", "covers", "joined") is the author box, not the story: the benchmark
golds and corpus builders alike leave it out. Only people count: a one-word
name or an organisation ("Acme is a platform …" may be the article itself) is
left alone.
"""

from __future__ import annotations

import re

from ..config import Config
from ..document import Document
from ..metadata.authors import is_publication
from ..metadata.byline import ORG_WORDS as BYLINE_ORG_WORDS
from ..steps import Stripper

BIO_ID = "heuristic.author-bio"
#: after the name (and perhaps ", CFP®," or ", PhD,"), the verb that opens a bio
BIO_VERB = r"(?:,[^,]{1,40},)?\s+(?:is|was|has|writes|covers|joined|holds|lives|leads|reports)\b"
#: words that make a name an organisation rather than a person: the byline ranker's, and company forms
ORG_WORDS = BYLINE_ORG_WORDS | {"inc", "llc", "ltd", "group", "agency", "company"}


class AuthorBio(Stripper):
    name = "author-bio"

    def __init__(self, config: Config = Config()):
        self.config = config

    def strip(self, doc: Document) -> None:
        people = [n for n in doc.meta.authors
                  if len(n.split()) >= 2 and not is_publication(n) and not {w.casefold() for w in n.split()} & ORG_WORDS]
        if not people:
            return
        pattern = re.compile("(?:" + "|".join(re.escape(n) for n in people) + ")" + BIO_VERB)
        kept = doc.kept_lines()
        start = int(len(kept) * self.config.author_bio_from_share)
        for line in kept[start:]:
            if len(line.text.split()) <= self.config.author_bio_max_words and (m := pattern.match(line.text)):
                doc.remove(line, BIO_ID, f"the author's bio: {m.group(0)!r}")
