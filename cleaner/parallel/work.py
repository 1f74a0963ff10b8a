"""The two passes of a run as tasks over input files, and the driver that
chains them: :func:`parallel_documents`.

1. **templates** (map: :class:`TemplateTask`, one file → the
   :func:`~cleaner.corpus.templates.template_keys` of its kept documents;
   reduce in the driver: :class:`~cleaner.corpus.templates.TemplateIndex`,
   fed in input order, so the index is the one a one-process run builds,
   pruning included);
2. **clean** (map: :class:`CleanTask`, one file → its finished documents,
   with the map side of the corpus stages done on them (the dedup entry),
   and the counters they moved; the driver yields the documents in input order
   to the corpus stages (dedup) and the writers).

What stays in the driver per document: the template index (bounded by
``TemplateConfig.max_entries``), the dedup index entry (``cleaner.dedup.index``: ~620 bytes), and
what the runner keeps for the report. The documents themselves are only in
flight: ``in_flight`` work items at most, each a page file or a batch of
:data:`BATCH_DOCS` documents of a WARC or JSONL file.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..config import Config
from ..corpus.templates import TemplateIndex, template_keys
from ..document import Document, Status
from ..pipeline import Pipeline, Stats
from ..readers import input_kind
from ..ruleset import RuleSet
from .remote import discover_inputs, read_input

#: a file holding many documents (WARC, JSONL) is read by the driver and sent to workers in batches of this many
BATCH_DOCS = 64
#: page files sent to a worker at once (one round trip), in the template pass (cheap: ~0.5 ms a page) and the clean pass
TEMPLATE_CHUNK_FILES = 32
CLEAN_CHUNK_FILES = 4


def chunk_files(files: list[str], size: int) -> int:
    """How many work items to send together: ``size`` when every input is a
    page file, else 1 (a batch of a WARC or JSONL file is already
    :data:`BATCH_DOCS` documents)."""
    return size if all(input_kind(path) not in ("warc", "jsonl") for path in files) else 1


@dataclass(slots=True)
class Batch:
    """Documents read by the driver from a multi-document file; ``ends_file``: the file's last batch."""

    docs: list[Document]
    ends_file: bool
    #: position of the batch's documents: file index, and the index in the file of each document
    file_index: int = 0
    doc_indexes: list[int] | None = None


@dataclass(slots=True)
class FileResult:
    """What the clean pass made of one work item (a file, or a batch of one)."""

    docs: list[Document]
    stats: Stats
    ends_file: bool = True


def _read(item: str | Batch, config: Config) -> Iterable[Document]:
    return item.docs if isinstance(item, Batch) else read_input(item, config)


def work_items(files: list[str], config: Config, batch: int = BATCH_DOCS, start_file: int = 0,
               skip_docs: int = 0) -> Iterator[str | Batch]:
    """The work items of a pass over ``files[start_file:]`` (the first
    ``skip_docs`` documents of that file left out): a page file's path (the
    worker reads it), or batches of the documents of a WARC or JSONL file
    (read here, lazily: the executor pulls items only as its window moves, so
    reading is bounded too). Reading a WARC of HTML pages includes the HTML
    extraction, which then runs in the driver (see the README, "Scale")."""
    for file_index in range(start_file, len(files)):
        path = files[file_index]
        skip = skip_docs if file_index == start_file else 0
        if input_kind(path) not in ("warc", "jsonl"):
            if not skip:
                yield path
            continue
        docs: list[Document] = []
        indexes: list[int] = []
        for doc_index, doc in enumerate(read_input(path, config)):
            if doc_index < skip:
                continue
            if len(docs) == batch:
                yield Batch(docs, False, file_index, indexes)
                docs, indexes = [], []
            docs.append(doc)
            indexes.append(doc_index)
        yield Batch(docs, True, file_index, indexes)


class TemplateTask:
    """Map of the template pass: ``task(path)`` → one sorted key list per kept document of the file."""

    def __init__(self, config: Config):
        self.config = config

    def setup(self) -> None:
        pass

    def __call__(self, item: str | Batch) -> tuple[list[list[tuple[int, int]]], bool]:
        if isinstance(item, str) and input_kind(item) == "html":  # as Cleaner.corpus_pipeline: HTML pages are read once
            return [], True
        keys = [template_keys(doc, self.config.templates) for doc in _read(item, self.config) if doc.status is Status.KEPT]
        return keys, not isinstance(item, Batch) or item.ends_file


