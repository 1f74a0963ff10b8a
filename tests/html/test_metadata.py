"""Metadata from the markup: title, authors, dates, language."""

from __future__ import annotations

import pytest

from cleaner.document import Document
from cleaner.html.metadata import choose_title, clean_authors, read_facts, strip_site_name
from cleaner.html.steps import PageLanguage


def facts_of(html: str):
    from trafilatura.utils import load_html

    return read_facts(load_html(html))


@pytest.mark.parametrize(("declared", "site", "expected"), [
    ("Pier splits in storm | Wexley Gazette", "Wexley Gazette", "Pier splits in storm"),
    ("Wexley Gazette - Pier splits in storm", "Wexley Gazette", "Pier splits in storm"),
    ("Pier splits in storm - Gazette", None, "Pier splits in storm"),
    ("Pier splits in storm", "Wexley Gazette", "Pier splits in storm"),
])
def test_strip_site_name(declared, site, expected):
    assert strip_site_name(declared, site) == expected


def test_h1_that_is_the_site_name_is_skipped():
    assert choose_title("Pier splits | Gazette", ["Gazette", "Pier splits"], "Gazette", 0.2) == "Pier splits"


def test_h1_unrelated_to_the_declared_title_loses_among_several():
    title = choose_title("Pier splits in storm | Gazette", ["Subscribe today", "Pier splits in storm"], "Gazette", 0.2)
    assert title == "Pier splits in storm"


def test_no_h1_and_no_declared_title():
    assert choose_title(None, [], None, 0.2) is None


@pytest.mark.parametrize(("values", "expected"), [
    (["Mara Quill, MS, RD"], ["Mara Quill"]),
    (["By Mara Quill and Tobias Venn"], ["Mara Quill", "Tobias Venn"]),
    (["Mara Quill | The Wexley Gazette"], ["Mara Quill"]),
    (["Mara Quill Senior Writer"], ["Mara Quill"]),
    (["MARA QUILL"], ["Mara Quill"]),
    (["The Gazette Team"], ["The Gazette Team"]),
    (["https://example.org/people/mara"], []),
    (["Updated March"], []),
])
def test_clean_authors(values, expected):
    assert clean_authors(values) == expected


def test_visible_byline_and_date_and_label():
    facts = facts_of("""<html lang="de-AT"><body><h1>Headline here</h1>
        <div><strong>Written by</strong><span>Tobias Venn</span></div><p>Posted 14 May 2019</p>
        <p>Body.</p></body></html>""")
    assert "Tobias Venn" in facts.byline_texts
    assert facts.visible_date == "2019-05-14"
    assert facts.declared_lang == "de"


def test_canonical_url_needs_to_be_absolute():
    facts = facts_of('<html><head><link rel="canonical" href="/relative"></head><body><p>x</p></body></html>')
    assert facts.canonical is None


class FakeDetector:
    def __init__(self, candidates):
        self._candidates = candidates

    def candidates(self, text):
        return self._candidates


def annotate(candidates, declared):
    doc = Document.from_text("x.html", "Some text of the page.", kind="html")
    doc.page = {"declared_lang": declared}
    PageLanguage(FakeDetector(candidates), 1000, 0.5).annotate(doc)
    return doc.meta.language


def test_declared_language_breaks_a_tie():
    assert annotate([("es", 0.52), ("pt", 0.47)], "pt") == "pt"


def test_declared_language_does_not_override_a_confident_detection():
    assert annotate([("en", 0.99)], "fr") == "en"


def test_declared_language_not_among_candidates_is_ignored():
    assert annotate([("es", 0.6), ("pt", 0.4)], "ja") == "es"
