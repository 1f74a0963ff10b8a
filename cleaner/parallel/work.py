"""The two passes of a run as tasks over input files, and the driver that
chains them: :func:`parallel_documents`.

1. **templates** (map: :class:`TemplateTask`, one file → the
   :func:`~cleaner.corpus.templates.template_keys` of its kept documents;
   reduce in the driver: :class:`~cleaner.corpus.templates.TemplateIndex`,
   fed in input order, so the index is the one a one-process run builds,
   pruning included);
2. **clean** (map: :class:`CleanTask`, one file → its finished documents and
   the counters they moved; the driver yields the documents in input order
   to the corpus stages (dedup) and the writers).

What stays in the driver per document: the template keys of one file at a
time, the dedup index entry (``cleaner.dedup.index``: ~620 bytes), and
what the runner keeps for the report. The documents themselves are only in
flight (``in_flight`` files at most).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..config import Config
from ..corpus.templates import TemplateIndex, template_keys
from ..document import Document, Status
from ..pipeline import Pipeline, Stats
from ..ruleset import RuleSet
from .remote import discover_inputs, read_input


@dataclass(slots=True)
class FileResult:
    """What the clean pass made of one input file."""

    docs: list[Document]
    stats: Stats


class TemplateTask:
    """Map of the template pass: ``task(path)`` → one sorted key list per kept document of the file."""

    def __init__(self, config: Config):
        self.config = config

    def setup(self) -> None:
        pass

    def __call__(self, path: str) -> list[list[tuple[int, int]]]:
        return [template_keys(doc, self.config.templates) for doc in read_input(path, self.config)
                if doc.status is Status.KEPT]


class CleanTask:
    """Map of the clean pass: ``task(path)`` → :class:`FileResult`. The
    cleaner (rules, models, the compacted template index) is built once per
    worker by :meth:`setup`."""

    def __init__(self, config: Config, rules: RuleSet, templates: TemplateIndex | None):
        self.config = config
        self.rules = rules
        self.templates = templates
        self.pipeline: Pipeline | None = None

    def __getstate__(self):
        return {"config": self.config, "rules": self.rules, "templates": self.templates}

    def __setstate__(self, state):
        self.__init__(state["config"], state["rules"], state["templates"])

    def setup(self) -> None:
        from ..api import Cleaner, default_steps

        cleaner = Cleaner(self.config, rules=self.rules)
        self.pipeline = cleaner.pipeline
        if self.templates is not None:
            steps = default_steps(cleaner.config, cleaner.rules, cleaner.detector, cleaner.resources, self.templates)
            self.pipeline = Pipeline(steps, self.config)

    def __call__(self, path: str) -> FileResult:
        if self.pipeline is None:
            self.setup()
        self.pipeline.stats = stats = Stats()
        docs = [self.pipeline.process(doc) for doc in read_input(path, self.config)]
        return FileResult(docs, stats)


def absorb(total: Stats, part: Stats) -> None:
    """Add ``part`` into ``total`` in place (the runner's report holds references to its counters)."""
    total.inputs += part.inputs
    for mine, theirs in ((total.statuses, part.statuses), (total.reasons, part.reasons), (total.rule_lines, part.rule_lines),
                         (total.rule_chars, part.rule_chars), (total.rule_docs, part.rule_docs),
                         (total.step_seconds, part.step_seconds)):
        mine.update(theirs)


def parallel_documents(cleaner, inputs: Iterable[str | os.PathLike], executor, progress=None) -> Iterator[Document]:
    """What :meth:`cleaner.api.Cleaner.run` yields (the same documents, in
    the same order, the same counters added to ``cleaner.stats``), with the
    map side of both passes run by ``executor``. ``progress``: an optional
    :class:`~cleaner.parallel.progress.Progress`. Inputs are paths or fsspec
    URLs (``s3://bucket/crawl/``) the workers can reach."""
    files = list(discover_inputs(inputs))
    config = cleaner.config
    templates = None
    if config.template_lines:
        index = TemplateIndex(config.templates)
        if progress:
            progress.start("templates", len(files))
        for per_doc in executor.map(TemplateTask(config), files):
            for pairs in per_doc:
                for key, sketch in pairs:
                    index.add(key, sketch)
                index.documents += 1
            if progress:
                progress.advance(len(per_doc))
        templates = index.compact()
        del index
    if progress:
        progress.start("clean", len(files))
    for result in executor.map(CleanTask(config, cleaner.rules, templates), files):
        absorb(cleaner.stats, result.stats)
        if progress:
            progress.advance(len(result.docs))
        yield from result.docs
    if progress:
        progress.finish()
