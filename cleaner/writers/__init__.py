"""Writers: records out of documents, and files written atomically."""

from .jsonl import JsonlWriter, to_record, to_reject

__all__ = ["JsonlWriter", "open_writer", "to_record", "to_reject"]


def open_writer(path: str | None):
    """The writer for ``path`` by its ending: ``.parquet`` → Parquet (needs the
    ``parquet`` extra), anything else (or None / ``-``: stdout) → JSONL.

    >>> type(open_writer("out.jsonl")).__name__, type(open_writer(None)).__name__
    ('JsonlWriter', 'JsonlWriter')
    """
    if path not in (None, "-") and str(path).lower().endswith(".parquet"):
        from .parquet import ParquetWriter

        return ParquetWriter(path)
    return JsonlWriter(path)
