"""Authors from a bare name just above the article."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.metadata.byline_region import BylineAboveArticle
from cleaner.strippers.header import HeaderStripper

BODY = [
    "The harbour authority approved a plan on Tuesday to dredge the inner basin for the first time in twenty years, "
    "clearing silt that has left fishing boats stranded at low tide.",
    "Work will begin in the autumn and take about six weeks, during which the slipway and the fish market will stay "
    "open, the authority said in a statement.",
]


def test_bare_name_above_the_article_gives_the_author():
    doc = Document.from_text("a.txt", "\n".join(["Harbour basin to be dredged after twenty years", "Ana Ruiz", *BODY]))
    for line in doc.lines[:2]:
        doc.remove(line, "heuristic.region.outside", "outside the article")
    BylineAboveArticle(HeaderStripper()).annotate(doc)
    assert doc.meta.authors == ["Ana Ruiz"]
    menu = Document.from_text("b.txt", "\n".join(["Home News Sport", *BODY]))
    menu.remove(menu.lines[0], "heuristic.region.outside", "outside the article")
    header = next(step for step in Cleaner().pipeline.steps if isinstance(step, HeaderStripper))  # with word lists
    BylineAboveArticle(header).annotate(menu)
    assert menu.meta.authors == []
