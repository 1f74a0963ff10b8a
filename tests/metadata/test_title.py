"""The title chosen after the classifier, just above the article."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.document import Document
from cleaner.metadata.title import TitleAboveArticle
from cleaner.strippers.header import HeaderStripper

BODY = [
    "The harbour authority approved a plan on Tuesday to dredge the inner basin for the first time in twenty years, "
    "clearing silt that has left fishing boats stranded at low tide.",
    "Work will begin in the autumn and take about six weeks, during which the slipway and the fish market will stay "
    "open, the authority said in a statement.",
    "Skippers welcomed the decision but said the delay had already cost them a season of early-morning landings.",
]


def test_title_is_taken_from_just_above_the_article():
    doc = Document.from_text("a.txt", "\n".join(["Harbour basin to be dredged after twenty years", *BODY]))
    doc.meta.title = "Weather Sport Business Culture"  # a poor guess by an earlier step
    doc.remove(doc.lines[0], "heuristic.region.outside", "the classifier left the headline out")
    TitleAboveArticle(HeaderStripper()).annotate(doc)
    assert doc.meta.title == "Harbour basin to be dredged after twenty years"


def test_confirmed_title_is_kept():
    doc = Document.from_text("a.txt", "\n".join(["Harbour basin to be dredged after twenty years", *BODY]))
    doc.meta.title, doc.title_confirmed = "Declared title", True
    TitleAboveArticle(HeaderStripper()).annotate(doc)
    assert doc.meta.title == "Declared title"


def test_whole_page_with_menus_end_to_end():
    page = ["Skip to content", "Home", "News", "Sport", "Weather", "Subscribe", "Log in",
            "Harbour basin to be dredged after twenty years", "By Ana Ruiz", *BODY,
            "Share this article", "More in News", "Ferry fares rise again", "New lifeboat named after volunteer",
            "© 2024 Coastline Media. All rights reserved."]
    doc = Cleaner().clean_text("\n\n".join(page))
    assert doc.meta.title == "Harbour basin to be dredged after twenty years"
    assert doc.meta.authors == ["Ana Ruiz"]
    assert doc.text == "\n\n".join(BODY)


def test_bare_name_above_the_article_gives_the_author():
    from cleaner.metadata.title import BylineAboveArticle

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
