"""The pipeline: a plain list of steps, and the loop that owns counters and
timing. Readers make documents, strippers and annotators work on them,
filters decide, and the caller (a writer) consumes the finished documents.

One bad input never stops a run: read errors and unexpected exceptions in a
step become ``status: error`` documents with a reason, counted like any other
outcome.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .config import Config
from .document import Document, Status
from .errors import InputError
from .limits import DocumentTimeout, time_limit, timeout_reason
from .readers import discover, iter_documents, read_file
from .steps import Annotator, Filter, Step, Stripper


@dataclass(slots=True)
class Stats:
    """Counters of a run; addable, so per-file or per-worker stats sum up."""

    inputs: int = 0
    statuses: Counter = field(default_factory=Counter)  # kept / dropped / error
    reasons: Counter = field(default_factory=Counter)  # filter or error id → documents
    rule_lines: Counter = field(default_factory=Counter)  # rule id → lines removed
    rule_chars: Counter = field(default_factory=Counter)  # rule id → characters removed
    rule_docs: Counter = field(default_factory=Counter)  # rule id → documents touched
    step_seconds: Counter = field(default_factory=Counter)

    def __add__(self, other: Stats) -> Stats:
        return Stats(
            self.inputs + other.inputs,
            self.statuses + other.statuses,
            self.reasons + other.reasons,
            self.rule_lines + other.rule_lines,
            self.rule_chars + other.rule_chars,
            self.rule_docs + other.rule_docs,
            self.step_seconds + other.step_seconds,
        )

    def count(self, doc: Document) -> None:
        self.inputs += 1
        self.statuses[doc.status.value] += 1
        if doc.reason_id:
            self.reasons[doc.reason_id] += 1
        touched = set()
        for removal in doc.removals:
            self.rule_lines[removal.rule_id] += 1
            self.rule_chars[removal.rule_id] += len(doc.lines[removal.line].text)
            touched.add(removal.rule_id)
        for rule_id in touched:
            self.rule_docs[rule_id] += 1

    def summary(self) -> str:
        parts = [f"{self.inputs} inputs"] + [f"{n} {status}" for status, n in sorted(self.statuses.items())]
        return ", ".join(parts)


class Pipeline:
    def __init__(self, steps: list[Step], config: Config = Config(), steps_by_kind: dict[str, list[Step]] | None = None):
        self.steps = list(steps)
        self.config = config
        self.stats = Stats()
        #: a document whose ``kind`` is a key here goes through that list instead of ``steps`` (HTML extractions)
        self.steps_by_kind = {kind: list(kind_steps) for kind, kind_steps in (steps_by_kind or {}).items()}

    def process(self, doc: Document) -> Document:
        """Run every step on ``doc`` (stopping at the first filter that drops
        it) and count the outcome. Past ``Config.max_seconds_per_document``
        the document fails with ``error.timeout`` (:mod:`cleaner.limits`;
        reading has its own budget, see :func:`cleaner.readers.read_bytes`)."""
        limit = self.config.max_seconds_per_document
        try:
            with time_limit(limit):
                self._run_steps(doc)
        except DocumentTimeout:
            time_limit.handled()
            doc.fail("error.timeout", timeout_reason(limit))
        self.stats.count(doc)
        return doc

    def _run_steps(self, doc: Document) -> None:
        for step in self.steps_by_kind.get(doc.kind, self.steps):
            if doc.status is not Status.KEPT:
                break
            started = time.perf_counter()
            try:
                if isinstance(step, Stripper):
                    step.strip(doc)
                elif isinstance(step, Annotator):
                    step.annotate(doc)
                elif isinstance(step, Filter):
                    verdict = step.filter(doc)
                    if verdict is not None:
                        doc.drop(verdict.filter_id, verdict.reason)
                else:
                    raise TypeError(f"{step!r} is not a Stripper, Annotator or Filter")
            except Exception as exc:  # one document's failure must not stop the run
                doc.fail("error.internal", f"step {step.name!r} failed: {type(exc).__name__}: {exc} (please report this)")
            finally:
                self.stats.step_seconds[step.name] += time.perf_counter() - started

    def read(self, path: str) -> Document:
        try:
            return read_file(path, self.config)
        except InputError as exc:
            return Document.unreadable(path, exc.reason, exc.reason_id)

    def read_all(self, path: str) -> Iterator[Document]:
        """Every document of one input file, in file order (a WARC or JSONL
        file holds many); unreadable input comes out as error documents."""
        return iter_documents(path, self.config)

    def run(self, paths: Iterable[str | os.PathLike]) -> Iterator[Document]:
        """Read and process every input under ``paths``: files in sorted order,
        the documents of a file in file order."""
        for path in discover(paths):
            for doc in self.read_all(path):
                yield self.process(doc)
