"""Inputs that hold many documents: WARC, WET and JSONL files."""

from __future__ import annotations

import gzip
import json

import pytest

from cleaner import Cleaner, Config
from cleaner.config import InputConfig
from cleaner.document import Status
from cleaner.readers import discover, iter_documents
from tests.corpus_maker import ARTICLES, pipeline_records, write_jsonl, write_warc

ArchiveIterator = pytest.importorskip("warcio.archiveiterator").ArchiveIterator


@pytest.mark.parametrize("gz", [True, False])
def test_warc_response_records_become_html_documents(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    pages = write_warc(path, gz=gz)
    docs = list(iter_documents(str(path)))
    assert [d.source for d in docs] == [f"{path}#record-{n}" for n in pages]  # no request, image, robots.txt
    assert all(d.kind == "html" and d.status is Status.KEPT for d in docs)
    assert [d.meta.url for d in docs] == [f"https://valley-courier.example/news/story-{i}" for i in range(len(ARTICLES))]
    assert {d.meta.site for d in docs} == {"valley-courier.example"}
    assert "eight months of repairs" in docs[0].raw


def test_warc_date_is_only_a_fallback(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    docs = {d.meta.title: d for d in Cleaner().run([path])}
    dated, undated = docs[ARTICLES[0][0]], docs[ARTICLES[1][0]]
    assert dated.meta.published == "2024-05-14"  # the page's own date wins
    assert (undated.meta.published, undated.meta.published_resolved_by) == ("2024-06-02T08:30:00Z", "warc-date")


def test_wet_conversion_records_become_text_documents(tmp_path):
    path = tmp_path / "CC-MAIN-x.warc.wet.gz"
    pages = write_warc(path, wet=True)
    docs = list(Cleaner().run([path]))
    assert [d.source for d in docs] == [f"{path}#record-{n}" for n in pages]
    assert all(d.kind == "text" and d.status is Status.KEPT for d in docs)
    assert [d.meta.title for d in docs] == [a[0] for a in ARTICLES]
    removed = {r.rule_id for d in docs for r in d.removals}
    assert "generic.copyright" in removed  # the text path cleaned the WET text


def test_damaged_warc_keeps_the_records_before_the_damage(tmp_path):
    good = tmp_path / "good.warc"
    write_warc(good, gz=False)
    data = good.read_bytes()
    cut = data.index(b"WARC/1", data.index(b"story-1") + 1000)  # a record header after two pages
    bad = tmp_path / "bad.warc"
    bad.write_bytes(data[:cut] + b"this is not a WARC header\r\n\r\n" + data[cut:])
    docs = list(iter_documents(str(bad)))
    assert [d.status for d in docs[:-1]] == [Status.KEPT] * (len(docs) - 1) and len(docs) >= 2
    assert docs[-1].status is Status.ERROR and "rest of the file is skipped" in docs[-1].reason
    assert docs[-1].source.startswith(f"{bad}#record-")


def test_truncated_gzip_warc_and_missing_file_are_error_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    data = path.read_bytes()
    with open(path, "rb") as fh:  # where each record's gzip member ends: a cut there leaves a shorter, valid WARC
        records = ArchiveIterator(fh)
        ends = {records.get_record_offset() + records.get_record_length() for _ in records}
    truncated = tmp_path / "cut.warc.gz"
    for cut in range(200, len(data), 37):  # wherever else the download stopped, the loss is reported once
        truncated.write_bytes(data[:cut])
        docs = list(iter_documents(str(truncated)))
        if cut in ends:
            assert all(d.status is Status.KEPT for d in docs), cut
            continue
        assert docs and docs[-1].status is Status.ERROR, cut
        assert all(d.status is Status.KEPT for d in docs[:-1]), cut
    (missing,) = iter_documents(str(tmp_path / "gone.warc.gz"))
    assert missing.status is Status.ERROR and "gone.warc.gz" in missing.source


def test_jsonl_fields_from_another_pipeline(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    write_jsonl(path, pipeline_records(), gz=True)
    config = Config(inputs=InputConfig(text_field="content", id_field="doc_id", url_field="metadata.url"))
    docs = list(Cleaner(config=config).run([path]))
    assert [d.source for d in docs] == [f"{path}#doc-{i}" for i in range(len(ARTICLES))]
    assert [d.status for d in docs] == [Status.KEPT] * len(ARTICLES)
    assert docs[1].meta.url == "https://valley-courier.example/1" and docs[1].meta.site == "valley-courier.example"


def test_jsonl_bad_lines_are_errors_and_reading_goes_on(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"text": "One short line."}\nnot json\n[1, 2]\n\n{"body": "x", "id": 7}\n{"text": "Another.", "id": "b"}\n',
                    encoding="utf-8")
    docs = list(iter_documents(str(path)))
    assert [d.source for d in docs] == [f"{path}#line-1", f"{path}#line-2", f"{path}#line-3", f"{path}#7", f"{path}#b"]
    assert [d.status for d in docs] == [Status.KEPT, Status.ERROR, Status.ERROR, Status.ERROR, Status.KEPT]
    assert "--text-field" in docs[3].reason and "not a JSON line" in docs[1].reason


def test_folders_yield_warc_but_not_jsonl(tmp_path):
    write_warc(tmp_path / "a.warc.gz")
    write_jsonl(tmp_path / "out.jsonl", [{"text": "an earlier run's output"}])
    (tmp_path / "b.txt").write_text("text", encoding="utf-8")
    assert [p.rsplit("/", 1)[-1] for p in discover([tmp_path])] == ["a.warc.gz", "b.txt"]
    assert list(discover([tmp_path / "out.jsonl"])) == [str(tmp_path / "out.jsonl")]  # named explicitly: read


def test_run_order_is_deterministic_across_files_and_records(tmp_path):
    write_warc(tmp_path / "b.warc.gz")
    write_warc(tmp_path / "a.warc.wet.gz", wet=True)
    first = [(d.source, d.text) for d in Cleaner().run([tmp_path])]
    second = [(d.source, d.text) for d in Cleaner().run([tmp_path])]
    assert first == second
    assert [s for s, _ in first] == sorted((s for s, _ in first), key=lambda s: (s.split("#")[0], int(s.rsplit("-", 1)[1])))


def test_gzip_jsonl_cut_short_is_an_error_document(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    data = gzip.compress("".join(json.dumps({"text": f"line {i}"}) + "\n" for i in range(2000)).encode())
    path.write_bytes(data[: len(data) // 2])
    docs = list(iter_documents(str(path)))
    assert docs[-1].status is Status.ERROR and docs[0].status is Status.KEPT


def test_warc_payload_charset_from_the_http_header(tmp_path):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    # five non-ASCII bytes: too few for charset detection, which would read them as cp1252
    paragraph = "<p>The ferry to Αθήνα leaves the harbour at nine every morning and returns before dark in summer.</p>"
    payload = f"<html><body><article><h1>Ferry times</h1>{paragraph * 4}</article></body></html>".encode("iso-8859-7")
    path = tmp_path / "greek.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=iso-8859-7")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://ferry.example/times", "response", payload=io.BytesIO(payload),
                                                      length=len(payload), http_headers=http))
    (doc,) = iter_documents(str(path))
    assert "The ferry to Αθήνα leaves" in doc.raw
