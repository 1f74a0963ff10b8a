"""Checkpoints: a killed run continues where it stopped (``--resume``).

Design (README, "Reliability"):

* The output files are written only at the very end, under a temporary name,
  fsync'd and renamed (:class:`cleaner.writers.JsonlWriter`): a run killed at
  any moment leaves no output, never a truncated one.
* Meanwhile every finished document is appended to a **journal**,
  ``OUT.checkpoint/documents.jsonl``: one complete JSON line per input, in
  input order, holding the whole :class:`Document` (lines, removals, metadata,
  status), flushed to the OS after each document (so it survives SIGKILL) and
  fsync'd every :attr:`Checkpoint.fsync_seconds` and at the end (so it survives
  a machine crash but for the last seconds). A line cut short by the kill is
  recognised (no newline or not JSON) and dropped, with everything after it.
* ``OUT.checkpoint/run.json`` holds the run's **fingerprint**: a hash of the
  input files (path, size, modification time), the configuration, the rules,
  the corpus stages and the cleaner version. ``--resume`` continues only a run
  with the same fingerprint; anything else would not give the same output.
* Corpus steps need every document: template lines are found by a first pass
  over all inputs, and dedup and the other corpus stages run on the stream of
  all finished documents. So a resumed run redoes the template pass (it is
  deterministic: the same inputs give the same index), replays the journal's
  documents instead of cleaning them again, cleans the rest, and then runs the
  corpus stages and writes everything, exactly as the uninterrupted run does:
  the output is byte-identical (``tests/test_resume.py`` kills a real run with
  SIGKILL and compares).
* The checkpoint folder is removed once the output is complete.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path

from .document import Document, Line, Metadata, Removal, Status
from .errors import ResumeError, RunStopped

JOURNAL, RUN_FILE = "documents.jsonl", "run.json"
FORMAT = 1


def checkpoint_dir(output: str) -> str:
    """``out.jsonl`` → ``out.checkpoint`` (beside the output).

    >>> checkpoint_dir("data/out.jsonl"), checkpoint_dir("out")
    ('data/out.checkpoint', 'out.checkpoint')
    """
    from .manifest import output_base

    return output_base(output) + ".checkpoint"


# --- Document <-> JSON, losslessly -------------------------------------------------------------

_SPECIAL = {"lines", "removals", "meta", "status", "mapped"}  # mapped: recomputed by the stage


def _plain(value, where: str):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(v, where) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: _plain(v, where) for k, v in value.items()}
    raise TypeError(f"cannot checkpoint {where} of type {type(value).__name__}; teach cleaner.checkpoint about it")


def document_to_json(doc: Document) -> dict:
    """Everything a :class:`Document` holds, as JSON values (see :func:`document_from_json`)."""
    out = {f.name: _plain(getattr(doc, f.name), f"Document.{f.name}") for f in dataclasses.fields(doc) if f.name not in _SPECIAL}
    out["status"] = doc.status.value
    out["meta"] = {f.name: _plain(getattr(doc.meta, f.name), f"Metadata.{f.name}") for f in dataclasses.fields(doc.meta)}
    out["lines"] = [[line.number, line.text] for line in doc.lines]
    out["removals"] = [[r.rule_id, r.line, r.evidence, r.field] for r in doc.removals]
    return out


def document_from_json(data: dict) -> Document:
    """The inverse of :func:`document_to_json`: an equal Document."""
    names = {f.name for f in dataclasses.fields(Document)}
    doc = Document(**{k: v for k, v in data.items() if k in names and k not in _SPECIAL})
    doc.status = Status(data["status"])
    meta_fields = {f.name for f in dataclasses.fields(Metadata)}
    doc.meta = Metadata(**{k: v for k, v in data["meta"].items() if k in meta_fields})
    doc.lines = [Line(index=i, number=number, text=text) for i, (number, text) in enumerate(data["lines"])]
    for rule_id, index, evidence, field in data["removals"]:
        removal = Removal(rule_id=rule_id, line=index, evidence=evidence, field=field)
        doc.removals.append(removal)
        doc.lines[index].removal = removal
    return doc


# --- the fingerprint of a run -----------------------------------------------------------------

def fingerprint(files: list[str], settings: Iterable[str]) -> str:
    """A hash of the input files (path, size, mtime) and of ``settings``
    (configuration, rules, stages, version: anything that changes the output)."""
    digest = hashlib.sha256()
    for path in files:
        try:
            st = os.stat(path)
            stamp = f"{st.st_size}:{st.st_mtime_ns}"
        except OSError as exc:
            stamp = f"error:{exc.errno}"
        digest.update(os.fsencode(path) + b"\0" + stamp.encode() + b"\n")
    for setting in settings:
        digest.update(setting.encode("utf-8", "backslashreplace") + b"\n")
    return digest.hexdigest()


# --- the checkpoint folder --------------------------------------------------------------------

class Checkpoint:
    """The journal of one run's finished documents, for ``--resume``."""

    #: the journal is fsync'd at most this often (it is flushed to the OS after every document)
    fsync_seconds = 2.0

    def __init__(self, directory: str | os.PathLike):
        self.dir = Path(directory)
        self.restored = 0  # documents found in the journal
        #: where the journal stops: (index of the file, documents of it done); (0, 0) for a new run
        self.position = (0, 0)
        self._valid_bytes = 0
        self._fh = None
        self._last_sync = 0.0

    # starting -----------------------------------------------------------
    def start(self, run_fingerprint: str, inputs: int, resume: bool) -> str:
        """Open the journal: continue it (``resume`` and the same fingerprint)
        or start a new one. Returns a note for the user (may be empty)."""
        note = ""
        previous = self._read_run_file()
        if resume and previous is not None:
            if previous.get("fingerprint") != run_fingerprint or previous.get("format") != FORMAT:
                raise ResumeError(
                    f"cannot resume: the checkpoint in {self.dir} belongs to a run with other inputs, options, rules or "
                    "cleaner version (or input files changed since); run without --resume to start over")
            self.restored, self._valid_bytes, self.position = self._scan()
            note = f"resuming: {self.restored} documents already done (of {inputs} input files; checkpoint {self.dir})"
        else:
            if previous is not None or self.dir.exists():
                note = (f"starting over: discarding the checkpoint of an earlier interrupted run in {self.dir} "
                        "(use --resume to continue it)") if not resume else ""
                shutil.rmtree(self.dir, ignore_errors=True)
            elif resume:
                note = f"nothing to resume (no checkpoint {self.dir}): starting from the beginning"
            self.dir.mkdir(parents=True, exist_ok=True)
            self._write_run_file({"format": FORMAT, "fingerprint": run_fingerprint, "inputs": inputs,
                                  "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        journal = self.dir / JOURNAL
        self._fh = open(journal, "r+b" if journal.exists() else "w+b")  # noqa: SIM115 -- closed by close()
        self._fh.truncate(self._valid_bytes)  # drop a line cut short by the kill
        self._fh.seek(self._valid_bytes)
        self._sync()
        return note

    def _read_run_file(self) -> dict | None:
        try:
            return json.loads((self.dir / RUN_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write_run_file(self, data: dict) -> None:
        tmp = self.dir / (RUN_FILE + ".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.dir / RUN_FILE)
        _fsync_dir(self.dir)

    def _scan(self) -> tuple[int, int, tuple[int, int]]:
        """Count the journal's complete, valid lines; return (count, bytes they
        take, (file index, documents of it done) after the last of them)."""
        count = valid = 0
        position = (0, 0)
        try:
            with open(self.dir / JOURNAL, "rb") as fh:
                for raw in fh:
                    if not raw.endswith(b"\n"):
                        break
                    try:
                        entry = json.loads(raw)
                    except ValueError:
                        break
                    if not isinstance(entry, dict) or entry.get("n") != count or not isinstance(entry.get("f"), int) \
                            or not isinstance(entry.get("d"), int) or (entry["f"], entry["d"]) < position:
                        break
                    count += 1
                    valid += len(raw)
                    position = (entry["f"], entry["d"] + 1)
        except FileNotFoundError:
            pass
        return count, valid, position

    # during the run -------------------------------------------------------
    def restored_documents(self) -> Iterator[Document]:
        """The documents of the journal, in input order (read lazily)."""
        with open(self.dir / JOURNAL, "rb") as fh:
            for _ in range(self.restored):
                yield document_from_json(json.loads(fh.readline())["doc"])

    def record(self, number: int, file_index: int, doc_index: int, doc: Document) -> None:
        """Append finished document number ``number`` of the run, document
        ``doc_index`` of file ``file_index``."""
        line = json.dumps({"n": number, "f": file_index, "d": doc_index, "doc": document_to_json(doc)}, ensure_ascii=True)
        self._fh.write(line.encode("ascii") + b"\n")
        self._fh.flush()
        if time.monotonic() - self._last_sync >= self.fsync_seconds:
            self._sync()

    def _sync(self) -> None:
        os.fsync(self._fh.fileno())
        self._last_sync = time.monotonic()

    def close(self) -> None:
        if self._fh is not None and not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()

    def remove(self) -> None:
        """The output is complete: the checkpoint is no longer needed."""
        self.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def remove_stale_temporaries(paths: Iterable[str | None]) -> list[str]:
    """Remove the temporary files (``.tmp-NAME.*``) a killed run left beside
    ``paths`` (its output, rejects and manifest); return their names."""
    removed = []
    for path in paths:
        if not path or path == "-":
            continue
        directory, name = os.path.split(os.path.abspath(path))
        try:
            entries = os.listdir(directory)
        except OSError:
            continue
        for entry in entries:
            if entry.startswith(f".tmp-{name}."):
                try:
                    os.unlink(os.path.join(directory, entry))
                    removed.append(entry)
                except OSError:
                    pass
    return removed


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- the document stream of a run, journaled ---------------------------------------------------

def journaled(cleaner, files: list[str], checkpoint: Checkpoint | None, fail_fast: bool = False,
              executor=None, progress=None, mappers: dict | None = None) -> Iterator[Document]:
    """Every finished document of ``files``, in input order (files in the
    given order, the documents of a WARC or JSONL file in file order): first
    those the checkpoint's journal holds (not cleaned again), then the others,
    each recorded in the journal as it is finished. Files the journal has
    finished are not read again; the file it stopped in is read again and its
    finished documents skipped. With ``fail_fast`` the first document with
    status error stops the run (:class:`RunStopped`; it is not recorded, so a
    resumed run tries it again). With an ``executor`` (:mod:`cleaner.parallel`)
    the documents are cleaned by its workers: the same documents, in the same
    order, and the workers run the corpus stages' ``mappers`` (name → function
    of a kept document) on them (``doc.mapped``)."""
    start_file, skip_docs, number = 0, 0, 0
    if checkpoint is not None:
        for doc in checkpoint.restored_documents():
            cleaner.stats.count(doc)
            _check(doc, fail_fast)
            yield doc
        start_file, skip_docs = checkpoint.position
        number = checkpoint.restored
    if executor is not None or progress is not None:
        from .parallel.work import parallel_positions

        finished = parallel_positions(cleaner, files, executor, progress, start_file, skip_docs, mappers)
    else:
        finished = _cleaned(cleaner, files, start_file, skip_docs)
    for file_index, doc_index, doc in finished:
        _check(doc, fail_fast)
        if checkpoint is not None:
            checkpoint.record(number, file_index, doc_index, doc)
        number += 1
        yield doc


def _cleaned(cleaner, files: list[str], start_file: int, skip_docs: int) -> Iterator[tuple[int, int, Document]]:
    """``(file index, document index, finished document)`` from ``start_file``, skipping its first ``skip_docs`` documents."""
    pipeline = cleaner.corpus_pipeline(files)
    for file_index in range(start_file, len(files)):
        for doc_index, doc in enumerate(pipeline.read_all(files[file_index])):
            if file_index == start_file and doc_index < skip_docs:
                continue
            yield file_index, doc_index, pipeline.process(doc)


def _check(doc: Document, fail_fast: bool) -> None:
    if fail_fast and doc.status is Status.ERROR:
        raise RunStopped(f"stopped at the first input error (--fail-fast): {doc.source}: {doc.reason}; nothing was written "
                         "(the documents finished before it are kept in the checkpoint for --resume)")
