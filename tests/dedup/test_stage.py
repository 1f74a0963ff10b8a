"""Dedup as a corpus stage of a whole run: fixtures, seeds, CLI options, output fields."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.cli import main
from cleaner.dedup.config import DedupConfig
from cleaner.dedup.stage import DedupStage
from cleaner.document import Document, Status
from cleaner.runner import run
from tests.conftest import FIXTURES
from tests.dedup.helpers import corpus_module

DEDUP_FIXTURES = FIXTURES / "dedup"
EXPECTED = json.loads((DEDUP_FIXTURES / "clusters.json").read_text(encoding="utf-8"))["clusters"]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


@pytest.fixture(scope="module")
def fixture_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("dedup") / "out.jsonl"
    summary = run(Cleaner(), [DEDUP_FIXTURES], output=str(out), stages=[DedupStage()])
    return summary, read_jsonl(out), read_jsonl(out.with_name("out.rejects.jsonl"))


def test_fixture_clusters_precision_recall_and_kept(fixture_run):
    summary, records, rejects = fixture_run
    by_name = {Path(r["source"]).name: r for r in records + rejects}
    assert sorted(by_name) == sorted(name for cluster in EXPECTED for name in cluster), "every input is accounted for"
    assert all(r["status"] == "duplicate" for r in rejects)
    id_to_name = {r["id"]: Path(r["source"]).name for r in records}
    kept_of = {name: (name if "id" in r else id_to_name[r["duplicate_of"]]) for name, r in by_name.items()}
    names = sorted(kept_of)
    truth = {name: i for i, cluster in enumerate(EXPECTED) for name in cluster}
    precision, recall, _, true = corpus_module().pair_scores([truth[n] for n in names], [kept_of[n] for n in names])
    assert true == 6 + 3
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)
    for cluster in EXPECTED:  # the first of each cluster is the one the keep rule keeps
        kept = by_name[cluster[0]]
        assert kept.get("id") and kept["duplicates"] == len(cluster) - 1
        assert sorted(Path(s).name for s in kept["duplicate_sources"]) == sorted(cluster[1:])


def test_duplicates_explain_themselves(fixture_run):
    _, records, rejects = fixture_run
    source_of = {r["id"]: r["source"] for r in records}
    for entry in rejects:
        assert entry["reason_id"] in ("dedup.exact", "dedup.near")
        assert f"duplicate (same normalised text) of {source_of[entry['duplicate_of']]};" in entry["reason"] or \
            f"near duplicate of {source_of[entry['duplicate_of']]} (estimated Jaccard similarity 0." in entry["reason"]
    note = next(e for e in rejects if e["source"].endswith("islandpost_ferry.txt"))
    assert note["reason_id"] == "dedup.near" and "herald_ferry.txt" in note["reason"]
    again = next(e for e in rejects if e["source"].endswith("herald_ferry_again.txt"))
    assert again["reason_id"] == "dedup.exact"


def test_exact_mode_keeps_near_copies(tmp_path):
    out = tmp_path / "out.jsonl"
    run(Cleaner(), [DEDUP_FIXTURES], output=str(out), stages=[DedupStage(DedupConfig(mode="exact"))])
    rejects = read_jsonl(tmp_path / "out.rejects.jsonl")
    assert {e["reason_id"] for e in rejects} == {"dedup.exact"}
    assert not any(e["source"].endswith(("islandpost_ferry.txt", "courier_pass_1300.txt")) for e in rejects)


def test_seed_scrapes_same_event_two_agencies_stay_two_records(shared, tmp_path):
    out = tmp_path / "out.jsonl"
    summary = run(Cleaner(), [shared / "seeds"], output=str(out), stages=[DedupStage()])
    records = read_jsonl(out)
    assert summary.kept == len(records) == 2 and not summary.rejected
    assert all(r["duplicates"] == 0 and r["duplicate_sources"] == [] for r in records)


def test_stage_yields_every_document_in_order_and_leaves_rejects_alone():
    body = " ".join(f"word{i}" for i in range(80))
    docs = [Document.from_text(f"d{i}.txt", body) for i in range(3)]
    dropped = Document.from_text("dropped.txt", body)
    dropped.drop("filter.test", "test")
    stream = [docs[0], dropped, docs[1], docs[2]]
    out = list(DedupStage()(iter(stream)))
    assert [d.source for d in out] == [d.source for d in stream]
    assert [d.status for d in out] == [Status.KEPT, Status.DROPPED, Status.DUPLICATE, Status.DUPLICATE]
    assert out[0].duplicate_sources == ["d1.txt", "d2.txt"] and out[2].duplicate_of == out[3].duplicate_of


def test_stage_takes_the_entry_the_worker_mapped():
    """An entry in ``doc.mapped`` is used (not recomputed) and taken out of the document."""
    body = " ".join(f"word{i}" for i in range(80))
    other = " ".join(f"other{i}" for i in range(80))
    stage = DedupStage()
    docs = [Document.from_text(f"d{i}.txt", body) for i in range(2)]
    docs[1].mapped = {"dedup": stage.mapper().entry("d1.txt", other)}  # what a worker would say of another text
    out = list(stage(iter(docs)))
    assert [d.status for d in out] == [Status.KEPT, Status.KEPT]  # the entry, not the text, decided
    assert out[1].mapped == {}


def test_mapper_is_picklable_and_maps_alike():
    body = " ".join(f"word{i}" for i in range(80))
    mapper = DedupStage().mapper()
    a, b = mapper.entry("x.txt", body, 2), pickle.loads(pickle.dumps(mapper)).entry("x.txt", body, 2)
    assert (a.source, a.record_id, a.exact, a.complete, a.length) == (b.source, b.record_id, b.exact, b.complete, b.length)
    assert (a.signature == b.signature).all() and a.signature is not None


def test_cli_dedup_options(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main([str(DEDUP_FIXTURES), "-o", str(out)]) == 0
    assert "9 inputs = 4 kept + 5 rejected (0 dropped, 0 errors, 5 duplicates)" in capsys.readouterr().err
    assert main([str(DEDUP_FIXTURES), "-o", str(out), "--dedup", "exact"]) == 0
    exact = capsys.readouterr().err
    assert "5 duplicates" not in exact and "duplicates" in exact
    assert main([str(DEDUP_FIXTURES), "-o", str(out), "--no-dedup"]) == 0
    assert "9 inputs = 9 kept + 0 rejected" in capsys.readouterr().err
    assert all(r["duplicates"] == 0 for r in read_jsonl(out))
