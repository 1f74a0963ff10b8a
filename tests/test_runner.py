"""The run from input paths to output files (cleaner.runner)."""

from __future__ import annotations

import json
from pathlib import Path

from cleaner import Cleaner
from cleaner.document import Status
from cleaner.runner import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_input_is_written_once(tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run(Cleaner(), [FIXTURES], output=str(out))
    records, rejects = read_jsonl(out), read_jsonl(tmp_path / "out.rejects.jsonl")
    assert summary.kept == len(records) > 0 and len(rejects) == summary.inputs - summary.kept > 0
    assert summary.rejected == []  # written as they come, not kept in memory (README "Scale")
    assert summary.errors == sum(r["status"] == "error" for r in rejects)
    assert len(records) + len(rejects) == summary.stats.inputs
    assert len({r["source"] for r in records + rejects}) == summary.stats.inputs


def test_corpus_stage_sees_every_document_and_can_reject(tmp_path):
    seen = []

    class RejectFirstKept:
        name = "test.reject_first"

        def __call__(self, docs):
            first = True
            for doc in docs:
                seen.append(doc.source)
                if first and doc.status is Status.KEPT:
                    doc.status, doc.reason_id, doc.reason, first = Status.DROPPED, self.name, "test", False
                yield doc

    out = tmp_path / "out.jsonl"
    baseline = run(Cleaner(), [FIXTURES], output=str(tmp_path / "base.jsonl"))
    summary = run(Cleaner(), [FIXTURES], output=str(out), stages=[RejectFirstKept()])
    assert len(seen) == summary.stats.inputs
    assert summary.kept == baseline.kept - 1
    assert "test.reject_first" in {r["reason_id"] for r in read_jsonl(tmp_path / "out.rejects.jsonl")}
