"""report.json: the numbers agree with the documents of the run."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from cleaner import Cleaner
from cleaner.document import Document, Status
from cleaner.report import ReportCollector
from cleaner.runner import run
from tests.conftest import FIXTURES
from tests.corpus_maker import write_warc


class Capture:
    """A corpus stage that remembers every document it passes on."""

    name = "test.capture"

    def __init__(self):
        self.docs: list[Document] = []

    def __call__(self, docs):
        for doc in docs:
            self.docs.append(doc)
            yield doc


def test_report_counts_agree_with_the_documents(tmp_path):
    write_warc(tmp_path / "crawl.warc.gz")
    capture = Capture()
    out = tmp_path / "out.jsonl"
    summary = run(Cleaner(), [FIXTURES, tmp_path / "crawl.warc.gz"], output=str(out), stages=[capture])
    report = json.loads((tmp_path / "out.report.json").read_text(encoding="utf-8"))
    assert report == json.loads(json.dumps(summary.report))
    docs = capture.docs
    assert report["documents"] == len(docs) and report["files"] == len({d.source.split("#")[0] for d in docs})
    assert report["statuses"] == dict(Counter(d.status.value for d in docs))
    assert report["statuses"]["kept"] == len(out.read_text(encoding="utf-8").splitlines())
    lines, chars, touched = Counter(), Counter(), Counter()
    for doc in docs:
        for removal in doc.removals:
            lines[removal.rule_id] += 1
            chars[removal.rule_id] += len(doc.lines[removal.line].text)
        touched.update({r.rule_id for r in doc.removals})
    assert {row["id"]: (row["lines"], row["chars"], row["docs"]) for row in report["rules"]} == {
        rule: (lines[rule], chars[rule], touched[rule]) for rule in lines}
    assert [row["chars"] for row in report["rules"]] == sorted((row["chars"] for row in report["rules"]), reverse=True)
    assert all(row["rationale"] for row in report["rules"]), [row["id"] for row in report["rules"] if not row["rationale"]]
    sources = {d.source for d in docs}
    assert all(1 <= len(row["examples"]) <= 3 and {ex["source"] for ex in row["examples"]} <= sources for row in report["rules"])
    kept = [d for d in docs if d.status is Status.KEPT]
    before, after = report["lengths"]["before"], report["lengths"]["after"]
    assert before["count"] == len(docs) and after["count"] == len(kept)
    assert before["total"] == sum(len(line.text) for d in docs for line in d.lines)
    assert after["total"] == sum(len(line.text) for d in kept for line in d.kept_lines())
    assert sum(b["count"] for b in before["histogram"]) == len(docs)
    assert report["languages"] == dict(Counter(d.meta.language or "unknown" for d in kept)) and "de" in report["languages"]
    assert report["duplicates"] == {"clusters": 0, "documents": 0, "largest": []}
    timing = report["time"]
    assert set(timing["stages"]) == {"clean", "test.capture"}
    assert "classifier" in " ".join(timing["steps"]) and all(seconds >= 0 for seconds in timing["steps"].values())


def test_stdout_runs_write_no_report_unless_asked(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    summary = run(Cleaner(), [FIXTURES / "comments_section.txt"])
    assert summary.report["documents"] == 1 and summary.report_json is None and not list(tmp_path.iterdir())
    run(Cleaner(), [FIXTURES / "comments_section.txt"], report=str(tmp_path / "r.json"))
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["documents"] == 1
    capsys.readouterr()


@dataclass(slots=True)
class DedupedDocument(Document):
    """A document as the dedup stage marks it (``duplicate_of`` = the kept
    record's id; the kept one lists the sources of its copies). The report
    reads these fields by name, so it works before and after dedup lands."""

    duplicate_of: str | None = None
    duplicate_sources: list[str] = field(default_factory=list)


def test_duplicate_clusters_from_either_side_of_the_link():
    collector = ReportCollector()
    collector.add(DedupedDocument.from_text("a", "text a", kind="text"), "id-a")
    collector.add(DedupedDocument(source="b", raw="x", duplicate_sources=["c", "d"]), "id-b")
    for source, of in (("c", "id-b"), ("d", "id-b"), ("f", "id-e"), ("z", "id-b")):
        collector.add(DedupedDocument(source=source, raw="x", duplicate_of=of, status=Status.DROPPED))
    dup = collector.report()["duplicates"]
    assert dup["clusters"] == 2 and dup["documents"] == 4
    assert dup["largest"][0] == {"representative": "b", "id": "id-b", "size": 4, "members": ["c", "d", "z"]}
    assert dup["largest"][1] == {"representative": "id-e", "id": "id-e", "size": 2, "members": ["f"]}


def test_report_page_shows_duplicate_clusters_when_there_are_some():
    from cleaner.report.html import render

    collector = ReportCollector()
    for i in range(3):
        collector.add(DedupedDocument(source=f"copy-{i}", raw="x", duplicate_of="original", status=Status.DROPPED))
    collector.add(DedupedDocument(source="other-copy", raw="x", duplicate_of="other", status=Status.DROPPED))
    page = render(collector.report())
    chart = page[page.index('<section id="duplicates">'):page.index('<section id="time">')]
    assert chart.count('<rect class="bar"') == 2 and "original" in chart and "copy-2" in chart
    assert "no duplicate clusters" not in chart
