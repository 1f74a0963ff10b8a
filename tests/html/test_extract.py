"""HTML pages → Documents: text, metadata, the fallback, the step list."""

from __future__ import annotations

import gzip
from dataclasses import replace

import pytest

from cleaner import Cleaner
from cleaner.config import Config
from cleaner.document import Status
from cleaner.html import KIND_EXTRACTED, KIND_PAGE_TEXT, HtmlConfig, html_document
from cleaner.writers import to_record

from .pages import PARAGRAPHS, article_page


@pytest.fixture(scope="module")
def record():
    doc = Cleaner().clean_bytes(article_page().encode("utf-8"), "pier.html", kind="html")
    assert doc.status is Status.KEPT, doc.reason
    return to_record(doc)


def test_article_text_without_chrome(record):
    for paragraph in PARAGRAPHS:
        assert paragraph in record["text"]
    for chrome in ("Home", "Copyright", "Sport"):
        assert chrome not in record["text"]


def test_metadata_from_markup(record):
    assert record["title"] == "Old pier splits in two after storm"  # the <h1>, not "... | Wexley Gazette"
    assert record["authors"] == ["Mara Quill"]
    assert record["published"].startswith("2021-03-02")
    assert record["url"] == "https://news.example.org/coast/old-pier-splits"
    assert record["site"] == "news.example.org"
    assert record["language"] == "en"


def test_headline_not_repeated_in_text(record):
    assert not record["text"].startswith("Old pier splits")


def test_figcaption_goes_to_captions(record):
    assert record["captions"] == ["The broken end of the pier at low tide on Tuesday morning."]
    assert "low tide on Tuesday morning" not in record["text"]


def test_gzipped_html_reads_the_same(tmp_path):
    path = tmp_path / "pier.html.gz"
    path.write_bytes(gzip.compress(article_page().encode("utf-8")))
    doc = next(Cleaner().run([tmp_path]))
    assert doc.status is Status.KEPT and doc.meta.title == "Old pier splits in two after storm"


def test_extracted_text_takes_the_html_step_list():
    cleaner = Cleaner()
    doc = html_document("pier.html", article_page(), cleaner.config.html)
    assert doc.kind == KIND_EXTRACTED
    cleaner.clean_document(doc)
    steps = {name for name in cleaner.stats.step_seconds}
    assert "html.header" in steps and "classifier" not in " ".join(steps)


def test_fallback_uses_the_page_paragraphs_as_a_text_scrape():
    # a ratio below 1 makes the page's paragraphs "much longer" than any extraction: the fallback path runs
    config = HtmlConfig(fallback_ratio=0.5, fallback_min_words=1)
    doc = html_document("pier.html", article_page(), config)
    assert doc.kind == KIND_PAGE_TEXT and doc.page["fallback_reason"]
    assert all(paragraph in doc.raw for paragraph in PARAGRAPHS)  # here the <article>'s text
    cleaned = Cleaner(replace(Config(), html=config)).clean_document(doc)
    assert cleaned.status is Status.KEPT and PARAGRAPHS[2] in cleaned.text
    assert cleaned.meta.authors == ["Mara Quill"] and cleaned.meta.title == "Old pier splits in two after storm"  # the markup's


def test_no_fallback_when_disabled():
    doc = html_document("pier.html", article_page(), HtmlConfig(fallback_ratio=0))
    assert doc.kind == KIND_EXTRACTED and doc.page["fallback_reason"] is None


def test_one_line_of_whole_page_text_is_not_a_fallback():
    menu = " ".join(f"Menu item {i}" for i in range(300))
    page = article_page(paragraphs=["Short note on the pier."], caption=None,
                        extra_body=f"<div>{menu}</div>")
    doc = html_document("p.html", page, HtmlConfig(fallback_min_words=1))
    assert doc.kind == KIND_EXTRACTED


def test_html_files_are_not_read_twice(tmp_path, monkeypatch):
    import cleaner.html as html_module

    calls = []
    original = html_module.extract

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(html_module, "extract", counting)
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(article_page(), encoding="utf-8")
    (tmp_path / "c.txt").write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    docs = list(Cleaner().run([tmp_path]))
    assert len(docs) == 3 and len(calls) == 2


def test_empty_page_is_rejected_not_crashed():
    doc = Cleaner().clean_bytes(b"<html><body></body></html>", "empty.html", kind="html")
    assert doc.status is not Status.KEPT and doc.reason


def test_an_updated_date_is_not_the_publication_date():
    page = article_page().replace('<time datetime="2021-03-02">2 March 2021</time>', "<p>Updated 5 June 2022</p>")
    doc = html_document("pier.html", page, HtmlConfig())
    assert doc.page["visible_date"] == "2022-06-05" and doc.page["visible_date_updated"]
    assert doc.meta.published.startswith("2021-03-02")  # the page's declared publication date


def test_the_printed_date_wins_over_the_declared_one():
    page = article_page().replace('<time datetime="2021-03-02">2 March 2021</time>', "<p>5 June 2022</p>")
    assert html_document("pier.html", page, HtmlConfig()).meta.published == "2022-06-05"


def test_one_paragraph_fallback_is_not_taken_for_a_list_of_links():
    # the <article> text as one line ends with a credit, not a sentence: it is still the article
    page = article_page(paragraphs=[*PARAGRAPHS, "Photographs by the harbour staff"])
    config = HtmlConfig(fallback_ratio=0.5, fallback_min_words=1)
    doc = html_document("pier.html", page, config)
    assert doc.kind == KIND_PAGE_TEXT and len(doc.lines) == 1
    assert Cleaner(replace(Config(), html=config)).clean_document(doc).status is Status.KEPT


def test_html_documents_checkpoint_losslessly():
    from cleaner.checkpoint import document_from_json, document_to_json

    doc = Cleaner().clean_document(html_document("pier.html", article_page(), HtmlConfig()))
    again = document_from_json(document_to_json(doc))
    assert again.page == doc.page and again.text == doc.text and again.meta == doc.meta
