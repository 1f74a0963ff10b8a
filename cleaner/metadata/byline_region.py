"""Authors from a bare name just above the article, once the article is known.

A name alone on a line ("Jane Roe", "Jane Roe, MS, RD") is a byline without
its "By"; the header step takes one next to the title it found. On whole-page
scrapes the header often has no title to stand next to, so after the
classifier this step looks at the lines just above the article.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..steps import Annotator
from ..strippers.header import HeaderStripper


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
        for position in range(first - 1, max(-1, first - 1 - self.config.byline_region_reach), -1):
            line = doc.lines[position]
            if line.removal is not None and line.removal.field is not None:
                continue
            name = self.header.bare_name(line.text)
            if name:
                doc.meta.authors = [name]
                return
