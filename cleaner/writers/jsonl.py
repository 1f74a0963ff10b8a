"""JSONL output: one record per kept article, one reject per other input.

Files are written under a temporary name, fsync'd and renamed into place when
complete, so a killed run never leaves a truncated file under the final name.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from typing import IO

from ..document import Document, Status, content_id

#: output fields, in order (documented in the README)
RECORD_FIELDS = (
    "id", "source", "title", "authors", "published", "published_raw", "language", "language_prob",
    "text", "captions", "credits", "sections", "url", "site", "removed", "duplicates", "duplicate_sources",
)


#: characters JSON leaves unescaped that line-splitting readers (Python's str.splitlines) take for line breaks
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
_LINE_BREAK_RE = re.compile("[\u2028\u2029\x85]")


def dumps(record: dict) -> str:
    """One JSON line: UTF-8 text kept readable, but U+2028, U+2029 and U+0085
    escaped, so that every reader sees exactly one record per line.

    >>> dumps({"t": "a\u2028b"}).splitlines()
    ['{"t": "a\\\\u2028b"}']
    """
    line = _LINE_BREAK_RE.sub(lambda m: _LINE_BREAKS[m.group(0)], json.dumps(record, ensure_ascii=False))
    if _SURROGATE_RE.search(line):  # lone surrogates cannot be written as UTF-8: a last safety net
        line = _SURROGATE_RE.sub("\ufffd", line)
    return line


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def display_source(source: str) -> str:
    """The ``source`` field: the input path as given, always valid UTF-8.

    A file name whose bytes are not valid UTF-8 reaches Python with each bad
    byte as a surrogate escape; such bytes are shown as ``\\xNN`` (the name
    stays readable and unique, and the JSON stays valid UTF-8).

    >>> display_source("caf\\udce9.txt"), display_source("café.txt")
    ('caf\\\\xe9.txt', 'café.txt')
    """
    if not _SURROGATE_RE.search(source):
        return source
    try:
        raw = source.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # surrogates that are not escaped bytes
        return source.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def to_record(doc: Document) -> dict:
    """The output record of a kept document."""
    text = doc.text
    meta = doc.meta
    return {
        "id": content_id(text),
        "source": display_source(doc.source),
        "title": meta.title,
        "authors": list(meta.authors),
        "published": meta.published,
        "published_raw": meta.published_raw,
        "language": meta.language,
        "language_prob": meta.language_prob,
        "text": text,
        "captions": list(meta.captions),
        "credits": list(meta.credits),
        "sections": list(meta.sections),
        "url": meta.url,
        "site": meta.site,
        "removed": [removal.to_json(doc) for removal in doc.removals],
        "duplicates": len(doc.duplicate_sources),
        "duplicate_sources": list(doc.duplicate_sources),
    }


def to_reject(doc: Document) -> dict:
    """The rejects-file entry of a document that was not kept."""
    assert doc.status is not Status.KEPT
    entry = {
        "source": display_source(doc.source),
        "status": doc.status.value,
        "reason_id": doc.reason_id,
        "reason": doc.reason,
        "lines": len(doc.lines),
    }
    if doc.status is Status.DUPLICATE:
        entry["duplicate_of"] = doc.duplicate_of
    return entry


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class JsonlWriter:
    """Write JSON lines to ``path`` atomically (``-`` or None: stdout)."""

    def __init__(self, path: str | None):
        self.path = None if path in (None, "-") else os.fspath(path)
        self._fh: IO[str] | None = None
        self._tmp: str | None = None
        self.count = 0

    def __enter__(self) -> JsonlWriter:
        if self.path is None:
            self._fh = sys.stdout
        else:
            directory = os.path.dirname(os.path.abspath(self.path))
            os.makedirs(directory, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".tmp-{os.path.basename(self.path)}.", suffix=".jsonl", dir=directory)
            os.chmod(fd, 0o666 & ~_umask())  # mkstemp makes it private (0600); the output gets the usual mode
            self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self

    def write(self, record: dict) -> None:
        self._fh.write(dumps(record) + "\n")
        self.count += 1

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.path is None:
            self._fh.flush()
            return
        if exc_type is None:
            self._fh.flush()
            os.fsync(self._fh.fileno())  # complete on disk before it takes the final name
        self._fh.close()
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            os.unlink(self._tmp)
