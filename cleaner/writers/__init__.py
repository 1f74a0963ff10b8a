"""Writers: records out of documents, and files written atomically."""

from .jsonl import JsonlWriter, to_record, to_reject

__all__ = ["JsonlWriter", "to_record", "to_reject"]
