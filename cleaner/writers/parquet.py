"""Parquet output: the JSONL record schema as typed columns.

pyarrow is an optional extra (``pip install 'cleaner[parquet]'``): it is large
(~40 MB) and only this writer needs it. Written under a temporary name and
renamed into place when complete, like the JSONL writer.
"""

from __future__ import annotations

import os
import tempfile

from ..errors import CleanerError

INSTALL_HINT = "writing Parquet needs pyarrow; install it with: pip install 'cleaner[parquet]' (or pip install pyarrow)"
#: records buffered per row group
BATCH = 1000


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise CleanerError(INSTALL_HINT) from exc
    return pyarrow, pyarrow.parquet


def record_schema(pa):
    """The Arrow types of the JSONL record fields (``cleaner.writers.jsonl.RECORD_FIELDS``)."""
    strings = pa.list_(pa.string())
    removed = pa.list_(pa.struct([("rule", pa.string()), ("line", pa.int64()), ("text", pa.string()),
                                  ("evidence", pa.string()), ("field", pa.string())]))
    return {
        "id": pa.string(), "source": pa.string(), "title": pa.string(), "authors": strings,
        "published": pa.string(), "published_raw": pa.string(), "language": pa.string(),
        "language_prob": pa.float64(), "text": pa.string(), "captions": strings, "credits": strings,
        "sections": strings, "url": pa.string(), "site": pa.string(), "removed": removed,
        "duplicates": pa.int64(), "duplicate_sources": strings,
    }


class ParquetWriter:
    """Write records to the Parquet file ``path`` atomically; same interface as
    :class:`cleaner.writers.JsonlWriter`. Columns are the record's fields in
    order; fields this module does not know get the type pyarrow infers from
    the first batch."""

    def __init__(self, path: str):
        self.pa, self.pq = _pyarrow()
        self.path = os.fspath(path)
        self.count = 0
        self._rows: list[dict] = []
        self._schema = None
        self._writer = None
        self._tmp: str | None = None

    def __enter__(self) -> ParquetWriter:
        directory = os.path.dirname(os.path.abspath(self.path))
        os.makedirs(directory, exist_ok=True)
        # named after the output, so that a resumed run finds what a killed one left (cleaner.checkpoint)
        fd, self._tmp = tempfile.mkstemp(prefix=f".tmp-{os.path.basename(self.path)}.", suffix=".parquet", dir=directory)
        os.close(fd)
        return self

    def write(self, record: dict) -> None:
        self._rows.append(record)
        self.count += 1
        if len(self._rows) >= BATCH:
            self._flush()

    def _make_schema(self, rows: list[dict]):
        known = record_schema(self.pa)
        fields = []
        for name in rows[0]:
            kind = known.get(name) or self.pa.array([row.get(name) for row in rows]).type
            fields.append(self.pa.field(name, kind))
        return self.pa.schema(fields)

    def _flush(self) -> None:
        rows = self._rows
        if self._schema is None:
            self._schema = self._make_schema(rows) if rows else self.pa.schema(list(record_schema(self.pa).items()))
            self._writer = self.pq.ParquetWriter(self._tmp, self._schema)
        if rows:
            table = self.pa.Table.from_pylist(rows, schema=self._schema)
            self._writer.write_table(table)
        self._rows = []

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self._flush()  # also makes an empty file with the schema when there were no records
        finally:
            if self._writer is not None:
                self._writer.close()
        if exc_type is None:
            _fsync(self._tmp)  # complete on disk before it takes the final name
            os.replace(self._tmp, self.path)
        else:
            os.unlink(self._tmp)


def _fsync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
