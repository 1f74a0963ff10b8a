"""Local parallelism: the same output whatever the executor, bounded work in flight, the progress line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.dedup.index import DedupMapper
from cleaner.dedup.stage import DedupStage
from cleaner.document import Status
from cleaner.errors import CleanerError
from cleaner.parallel import ProcessExecutor, Progress, SerialExecutor, make_executor, parallel_documents
from cleaner.parallel.executor import chunked_window, ordered_window
from cleaner.parallel.work import BATCH_DOCS, CLEAN_CHUNK_FILES, Batch, CleanTask, chunk_files, work_items
from cleaner.runner import run
from tests.conftest import FIXTURES, ROOT
from tests.parallel.corpus import NegateTask, inputs, make_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("parallel"))


def outputs(paths, out: Path, executor=None) -> tuple[bytes, bytes]:
    """Run the whole pipeline (templates, cleaning, dedup, writers) and return the output and rejects files' bytes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    cleaner = Cleaner()
    run(cleaner, paths, output=out, stages=[DedupStage()], executor=executor)
    return out.read_bytes(), out.with_name(out.stem + ".rejects.jsonl").read_bytes()


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """Cleaner.run in one process: what every executor must reproduce."""
    out = tmp_path_factory.mktemp("ref")
    return {"corpus": outputs(inputs(corpus), out / "corpus.jsonl"), "fixtures": outputs([FIXTURES], out / "fixtures.jsonl")}


def test_generated_corpus_exercises_every_path(reference):
    records, rejects = reference["corpus"]
    assert records.count(b"\n") > 150 and b"heuristic.template.line" in records + rejects
    for reason in (b'"status": "duplicate"', b'"status": "error"', b'"status": "dropped"', b"#record-", b"feed.jsonl#r149"):
        assert reason in records + rejects, reason


@pytest.mark.parametrize("name", ["corpus", "fixtures"])
def test_serial_executor_is_byte_identical(name, corpus, reference, tmp_path):
    paths = inputs(corpus) if name == "corpus" else [FIXTURES]
    assert outputs(paths, tmp_path / "out.jsonl", SerialExecutor()) == reference[name]


@pytest.mark.parametrize("name", ["corpus", "fixtures"])
def test_two_workers_are_byte_identical(name, corpus, reference, tmp_path):
    paths = inputs(corpus) if name == "corpus" else [FIXTURES]
    executor = ProcessExecutor(2, in_flight=3, min_items=0)  # a pool even for few files; a small window
    assert outputs(paths, tmp_path / "out.jsonl", executor) == reference[name]


def test_counters_are_the_same(corpus):
    one, two = Cleaner(), Cleaner()
    docs_one = list(one.run(inputs(corpus)))
    docs_two = list(parallel_documents(two, inputs(corpus), ProcessExecutor(2, min_items=0)))
    assert [d.source for d in docs_one] == [d.source for d in docs_two]
    assert (one.stats.inputs, one.stats.statuses, one.stats.rule_lines) == (two.stats.inputs, two.stats.statuses, two.stats.rule_lines)
    assert set(one.stats.step_seconds) == set(two.stats.step_seconds)


def test_multi_document_files_go_in_batches(corpus):
    items = list(work_items([str(corpus / "feed.jsonl"), str(corpus / "txt" / "page-001.txt")], Cleaner().config))
    batches = [item for item in items if isinstance(item, Batch)]
    assert [len(b.docs) for b in batches] == [BATCH_DOCS, BATCH_DOCS, 150 - 2 * BATCH_DOCS]
    assert [b.ends_file for b in batches] == [False, False, True] and items[-1].endswith("page-001.txt")


@given(st.lists(st.integers(), max_size=40), st.integers(1, 6))
def test_ordered_window_keeps_order_and_bounds_work(items, window):
    outstanding = []

    def submit(item):
        outstanding.append(item)
        assert len(outstanding) <= window
        return item

    def result(handle):
        outstanding.remove(handle) if handle in outstanding else None
        return handle

    assert list(ordered_window(submit, items, window, result)) == items


@given(st.lists(st.integers(), max_size=40), st.integers(1, 6), st.integers(1, 7))
def test_chunked_window_keeps_order_and_bounds_work(items, window, chunk):
    outstanding = []

    def submit(group):
        assert 1 <= len(group) <= chunk
        outstanding.append(group)
        assert len(outstanding) <= window
        return group

    def result(handle):
        outstanding.remove(handle)
        return [-x for x in handle]

    assert list(chunked_window(submit, items, chunk, window, result)) == [-x for x in items]


def test_pool_with_chunks_keeps_order():
    assert list(ProcessExecutor(2, in_flight=2, min_items=0).map(NegateTask(), range(37), chunk=5)) == [-i for i in range(37)]


def test_chunks_only_when_every_input_is_a_page_file(corpus):
    pages = [str(p) for p in sorted((corpus / "txt").glob("*.txt"))]
    assert chunk_files(pages, 4) == 4
    assert chunk_files(pages + [str(corpus / "feed.jsonl")], 4) == 1  # a batch is already 64 documents
    assert chunk_files(pages + [str(corpus / "crawl.warc.gz")], 4) == 1


