"""The size and time limits of one HTML page: rejected with a reason, never a hang."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace

import pytest

import cleaner.html as html_module
from cleaner import Cleaner
from cleaner.config import Config
from cleaner.document import Status
from cleaner.html import TIMEOUT, TOO_LARGE, HtmlConfig, html_document
from cleaner.html.limits import ExtractionTimeout, time_limit
from cleaner.runner import run

from .pages import article_page


def test_page_over_the_size_limit_is_an_error_with_its_reason():
    doc = html_document("big.html", article_page(), HtmlConfig(max_html_chars=1000))
    assert doc.status is Status.ERROR and doc.reason_id == TOO_LARGE
    assert "max_html_chars" in doc.reason


def test_page_within_the_size_limit_is_read():
    page = article_page()
    assert html_document("ok.html", page, HtmlConfig(max_html_chars=len(page))).status is Status.KEPT


@pytest.fixture
def slow_extraction(monkeypatch):
    def hang(*args, **kwargs):
        time.sleep(30)  # a pathological page: extraction that does not return

    monkeypatch.setattr(html_module, "extract", hang)


def test_page_over_the_time_limit_is_an_error(slow_extraction):
    started = time.monotonic()
    doc = html_document("slow.html", article_page(), HtmlConfig(time_limit_seconds=0.3))
    assert time.monotonic() - started < 5
    assert doc.status is Status.ERROR and doc.reason_id == TIMEOUT
    assert "0.3 s" in doc.reason and "time_limit_seconds" in doc.reason


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
    config = replace(Config(), html=HtmlConfig(time_limit_seconds=0.3))
    out = tmp_path / "out.jsonl"
    summary = run(Cleaner(config), [tmp_path / "in"], output=str(out))
    rejects = [json.loads(line) for line in (tmp_path / "out.rejects.jsonl").read_text().splitlines()]
    assert summary.kept == 1 and len(rejects) == 1
    assert rejects[0]["status"] == "error" and rejects[0]["reason_id"] == TIMEOUT and rejects[0]["source"].endswith("a.html")


def test_time_limit_is_lifted_after_the_block():
    with time_limit(0.2):
        pass
    time.sleep(0.4)  # no alarm fires later


def test_time_limit_zero_means_none():
    with time_limit(0):
        time.sleep(0.05)


def test_time_limit_interrupts_python_code():
    with pytest.raises(ExtractionTimeout), time_limit(0.1):
        while True:
            pass


def test_no_time_limit_outside_the_main_thread():
    errors = []

    def work():
        try:
            with time_limit(0.05):
                time.sleep(0.1)
        except Exception as exc:  # pragma: no cover - the failure this test looks for
            errors.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []


def test_timeout_is_not_swallowed_by_a_broad_except(monkeypatch):
    def careless(*args, **kwargs):
        try:
            time.sleep(30)
        except Exception:  # what a library might do around its own work
            pass
        time.sleep(30)

    monkeypatch.setattr(html_module, "extract", careless)
    started = time.monotonic()
    doc = html_document("slow.html", article_page(), HtmlConfig(time_limit_seconds=0.2))
    assert doc.reason_id == TIMEOUT and time.monotonic() - started < 5
