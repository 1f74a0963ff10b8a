"""The HTML published date: the days a page's sources name, ranked by the shipped model."""

from __future__ import annotations

import json

from cleaner import Cleaner
from cleaner.api import RunResources
from cleaner.document import Document
from cleaner.html import html_document
from cleaner.html.dates import FEATURES, RankedHtmlDate, candidates
from cleaner.metadata.ranking import RankingModel
from tests.html.pages import PARAGRAPHS


def page(head: str = "", byline: str = "", url: str = "https://example.org/news/pier") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en"><head><title>Old pier splits in two</title>
<link rel="canonical" href="{url}">{head}</head><body>
<nav><a href="/">Home</a></nav><article><h1>Old pier splits in two after storm</h1>{byline}{body}</article>
<aside><time datetime="2019-01-01">Archive</time></aside></body></html>"""


def sources_of(html: str) -> dict[str, str]:
    return html_document("p.html", html).page["date_sources"]


def test_sources_read_from_the_markup():
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2021-03-02T08:00:00Z", "dateModified": "2021-04-01"})
    html = page(head=f"<script type='application/ld+json'>{ld}</script>"
                     "<meta property='article:published_time' content='2021-03-02T09:00:00+01:00'>"
                     "<meta property='article:modified_time' content='2021-04-01'>",
                byline="<p class='byline'>By Mara Quill · March 2, 2021</p>",
                url="https://example.org/2021/03/02/pier")
    found = sources_of(html)
    assert found["ld_published"] == found["meta_published"] == found["url"] == found["visible"] == "2021-03-02"
    assert found["ld_modified"] == found["meta_modified"] == "2021-04-01"
    assert found["time"] == "2019-01-01"  # the first <time> of the page, here a sidebar's


def test_the_published_day_wins_over_a_sidebar_and_a_modification():
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2021-03-02", "dateModified": "2021-04-01"})
    html = page(head=f"<script type='application/ld+json'>{ld}</script>"
                     "<meta property='article:published_time' content='2021-03-02'>",
                byline="<p class='byline'>By Mara Quill · March 2, 2021</p>")
    doc = Cleaner().clean_html(html, source="p.html")
    assert doc.meta.published.startswith("2021-03-02")
    assert doc.meta.published_resolved_by == "html-ranked"
    assert "meta_published" in doc.meta.evidence["published"]


def test_one_candidate_per_day_with_its_sources():
    found = candidates({"meta_published": "2021-03-02", "visible": "2021-03-02", "ld_modified": "2021-04-01"}, False)
    assert [day for day, _ in found] == ["2021-03-02", "2021-04-01"]
    first, second = (f for _, f in found)
    assert first["is_meta_published"] == first["is_visible"] == 1.0 and first["earliest"] == 1.0
    assert second["is_ld_modified"] == 1.0 and second["latest"] == 1.0
    updated = dict(candidates({"visible": "2021-04-01"}, True))["2021-04-01"]
    assert updated["is_visible"] == 0.0 and updated["is_visible_updated"] == 1.0


def test_model_weights_decide():
    """The helper can fail: the pick follows the weights."""
    doc = Document.from_text("p.html", "text", kind="html")
    doc.page = {"date_sources": {"meta_published": "2021-03-02", "ld_modified": "2021-04-01"}, "visible_date": None}
    RankedHtmlDate(RankingModel({"is_ld_modified": 2.0})).annotate(doc)
    assert doc.meta.published == "2021-04-01"
    RankedHtmlDate(RankingModel({"is_meta_published": 2.0})).annotate(doc)
    assert doc.meta.published == "2021-03-02"


def test_page_without_dates_keeps_no_date():
    doc = Document.from_text("p.html", "text", kind="html")
    doc.page = {"date_sources": {}}
    RankedHtmlDate(RunResources().model("html_date")).annotate(doc)
    assert doc.meta.published is None


def test_shipped_model_uses_known_features():
    assert set(RunResources().model("html_date").weights) <= set(FEATURES)


def test_a_numeric_visible_date_is_read_in_the_order_the_markup_names():
    ld = json.dumps({"@type": "BlogPosting", "datePublished": "2024-09-10T16:07:00Z"})
    html = page(head=f"<script type='application/ld+json'>{ld}</script>", byline="<p class='date'>09.10.2024</p>")
    assert sources_of(html)["visible"] == "2024-09-10"  # month-first, as the JSON-LD says; not 9 October
    assert sources_of(page(byline="<p class='date'>09.10.2024</p>"))["visible"] == "2024-10-09"  # no markup: day-first
    slashed = page(byline="<p class='date'><time datetime='2017-03-01'>03/01/2017</time></p>")
    assert sources_of(slashed)["visible"] == "2017-03-01"  # resolved by the <time>'s own datetime
    assert "visible" not in sources_of(page(byline="<p class='date'>03/01/2017</p>"))  # ambiguous, never guessed


def test_a_sidebar_date_above_the_headline_is_not_the_visible_date():
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    sidebar = "".join(f"<li><a href='/s{i}'>Other story {i}</a> <span>March {i}, 2020</span></li>" for i in (1, 2))
    html = f"""<!DOCTYPE html><html lang="en"><head><title>Old pier splits in two</title></head><body>
<div id="side"><div><div><ul>{sidebar}</ul></div></div></div>
<main><div class="wrap"><article><header><h1>Old pier splits in two after storm</h1>
<p class="date">May 4, 2021</p></header>{body}</article></div></main></body></html>"""
    assert sources_of(html)["visible"] == "2021-05-04"  # the sidebar's March dates stand above, outside the block
    inside = html.replace("<header><h1>", "<header><span>Filed May 3, 2021</span><h1>")
    assert sources_of(inside)["visible"] == "2021-05-03"  # a date above the headline in its own block still counts


def test_a_date_printed_in_a_time_element_means_its_datetime():
    html = page(byline="<p class='date'><time datetime='2024-12-20'>August 28, 2024</time></p>")
    assert sources_of(html)["visible"] == "2024-12-20"  # the machine-readable day, not the printed text
    same = page(byline="<p class='date'><time datetime='2024-08-28T10:00'>August 28, 2024 at 10:00 am</time></p>")
    assert sources_of(same)["visible"] == "2024-08-28"
