"""The size and time limits of one HTML page: rejected with a reason, never a hang.

The time limit is the reader's budget for one input (``Config.max_seconds_per_document``,
``cleaner.limits``), which covers HTML extraction; these tests check it on the HTML path."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest

import cleaner.html as html_module
from cleaner import Cleaner
from cleaner.config import Config
from cleaner.document import Status
from cleaner.html import TOO_LARGE, HtmlConfig, html_document
from cleaner.runner import run

from .pages import article_page


def test_page_over_the_size_limit_is_an_error_with_its_reason():
    doc = html_document("big.html", article_page(), HtmlConfig(max_html_chars=1000))
    assert doc.status is Status.ERROR and doc.reason_id == TOO_LARGE
    assert "max_html_chars" in doc.reason


def test_page_within_the_size_limit_is_read():
    page = article_page()
    assert html_document("ok.html", page, HtmlConfig(max_html_chars=len(page))).status is Status.KEPT


def test_size_limit_through_the_cleaner():
    config = replace(Config(), html=HtmlConfig(max_html_chars=1000))
    doc = Cleaner(config).clean_bytes(article_page().encode(), "big.html", kind="html")
    assert doc.status is Status.ERROR and doc.reason_id == TOO_LARGE


@pytest.fixture
def slow_extraction(monkeypatch):
    def hang(*args, **kwargs):
        try:
            time.sleep(30)  # a pathological page: extraction that does not return
        except Exception:  # what a library might do around its own work: the timeout is not swallowed
            pass
        time.sleep(30)

    monkeypatch.setattr(html_module, "extract", hang)


def test_page_over_the_time_limit_is_an_error(slow_extraction):
    started = time.monotonic()
    config = replace(Config(), max_seconds_per_document=0.3)
    doc = Cleaner(config).clean_bytes(article_page().encode(), "slow.html", kind="html")
    assert time.monotonic() - started < 5
    assert doc.status is Status.ERROR and doc.reason_id == "error.timeout"
    assert "max_seconds_per_document" in doc.reason


def test_timeout_goes_to_the_rejects_file_and_the_run_goes_on(tmp_path, monkeypatch):
    original = html_module.extract

    def hang_on_slow(tree, config, ld_body=None):
        if tree.xpath("//h1[text()='Slow page']"):
            time.sleep(30)
        return original(tree, config, ld_body)

    monkeypatch.setattr(html_module, "extract", hang_on_slow)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(article_page(title="Slow page"), encoding="utf-8")
    (tmp_path / "in" / "b.html").write_text(article_page(), encoding="utf-8")
    config = replace(Config(), max_seconds_per_document=0.5)
    out = tmp_path / "out.jsonl"
    summary = run(Cleaner(config), [tmp_path / "in"], output=str(out))
    rejects = [json.loads(line) for line in (tmp_path / "out.rejects.jsonl").read_text().splitlines()]
    assert summary.kept == 1 and len(rejects) == 1
    assert rejects[0]["status"] == "error" and rejects[0]["reason_id"] == "error.timeout"
    assert rejects[0]["source"].endswith("a.html")
