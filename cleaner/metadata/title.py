"""The title, once the article is known.

The header step guesses the title before the classifier has found the
article; on a whole-page scrape that guess often lands on a menu or a teaser.
After the classifier, the article's first kept line is known, and the headline
is almost always one of the few lines just above it. This step scores those
lines (and the header's guess) with the header's own title score and keeps the
best. A title the page confirmed (breadcrumb, declared ``<title>``) is kept.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..steps import Annotator
from ..strippers.header import HeaderStripper


class TitleAboveArticle(Annotator):
    name = "title.region"

    def __init__(self, header: HeaderStripper, config: Config = Config()):
        self.header = header
        self.config = config

    def annotate(self, doc: Document) -> None:
        if doc.title_confirmed:
            return
        kept = doc.kept_lines()
        if not kept:
            return
        first = kept[0].index
        texts = [line.text for line in doc.lines]
        best, best_score = None, None
        for position in range(max(0, first - self.config.title_region_reach), first):
            line = doc.lines[position]
            if line.removal is not None and line.removal.field not in (None, "title"):
                continue  # a byline, date or caption line is not a title
            score = self.header.title_score(texts, position, first)
            if score is not None and (best_score is None or score > best_score):
                best, best_score = line, score
        if best is not None:
            doc.meta.title = best.text


class BylineAboveArticle(Annotator):
    """No byline found: a bare name among the lines just above the article
    (already removed by then: a name alone is never kept as text) is taken
    for the author, as the header does next to a title it found."""

    name = "byline.region"

    def __init__(self, header: HeaderStripper, config: Config = Config()):
        self.header = header
        self.config = config

    def annotate(self, doc: Document) -> None:
        kept = doc.kept_lines()
        if doc.meta.authors or not kept:
            return
        first = kept[0].index
        for position in range(first - 1, max(-1, first - 1 - self.config.title_region_reach), -1):
            line = doc.lines[position]
            if line.removal is not None and line.removal.field is not None:
                continue
            name = self.header.bare_name(line.text)
            if name:
                doc.meta.authors = [name]
                return
