"""A whole run, from input paths to output files: the library behind
``python -m cleaner INPUT... -o OUT.jsonl``.

Stages, in order:

1. **clean**: :meth:`Cleaner.run` yields one finished :class:`Document` per input
   (kept, dropped or error), in input order;
2. **corpus stages**: steps that need the whole corpus before they can decide
   (deduplication), each a :class:`CorpusStage` that takes the stream of
   documents and gives it back, possibly with some statuses changed;
3. **write**: kept documents go to the output (JSONL, or Parquet for
   ``.parquet``), the others to the rejects file; the run report
   (:mod:`cleaner.report`) sees every document;
4. **account**: the run manifest (:mod:`cleaner.manifest`) beside the output, last.

Meanwhile every finished document is journaled (:mod:`cleaner.checkpoint`),
so that a killed run can be resumed (:class:`RunControl`).

The CLI only parses options and calls :func:`run`.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Protocol

from .api import Cleaner
from .checkpoint import Checkpoint, checkpoint_dir, fingerprint, journaled, remove_stale_temporaries
from .document import Document, Status
from .manifest import build_manifest, manifest_path, write_json_atomic
from .parallel.remote import discover_inputs
from .pipeline import Stats
from .readers import discover
from .report import ReportCollector, report_paths, timed_stages, write_report
from .writers import JsonlWriter, open_writer, to_record, to_reject


class CorpusStage(Protocol):
    """A step over the whole stream of finished documents (e.g. dedup).

    It must yield every document it receives (nothing disappears), in a
    deterministic order that does not depend on how the documents were produced.

    A stage may also have ``mapper()``: a picklable function of one finished,
    kept document (its map side), which the workers then run where they
    cleaned the document; the result reaches the stage as
    ``doc.mapped[stage.name]`` (absent for documents restored from a
    checkpoint or cleaned without workers: the stage maps those itself)."""

    name: str

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]: ...


@dataclass(slots=True)
class RunSummary:
    """What a run did: counters of the cleaner plus where things were written."""

    stats: Stats
    output: str | None
    rejects: str | None
    kept: int = 0
    #: the rejects-file entries, kept here only when there is no rejects file (output to stdout; the CLI prints
    #: them): with a rejects file they are written as they come, so that memory does not grow with the rejects
    rejected: list[dict] = field(default_factory=list)
    #: the run report (cleaner.report), and where it was written
    report: dict = field(default_factory=dict)
    report_json: str | None = None
    report_html: str | None = None
    #: final status of every input document (after the corpus stages) → count; sums to the number of inputs
    statuses: Counter = field(default_factory=Counter)
    #: reason id of every rejected input → count
    reasons: Counter = field(default_factory=Counter)
    inputs: int = 0  # documents written (a WARC or JSONL file holds many)
    read: int = 0  # documents read; equals ``inputs`` unless a corpus stage lost some
    files: int = 0
    restored: int = 0  # documents taken from the checkpoint of an interrupted run
    manifest: str | None = None
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # for the user: resumed, checkpoint discarded, ...

    @property
    def errors(self) -> int:
        return self.statuses[Status.ERROR.value]


def rejects_path(output: str | None, rejects: str | None) -> str | None:
    """Where rejects go: explicit ``rejects`` wins; ``out.jsonl`` → ``out.rejects.jsonl``;
    None when the output is stdout.

    >>> rejects_path("out.jsonl", None), rejects_path(None, None), rejects_path("o.jsonl", "r.jsonl")
    ('out.rejects.jsonl', None, 'r.jsonl')
    """
    if rejects:
        return rejects
    if output in (None, "-"):
        return None
    base = output
    for suffix in (".jsonl", ".parquet"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    return base + ".rejects.jsonl"


@dataclass(frozen=True, slots=True)
class RunControl:
    """How a run protects its work (README, "Reliability").

    ``resume``: continue the interrupted run whose checkpoint is beside the
    output; ``fail_fast``: stop at the first input that fails
    (:class:`cleaner.errors.RunStopped`, nothing written); ``checkpoint``:
    journal finished documents beside the output (file outputs only);
    ``manifest``: where the run manifest goes (default: beside the output)."""

    resume: bool = False
    fail_fast: bool = False
    checkpoint: bool = True
    manifest: str | None = None


def run(cleaner: Cleaner, inputs: Iterable[str | os.PathLike], output: str | None = None, rejects: str | None = None,
        stages: Iterable[CorpusStage] = (), report: str | None = None, report_html: str | bool | None = None,
        control: RunControl = RunControl(), executor=None, progress=None) -> RunSummary:
    """Clean ``inputs`` (files or folders) and write the records to ``output``
    (None or ``-``: stdout; ``.parquet``: Parquet) and the rejects to
    ``rejects`` (default: derived from ``output``, see :func:`rejects_path`).
    The run report goes to ``report`` (default ``OUT.report.json``; none for
    stdout) and, when ``report_html`` is given (a path, or True for beside the
    JSON report), as a page there (:func:`cleaner.report.report_paths`).
    ``control``: checkpointing, ``--resume``, ``--fail-fast`` and the manifest.
    ``executor`` (:mod:`cleaner.parallel`) runs the cleaning on workers, with
    the same output; ``progress`` shows a progress line (the CLI's, on a terminal)."""
    started = time.time()
    inputs, stages = list(inputs), list(stages)
    output, rejects, report = (os.fspath(p) if p is not None else None for p in (output, rejects, report))
    if isinstance(report_html, os.PathLike):
        report_html = os.fspath(report_html)
    rej_path = rejects_path(output, rejects)
    report_json, report_page = report_paths(output, report, report_html)
    summary = RunSummary(stats=cleaner.stats, output=output, rejects=rej_path, report_json=report_json, report_html=report_page,
                         manifest=manifest_path(output, control.manifest))
    files = list(discover(inputs) if executor is None else discover_inputs(inputs))  # the parallel path also reads URLs
    summary.files = len(files)
    checkpoint = None
    if control.checkpoint and output not in (None, "-"):
        remove_stale_temporaries([output, rej_path, summary.manifest, report_json, report_page])  # left by a killed run
        checkpoint = Checkpoint(checkpoint_dir(output))
        note = checkpoint.start(fingerprint(files, _settings(cleaner, stages)), len(files), control.resume)
        summary.restored = checkpoint.restored
        summary.notes += [note] if note else []
    collector = ReportCollector(cleaner.stats.step_seconds)
    read_before = cleaner.stats.inputs
    try:
        mappers = {stage.name: stage.mapper() for stage in stages if hasattr(stage, "mapper")}
        cleaned = journaled(cleaner, files, checkpoint, control.fail_fast, executor, progress, mappers)
        docs, timers = timed_stages(cleaned, stages)
        # the rejects stream to their (temporary) file as they come: nothing per document is kept for them
        # (the output is complete and renamed first, then the rejects file, as before)
        with (JsonlWriter(rej_path) if rej_path else nullcontext()) as rej, open_writer(output) as out:
            for doc in docs:
                summary.inputs += 1
                summary.statuses[doc.status.value] += 1
                if doc.status is Status.KEPT:
                    record = to_record(doc)
                    out.write(record)
                    collector.add(doc, record["id"])
                    summary.kept += 1
                else:
                    summary.reasons[doc.reason_id or doc.status.value] += 1
                    collector.add(doc)
                    if rej is not None:
                        rej.write(to_reject(doc))
                    else:
                        summary.rejected.append(to_reject(doc))
    finally:
        if checkpoint is not None:
            checkpoint.close()
    summary.read = cleaner.stats.inputs - read_before
    summary.report = collector.report(cleaner.rules.by_id(), timers, cleaner.stats.step_seconds,
                                      run={"output": output or "-", "rejects": rej_path or "-"})
    write_report(summary.report, report_json, report_page)
    finished = time.time()
    summary.seconds = finished - started
    if summary.manifest:
        write_json_atomic(summary.manifest, build_manifest(summary, cleaner, inputs, started, finished))
    if checkpoint is not None:
        checkpoint.remove()
    return summary


def _settings(cleaner: Cleaner, stages: list[CorpusStage]) -> list[str]:
    """What, besides the input files, decides a run's output (for the checkpoint's fingerprint)."""
    from . import __version__

    return [__version__, repr(cleaner.config), *(repr(rule) for rule in cleaner.rules.rules),
            *(f"{getattr(stage, 'name', type(stage).__name__)}:{getattr(stage, 'config', '')!r}" for stage in stages)]