def test_workers_map_the_dedup_entries(corpus):
    """The clean task runs the corpus stages' map side on every kept document,
    and its entry is the one the driver would compute."""
    cleaner = Cleaner()
    task = CleanTask(cleaner.config, cleaner.rules, None, mappers={"dedup": DedupStage().mapper()})
    docs = [doc for path in sorted((corpus / "txt").glob("page-00*.txt")) for doc in task(str(path)).docs]
    kept = [doc for doc in docs if doc.status is Status.KEPT]
    assert kept and len(kept) < len(docs)  # page-000 is too short
    assert all(doc.mapped is None for doc in docs if doc.status is not Status.KEPT)
    here = DedupMapper()
    for doc in kept:
        entry, expected = doc.mapped["dedup"], here(doc)
        assert (entry.source, entry.record_id, entry.exact, entry.complete, entry.length) == \
            (expected.source, expected.record_id, expected.exact, expected.complete, expected.length)
        assert (entry.signature == expected.signature).all()
    assert CLEAN_CHUNK_FILES > 1


def test_ordered_window_streams():
    """Results come before all items are submitted: the input is never read to the end first."""
    submitted = []
    stream = ordered_window(lambda x: submitted.append(x) or x, iter(range(100)), 3, lambda h: h)
    assert next(stream) == 0 and len(submitted) == 3


def test_few_items_run_in_this_process():
    """Below min_items no pool is started: the task runs here (a pool would not see this list)."""
    class Here:
        seen: list = []

        def setup(self):
            pass

        def __call__(self, item):
            self.seen.append(item)
            return -item

    assert list(ProcessExecutor(2, min_items=5).map(Here(), range(4))) == [0, -1, -2, -3] and Here.seen == [0, 1, 2, 3]


def test_make_executor():
    assert isinstance(make_executor("local", 1), SerialExecutor)
    assert make_executor("local", 3).workers == 3
    with pytest.raises(ValueError, match="unknown engine"):
        make_executor("spark")


def test_ray_missing_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray → ImportError
    with pytest.raises(CleanerError, match=r"pip install 'cleaner\[ray\]'"):
        make_executor("ray")


def test_cli_ray_missing(monkeypatch, capsys, tmp_path):
    from cleaner.cli import main

    monkeypatch.setitem(sys.modules, "ray", None)
    assert main([str(FIXTURES), "-o", str(tmp_path / "o.jsonl"), "--engine", "ray"]) == 2
    assert "pip install 'cleaner[ray]'" in capsys.readouterr().err


def test_cli_workers_rejects_zero(capsys):
    from cleaner.cli import main

    with pytest.raises(SystemExit):
        main([str(FIXTURES), "--workers", "0"])
    assert "--workers must be at least 1" in capsys.readouterr().err


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_on_a_terminal():
    ticks = iter(range(100))
    bar = Progress(FakeTTY(), clock=lambda: float(next(ticks)), interval=0)
    bar.start("clean", 4)
    bar.advance(10)
    bar.advance(10)
    bar.finish()
    text = bar.stream.getvalue()
    assert text.startswith("\rcleaner clean: 1/4 files, 10 docs") and "docs/s, ETA " in text and text.endswith("\n")


@pytest.mark.parametrize("stream,quiet", [(io.StringIO(), False), (FakeTTY(), True)])
def test_progress_silent_off_a_terminal_or_quiet(stream, quiet):
    bar = Progress.for_terminal(quiet=quiet, stream=stream)
    bar.start("clean", 2)
    bar.advance(5)
    bar.finish()
    assert stream.getvalue() == ""


def test_cli_progress_silent_when_stderr_is_a_file(tmp_path):
    """A real run with stderr to a file: the summary, no progress line."""
    done = subprocess.run([sys.executable, "-m", "cleaner", str(FIXTURES), "-o", str(tmp_path / "o.jsonl"), "--workers", "2"],
                          capture_output=True, text=True, cwd=ROOT, check=True)
    assert "\r" not in done.stderr and "docs/s" not in done.stderr and "inputs =" in done.stderr


@pytest.mark.parametrize("quiet", [False, True])
def test_cli_progress_on_a_terminal(tmp_path, quiet):
    """stderr a terminal (a pty): the progress line with docs/s, unless --quiet."""
    import os
    import pty

    leader, follower = pty.openpty()
    cmd = [sys.executable, "-m", "cleaner", str(FIXTURES), "-o", str(tmp_path / "o.jsonl"), "--workers", "1"] + ["-q"] * quiet
    try:
        subprocess.run(cmd, stderr=follower, stdout=subprocess.DEVNULL, cwd=ROOT, check=True)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal has no writer left
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    err = b"".join(chunks).decode()
    if quiet:
        assert err == ""
    else:
        assert "\rcleaner templates: " in err and "\rcleaner clean: " in err and "docs/s" in err and "inputs =" in err


def test_workers_exit_when_the_driver_is_killed(tmp_path):
    """SIGKILL leaves the driver no chance to stop its pool: the workers notice and exit on their own."""
    import os
    import signal
    import time

    script = ("import sys\nfrom cleaner.parallel import ProcessExecutor\nfrom tests.parallel.corpus import PidTask\n"
              f"for n, _ in enumerate(ProcessExecutor(2, min_items=0).map(PidTask({str(tmp_path)!r}), range(10_000))):\n"
              "    if n == 3:\n        print('running', flush=True)\n        import time; time.sleep(60)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "running"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    workers = [int(p.name) for p in tmp_path.iterdir()]
    assert len(workers) == 2

    def alive(pid):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return not Path(f"/proc/{pid}/stat").exists() or Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"

    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)
