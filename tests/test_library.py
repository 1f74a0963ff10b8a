"""The library API: clean_text, clean_html, and a Cleaner as a step of another pipeline."""

from __future__ import annotations

import builtins
import os
from contextlib import contextmanager

import pytest

import cleaner as package
from cleaner import Cleaner, Outcome, clean_html, clean_text
from cleaner.document import Document, Status
from cleaner.writers import to_record
from tests.corpus_maker import ARTICLES, page_html, page_text


def test_public_names_have_docstrings():
    for name in ("Cleaner", "clean_text", "clean_html", "Outcome"):
        assert name in package.__all__ and getattr(package, name).__doc__
    for method in ("clean_text", "clean_html", "__call__", "run"):
        assert getattr(Cleaner, method).__doc__, method


def test_clean_html_extracts_and_cleans():
    doc = clean_html(page_html(0), url="https://valley-courier.example/news/bridge")
    assert doc.status is Status.KEPT and doc.meta.title == ARTICLES[0][0]
    assert "four hundred rusted bolts" in doc.text and "All rights reserved" not in doc.text
    assert (doc.meta.url, doc.meta.site) == ("https://valley-courier.example/news/bridge", "valley-courier.example")
    assert clean_html(page_html(0).encode("cp1252", "replace")).meta.title == ARTICLES[0][0]


def test_clean_text_matches_the_cleaner():
    assert clean_text(page_text(1)).text == Cleaner().clean_text(page_text(1)).text


@contextmanager
def no_file_system():
    """Refuse and record every open/stat while the block runs (the cleaner
    turns errors into error documents, so the record is what the test checks)."""
    touched: list[str] = []
    saved = builtins.open, os.open, os.stat

    def refuse(*args, **kwargs):
        touched.append(repr(args[:1]))
        raise PermissionError("the file system was touched")

    builtins.open, os.open, os.stat = refuse, refuse, refuse
    try:
        yield touched
    finally:
        builtins.open, os.open, os.stat = saved


def test_no_file_system_notices_a_file_access(tmp_path):
    with no_file_system() as touched:
        with pytest.raises(PermissionError):
            open(tmp_path / "x")  # noqa: SIM115
    assert touched


def test_cleaner_is_a_step_one_document_in_a_record_or_rejection_out(cleaner):
    cleaner(page_html(1), html=True)  # first use loads the run's word lists and models: allowed
    with no_file_system() as touched:
        outcomes = [cleaner(page_text(0), source="upstream/1"), cleaner("Home | News\n\nSign in", source="upstream/2"),
                    cleaner(page_html(2), source="upstream/3", html=True, url="https://x.example/a"),
                    cleaner(Document.from_text("mine", page_text(1))), cleaner(b"\x00\x01\x02" * 400, source="upstream/4")]
    assert not touched
    kept, rejected, html, own, broken = outcomes
    assert isinstance(kept, Outcome) and kept.kept and kept.reject is None
    assert kept.record == to_record(kept.document) and kept.record["source"] == "upstream/1"
    assert kept.record["title"] == ARTICLES[0][0] and kept.record["removed"]
    assert not rejected.kept and rejected.record is None
    assert rejected.reject["status"] == "dropped" and rejected.reject["reason_id"].startswith("filter.")
    assert html.kept and html.record["language"] == "de" and html.record["site"] == "x.example"
    assert own.kept and own.document.source == "mine"
    assert broken.reject["status"] == "error"


def test_steps_in_a_generator_pipeline(cleaner):
    upstream = ({"id": f"u{i}", "text": page_text(i)} for i in range(len(ARTICLES)))
    records = [o.record for o in (cleaner(item["text"], source=item["id"]) for item in upstream) if o.kept]
    assert [r["source"] for r in records] == ["u0", "u1", "u2"]
