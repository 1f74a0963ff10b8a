"""Invariants of the new readers and of the report, on arbitrary input."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import Status
from cleaner.readers.jsonl import iter_jsonl
from cleaner.report import ReportCollector

lines = st.lists(st.binary(max_size=60).filter(lambda b: b"\n" not in b), max_size=8)


@given(lines)
def test_jsonl_reader_never_raises_and_yields_one_document_per_line(tmp_path_factory, raw_lines):
    path = tmp_path_factory.mktemp("jsonl") / "in.jsonl"
    path.write_bytes(b"\n".join(raw_lines))
    docs = list(iter_jsonl(str(path)))
    if path.read_bytes().startswith(b"\x1f\x8b"):  # gzip magic: the file is read as (broken) gzip, one error
        assert [d.status for d in docs] == [Status.ERROR]
    else:
        assert len(docs) == sum(1 for line in raw_lines if line.strip())
    assert all(d.status in (Status.KEPT, Status.ERROR) and (d.status is Status.KEPT or d.reason) for d in docs)


@given(st.lists(st.text(max_size=300), min_size=1, max_size=6))
def test_jsonl_text_is_read_as_given(tmp_path_factory, texts):
    path = tmp_path_factory.mktemp("jsonl") / "in.jsonl"
    path.write_text("".join(json.dumps({"text": t, "id": i}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    docs = list(iter_jsonl(str(path)))
    assert [d.raw for d in docs] == [t.replace("\r\n", "\n").replace("\r", "\n") for t in texts]
    assert [d.source.rsplit("#", 1)[1] for d in docs] == [str(i) for i in range(len(texts))]


@given(st.lists(st.text(max_size=400), min_size=1, max_size=5))
def test_report_lengths_account_for_every_removed_character(cleaner, texts):
    collector = ReportCollector()
    docs = [cleaner.clean_text(t, source=f"t{i}") for i, t in enumerate(texts)]
    for doc in docs:
        collector.add(doc)
    report = collector.report()
    assert sum(report["statuses"].values()) == report["documents"] == len(texts)
    removed = sum(row["chars"] for row in report["rules"])
    removed_from_dropped = sum(len(d.lines[r.line].text) for d in docs if d.status is not Status.KEPT for r in d.removals)
    kept_before = sum(len(line.text) for d in docs if d.status is Status.KEPT for line in d.lines)
    assert kept_before - report["lengths"]["after"]["total"] == removed - removed_from_dropped
    assert sum(report["languages"].values()) == report["statuses"].get("kept", 0)