class CleanTask:
    """Map of the clean pass: ``task(path)`` → :class:`FileResult`. The
    cleaner (rules, models, the compacted template index) is built once per
    worker by :meth:`setup`."""

    def __init__(self, config: Config, rules: RuleSet, templates: TemplateIndex | None, steps=None, local=None,
                 mappers: dict | None = None):
        self.config = config
        self.rules = rules
        self.templates = templates
        self.steps = steps  # the cleaner's step-list factory (None: the default steps)
        #: the corpus stages' map side (stage name → function of a kept document), run here on every kept document
        self.mappers = mappers or {}
        #: the driver's own Cleaner, used when the task runs in the driver's process (never pickled)
        self.local = local
        self.pipeline: Pipeline | None = None

    def __getstate__(self):
        return {"config": self.config, "rules": self.rules, "templates": self.templates, "steps": self.steps,
                "mappers": self.mappers}

    def __setstate__(self, state):
        self.__init__(state["config"], state["rules"], state["templates"], state.get("steps"), mappers=state.get("mappers"))

    def setup(self) -> None:
        from ..api import Cleaner

        cleaner = self.local if self.local is not None else Cleaner(self.config, rules=self.rules, steps=self.steps)
        # the same step lists (by document kind) as a one-process run; counters of its own
        base = cleaner.pipeline if self.templates is None else cleaner.build_pipeline(self.templates)
        self.pipeline = Pipeline(base.steps, self.config, steps_by_kind=base.steps_by_kind)

    def __call__(self, item: str | Batch) -> FileResult:
        if self.pipeline is None:
            self.setup()
        self.pipeline.stats = stats = Stats()
        docs = [self.pipeline.process(doc) for doc in _read(item, self.config)]
        if self.mappers:
            for doc in docs:
                if doc.status is Status.KEPT:
                    doc.mapped = {name: mapper(doc) for name, mapper in self.mappers.items()}
        return FileResult(docs, stats, not isinstance(item, Batch) or item.ends_file)


def absorb(total: Stats, part: Stats) -> None:
    """Add ``part`` into ``total`` in place (the runner's report holds references to its counters)."""
    total.inputs += part.inputs
    for mine, theirs in ((total.statuses, part.statuses), (total.reasons, part.reasons), (total.rule_lines, part.rule_lines),
                         (total.rule_chars, part.rule_chars), (total.rule_docs, part.rule_docs),
                         (total.step_seconds, part.step_seconds)):
        mine.update(theirs)


def template_index(files: list[str], config: Config, executor, progress=None) -> TemplateIndex:
    """The template pass: map files (or batches) on ``executor``, reduce here
    in input order (so the index is the one a one-process run builds); compacted."""
    index = TemplateIndex(config.templates)
    if progress:
        progress.start("templates", len(files))
    chunk = chunk_files(files, TEMPLATE_CHUNK_FILES)
    for per_doc, ends_file in executor.map(TemplateTask(config), work_items(files, config), chunk):
        for pairs in per_doc:
            for key, sketch in pairs:
                index.add(key, sketch)
            index.documents += 1
        if progress:
            progress.advance(len(per_doc), int(ends_file))
    return index.compact()


def parallel_positions(cleaner, files: list[str], executor=None, progress=None, start_file: int = 0,
                       skip_docs: int = 0, mappers: dict | None = None) -> Iterator[tuple[int, int, Document]]:
    """``(file index, document index, finished document)`` for the documents
    of ``files[start_file:]`` (less the first ``skip_docs`` of that file, for
    a resumed run), in input order, cleaned on ``executor`` (default: this
    process); the template index covers all ``files``. The counters are added
    to ``cleaner.stats``. ``mappers``: the corpus stages' map side, run by the
    workers on each kept document (``doc.mapped``)."""
    from .executor import SerialExecutor

    executor = executor if executor is not None else SerialExecutor()
    config = cleaner.config
    templates = template_index(files, config, executor, progress) if config.template_lines else None
    if progress:
        progress.start("clean", len(files) - start_file)
    positions: deque = deque()  # (file index, document indexes or None) of the items submitted, oldest first
    next_file = iter(range(start_file, len(files)))

    def items():
        for item in work_items(files, config, start_file=start_file, skip_docs=skip_docs):
            if isinstance(item, Batch):
                positions.append((item.file_index, item.doc_indexes))
            else:
                index = next(i for i in next_file if files[i] == item)  # page files come in order
                positions.append((index, None))
            yield item

    task = CleanTask(config, cleaner.rules, templates, cleaner.steps, local=cleaner, mappers=mappers)
    for result in executor.map(task, items(), chunk_files(files, CLEAN_CHUNK_FILES)):
        file_index, indexes = positions.popleft()
        absorb(cleaner.stats, result.stats)
        if progress:
            progress.advance(len(result.docs), int(result.ends_file))
        for n, doc in enumerate(result.docs):
            yield file_index, indexes[n] if indexes is not None else n, doc
    if progress:
        progress.finish()


def parallel_documents(cleaner, inputs: Iterable[str | os.PathLike], executor=None, progress=None) -> Iterator[Document]:
    """What :meth:`cleaner.api.Cleaner.run` yields (the same documents, in
    the same order, the same counters added to ``cleaner.stats``), with the
    map side of both passes run by ``executor``. ``progress``: an optional
    :class:`~cleaner.parallel.progress.Progress`. Inputs are paths or fsspec
    URLs (``s3://bucket/crawl/``) the workers can reach."""
    for _, _, doc in parallel_positions(cleaner, list(discover_inputs(inputs)), executor, progress):
        yield doc
