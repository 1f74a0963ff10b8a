"""Author bios at the end of an article: "Jane Roe is a reporter who covers …".

Once ``authors`` is known, a kept line in the lower part of the article that
opens with an author's name and a verb of a bio ("is", "was", "has",
"writes", "covers", "joined") is the author box, not the story: the benchmark
golds and corpus builders alike leave it out. Only people count: a one-word
name or an organisation ("Acme is a platform …" may be the article itself) is
left alone. When no author was found, an author box still names its person:
"About Jane Roe" followed by "Jane Roe is a freelance writer …".
"""

from __future__ import annotations

import re

from ..config import Config
from ..document import Document
from ..metadata.authors import is_publication
from ..metadata.line_names import ABOUT
from ..metadata.line_names import ORG_WORDS as BYLINE_ORG_WORDS
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
        kept = doc.kept_lines()
        start = int(len(kept) * self.config.author_bio_from_share)
        people = [n for n in doc.meta.authors or _box_names(kept[start:])
                  if len(n.split()) >= 2 and not is_publication(n) and not {w.casefold() for w in n.split()} & ORG_WORDS]
        if not people:
            return
        pattern = re.compile("(?:" + "|".join(re.escape(n) for n in people) + ")" + BIO_VERB)
        for line in kept[start:]:
            if len(line.text.split()) <= self.config.author_bio_max_words and (m := pattern.match(line.text)):
                doc.remove(line, BIO_ID, f"the author's bio: {m.group(0)!r}")


def _box_names(lines) -> list[str]:
    """Names of author boxes: an "About Jane Roe" line whose next line opens Jane Roe's bio."""
    names = []
    for line, following in zip(lines, lines[1:]):
        about = ABOUT.match(line.text.strip())
        name = about.group("name").strip() if about else ""
        if name and re.match(re.escape(name) + BIO_VERB, following.text):
            names.append(name)
    return names
