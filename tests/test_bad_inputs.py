"""The CLI on the generated bad-input corpus (tests/data/make_bad.py): every
file gets the status and reason the README's "Reliability" table promises,
the run goes on, and everything is accounted for."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("make_bad", ROOT / "tests" / "data" / "make_bad.py")
make_bad = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_bad)


def cli(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=300)


def read_jsonl(path: Path) -> list[dict]:
    raw = path.read_bytes()
    raw.decode("utf-8")  # strict: the files are valid UTF-8
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = make_bad.make(tmp_path_factory.mktemp("bad") / "bad")
    yield root
    os.chmod(root / "unreadable.txt", 0o644)


def expected(name: str) -> tuple[str, str | None, str]:
    status, reason_id, phrase = make_bad.CASES[name]
    if name == "unreadable.txt" and os.geteuid() == 0:  # root reads it anyway (tests/test_reliability.py simulates EACCES)
        return "kept", None, "ferry timetable"
    return status, reason_id, phrase


def test_every_bad_input_gets_its_status_and_reason(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    result = cli(corpus, "-o", out, *make_bad.CLI_OPTIONS)
    assert result.returncode == 1, result.stderr  # some inputs failed, the run finished
    records, rejects = read_jsonl(out), read_jsonl(tmp_path / "out.rejects.jsonl")
    by_name = {}
    for entry in records + rejects:
        name = os.path.relpath(entry["source"], os.fsdecode(corpus))
        assert name not in by_name, f"{name} written twice"
        by_name[name] = entry
    cases = {name for name in make_bad.CASES if name != "fifo.txt" or hasattr(os, "mkfifo")}
    assert set(by_name) == cases
    for name in sorted(cases):
        status, reason_id, phrase = expected(name)
        entry = by_name[name]
        if status == "kept":
            assert "text" in entry, f"{name}: expected a record, got {entry}"
            assert phrase in entry["text"], f"{name}: {phrase!r} not in {entry['text'][:200]!r}"
        else:
            assert (entry["status"], entry["reason_id"]) == (status, reason_id), f"{name}: {entry}"
            assert phrase in entry["reason"], f"{name}: {phrase!r} not in {entry['reason']!r}"
    manifest = json.loads((tmp_path / "out.manifest.json").read_text(encoding="utf-8"))
    assert manifest["accounted"] and sum(manifest["counts"].values()) == manifest["inputs"] == len(cases)
    assert manifest["counts"]["kept"] == len(records) and manifest["counts"]["error"] == sum(r["status"] == "error" for r in rejects)
    assert f"{len(cases)} inputs = {len(records)} kept + {len(rejects)} rejected" in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")], "temporary files left behind"
    assert not (tmp_path / "out.checkpoint").exists()


def test_fail_fast_stops_at_the_first_failed_input_and_writes_nothing(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    result = cli(corpus, "-o", out, "--fail-fast", *make_bad.CLI_OPTIONS)
    assert result.returncode == 3, result.stderr
    assert "--fail-fast" in result.stderr and "broken-link.txt" in result.stderr  # the first failing input, sorted
    assert not out.exists() and not (tmp_path / "out.rejects.jsonl").exists() and not (tmp_path / "out.manifest.json").exists()


def test_make_bad_cases_are_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Reliability"):]
    for name, (_status, reason_id, _) in make_bad.CASES.items():
        assert f"`{name}`" in section, f"README's Reliability section does not list {name}"
        assert reason_id is None or f"`{reason_id}`" in section
