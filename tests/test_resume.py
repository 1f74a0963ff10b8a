"""Kill a real run with SIGKILL mid-way, resume it, and compare with an
uninterrupted run byte for byte; plus the checkpoint's parts."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.checkpoint import JOURNAL, Checkpoint, document_from_json, document_to_json
from cleaner.errors import ResumeError
from cleaner.runner import RunControl, run

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
WORDS = ("harbour council ferry timetable morning boats commuters residents plan vessels summer season pier "
         "glass pavilion customers noise evening budget mayor station bridge river market school library").split()


def make_corpus(root: Path, count: int) -> Path:
    """``count`` generated articles on three made-up sites (their header and footer lines recur: template
    lines), a few empty and binary files among them, some exact duplicates."""
    rng = random.Random(7)
    root.mkdir(parents=True)
    for i in range(count):
        site = i % 3
        paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 60))).capitalize() + "."
                      for _ in range(rng.randint(3, 8))]
        text = "\n\n".join([f"Site {site} Home | News | Sport | Weather", f"Story number {i} about the {rng.choice(WORDS)}",
                            *paragraphs, f"© 2024 Site {site} Media. All rights reserved.", "Share this story"])
        sub = root / f"part{i % 4}"
        sub.mkdir(exist_ok=True)
        if i % 97 == 5:
            (sub / f"doc{i:04d}.txt").write_bytes(b"")
        elif i % 89 == 7:
            (sub / f"doc{i:04d}.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        else:
            (sub / f"doc{i:04d}.txt").write_text(text if i % 50 != 3 else text.replace(f"number {i}", "number 0"), encoding="utf-8")
    return root


def cli_command(*args) -> list[str]:
    return [sys.executable, "-m", "cleaner", *map(str, args)]


ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def journal_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def make_jsonl(path: Path, count: int) -> Path:
    """A JSONL input of ``count`` documents (one input file, many documents)."""
    rng = random.Random(8)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            text = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(4))
            fh.write(json.dumps({"id": f"j{i}", "url": f"https://news{i % 2}.example/{i}", "text": text}) + "\n")
    return path


def test_sigkill_mid_run_then_resume_gives_identical_output(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 600)
    jsonl = make_jsonl(tmp_path / "docs.jsonl", 300)  # first: the kill comes inside it, between two of its documents
    inputs = 300 + sum(1 for p in corpus.rglob("*") if p.is_file())
    full, killed = tmp_path / "full", tmp_path / "killed"
    done = subprocess.run(cli_command(jsonl, corpus, "-o", full / "out.jsonl"), capture_output=True, text=True, env=ENV, timeout=600)
    assert done.returncode == 1, done.stderr  # the empty and binary files are errors

    journal = killed / "out.checkpoint" / JOURNAL
    proc = subprocess.Popen(cli_command(jsonl, corpus, "-o", killed / "out.jsonl"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=ENV)
    deadline = time.monotonic() + 300
    while journal_lines(journal) < 100 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    written = journal_lines(journal)
    assert 100 <= written < inputs, f"the kill came too late to test anything ({written} of {inputs})"
    for name in ("out.jsonl", "out.rejects.jsonl", "out.manifest.json"):
        assert not (killed / name).exists(), f"{name} exists after the kill"

    resumed = subprocess.run(cli_command(jsonl, corpus, "-o", killed / "out.jsonl", "--resume"), capture_output=True, text=True,
                             env=ENV, timeout=600)
    assert resumed.returncode == 1, resumed.stderr
    assert "resuming:" in resumed.stderr
    for name in ("out.jsonl", "out.rejects.jsonl"):
        assert (killed / name).read_bytes() == (full / name).read_bytes(), f"{name} differs after resume"
    manifest = json.loads((killed / "out.manifest.json").read_text(encoding="utf-8"))
    assert manifest["accounted"] and manifest["inputs"] == inputs and manifest["resumed_documents"] >= 100
    assert not (killed / "out.checkpoint").exists()
    assert not [p.name for p in killed.iterdir() if p.name.startswith(".tmp-")]


def test_resume_refuses_a_checkpoint_of_other_inputs(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 12)
    out = tmp_path / "out" / "out.jsonl"
    checkpoint = Checkpoint(tmp_path / "out" / "out.checkpoint")
    checkpoint.start("another run", 12, resume=False)
    checkpoint.close()
    with pytest.raises(ResumeError, match="other inputs"):
        run(Cleaner(), [corpus], output=str(out), control=RunControl(resume=True))
    summary = run(Cleaner(), [corpus], output=str(out))  # without --resume: starts over, says so
    assert any("starting over" in note for note in summary.notes) and summary.inputs == 12


def test_journal_cut_short_by_a_kill_is_trimmed(tmp_path, cleaner):
    docs = [cleaner.clean_text((FIXTURES / name).read_text(encoding="utf-8"), source=name)
            for name in sorted(p.name for p in FIXTURES.glob("*.txt"))[:4]]
    first = Checkpoint(tmp_path / "cp")
    first.start("fp", len(docs), resume=False)
    for index, doc in enumerate(docs[:3]):
        first.record(index, index, 0, doc)
    first.close()
    with open(tmp_path / "cp" / JOURNAL, "ab") as fh:
        fh.write(b'{"n": 3, "doc": {"source": "cut sh')  # the kill came mid-line
    again = Checkpoint(tmp_path / "cp")
    again.start("fp", len(docs), resume=True)
    assert again.restored == 3 and again.position == (2, 1)
    assert list(again.restored_documents()) == docs[:3]
    again.record(3, 3, 0, docs[3])
    again.close()
    assert (tmp_path / "cp" / JOURNAL).read_bytes().count(b"\n") == 4


def test_documents_survive_the_journal_unchanged(cleaner):
    for path in sorted(FIXTURES.glob("*.txt")):
        doc = cleaner.clean_text(path.read_text(encoding="utf-8"), source=str(path) + "\udce9")  # a non-UTF-8 name too
        data = json.loads(json.dumps(document_to_json(doc), ensure_ascii=True))
        assert document_from_json(data) == doc


def test_ctrl_c_writes_nothing_and_resume_finishes(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", 300)
    out = tmp_path / "out" / "out.jsonl"
    journal = tmp_path / "out" / "out.checkpoint" / JOURNAL
    proc = subprocess.Popen(cli_command(corpus, "-o", out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    deadline = time.monotonic() + 300
    while journal_lines(journal) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "--resume" in stderr and not out.exists()
    assert not [p.name for p in out.parent.iterdir() if p.name.startswith(".tmp-")]  # cleaned up on the way out
    resumed = subprocess.run(cli_command(corpus, "-o", out, "--resume"), capture_output=True, text=True, env=ENV, timeout=600)
    assert resumed.returncode == 1 and "resuming:" in resumed.stderr, resumed.stderr
    assert json.loads((tmp_path / "out" / "out.manifest.json").read_text(encoding="utf-8"))["accounted"]


def test_resume_needs_an_output_file(tmp_path):
    result = subprocess.run(cli_command(FIXTURES, "--resume"), capture_output=True, text=True, env=ENV, timeout=300)
    assert result.returncode == 2 and "needs an output file" in result.stderr
