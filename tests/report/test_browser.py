"""report.html and explain --html, opened in headless Chromium: the charts
render (a screenshot with ink; bars laid out with a size) and the expected
elements are there. Skips, saying why, only where Chromium is not installed."""

from __future__ import annotations

import re

import pytest

from cleaner import Cleaner
from cleaner.runner import run
from tests.conftest import FIXTURES
from tests.corpus_maker import write_warc
from tests.report.browser import dump_dom, ink, make_png, screenshot

CHARTS = ("statuses", "rules", "lengths", "languages", "steps")


def test_ink_tells_blank_from_drawn():
    blank = make_png(64, 48, lambda x, y: (255, 255, 255))
    drawn = make_png(64, 48, lambda x, y: (30, 90, 200) if 10 < x < 50 and y % 8 < 5 else (255, 255, 255))
    assert ink(blank, step=1) == (0.0, 1)
    share, colours = ink(drawn, step=1)
    assert share > 0.3 and colours == 2


@pytest.fixture(scope="module")
def report_page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    write_warc(tmp / "crawl.warc.gz")
    summary = run(Cleaner(), [FIXTURES, tmp / "crawl.warc.gz"], output=str(tmp / "out.jsonl"), report_html=True)
    return tmp, summary


def test_report_page_renders_its_charts(report_page):
    tmp, summary = report_page
    page = tmp / "out.report.html"
    html = page.read_text(encoding="utf-8")
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html.split("<main>")[0]
    assert not re.search(r'<(script|link|img)[^>]+(src|href)=', html), "the page must not load anything"
    shot = screenshot(page, tmp / "report.png")
    share, colours = ink(shot.read_bytes())
    assert share > 0.05 and colours > 20, (share, colours)
    dom = dump_dom(page, tmp / "profile")
    drawn = int(re.search(r'<body data-charts-drawn="(\d+)"', dom).group(1))
    assert drawn >= len(CHARTS), dom[:500]
    for chart in CHARTS:
        assert re.search(rf'<svg class="chart" data-chart="{chart}"[^>]*data-drawn="\d+"', dom), chart
    rules = summary.report["rules"]
    bars = re.search(r'data-chart="rules".*?</svg>', dom, re.S).group(0)
    assert bars.count('class="bar"') == min(30, len(rules))
    for row in rules:  # links to example documents per rule, and their targets
        assert f'href="#ex-{re.sub(r"[^A-Za-z0-9_-]+", "-", row["id"])}-0"' in dom
        assert f'id="ex-{re.sub(r"[^A-Za-z0-9_-]+", "-", row["id"])}-0"' in dom
    assert 'data-chart="clusters"' in dom and "no duplicate clusters" in dom


def test_explain_page_strikes_through_removals_by_rule(tmp_path, cleaner):
    from cleaner.report.explain_html import render_explain
    from cleaner.report.rationale import rationale

    doc = cleaner.clean_text((FIXTURES / "comments_section.txt").read_text(encoding="utf-8"), source="comments_section.txt")
    rules = cleaner.rules.by_id()
    page = tmp_path / "explain.html"
    page.write_text(render_explain(doc, rules), encoding="utf-8")
    share, _ = ink(screenshot(page, tmp_path / "explain.png", (1200, 900)).read_bytes())
    assert share > 0.05
    dom = dump_dom(page, tmp_path / "profile")
    fired = {r.rule_id for r in doc.removals}
    assert fired and set(re.findall(r'<tr data-rule="([^"]+)"', dom)) == fired
    assert len(re.findall(r'<div class="line removed" data-rule="[^"]+"[^>]*>.*?<del style="color:#', dom)) == len(doc.removals)
    for rule_id in fired:
        assert rationale(rule_id, rules).replace("'", "&#x27;")[:30] in dom.replace("'", "&#x27;")
    assert doc.meta.title and doc.meta.title in dom
