"""Readers turn one input (a path, or bytes) into documents: one
:class:`Document` for a page, many for a WARC/WET or JSONL file
(:func:`iter_documents`).

A reader decodes and splits; it never decides quality (filters do that).
Problems with an input raise :class:`cleaner.errors.InputError` with a reason
a person understands; the pipeline records it and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..errors import InputError
from .decode import decode, gunzip, is_gzip
from .files import discover, input_kind

__all__ = ["read_file", "read_bytes", "iter_documents", "discover", "input_kind"]


def read_file(path: str, config: Config = Config()) -> Document:
    """Read one input file (``.txt``, ``.html``, ``.htm``, any of them ``.gz``)
    that holds one document; :func:`iter_documents` reads any input."""
    try:
        size = os.path.getsize(path)
        if size > config.max_input_bytes and not path.endswith(".gz"):
            raise InputError(path, f"file is {size} bytes, over the {config.max_input_bytes}-byte limit (max_input_bytes)")
        with open(path, "rb") as fh:
            data = fh.read(config.max_input_bytes + 1)
    except IsADirectoryError as exc:
        raise InputError(path, "is a folder, not a file") from exc
    except FileNotFoundError as exc:
        raise InputError(path, "file not found (did it vanish during the run?)") from exc
    except PermissionError as exc:
        raise InputError(path, "permission denied; check the file's read permissions") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from exc
    return read_bytes(data, path, kind=input_kind(path) or "text", config=config)


def read_bytes(data: bytes, source: str, *, kind: str = "text", config: Config = Config()) -> Document:
    """Make a Document from raw bytes (gzip allowed) of the given kind."""
    if is_gzip(data):
        data = gunzip(data, source, config.max_input_bytes)
    elif len(data) > config.max_input_bytes:
        raise InputError(source, f"input is over the {config.max_input_bytes}-byte limit (max_input_bytes)")
    text = decode(data, source, html=(kind == "html"), binary_ratio=config.binary_control_ratio)
    if kind == "html":
        from .html import html_document

        return html_document(source, text)
    return Document.from_text(source, text)


def iter_documents(path: str, config: Config = Config()) -> Iterator[Document]:
    """Every document of one input file, in file order: one for a page
    (``.txt``, ``.html``), many for a WARC/WET or JSONL file. Never raises for
    bad input: what cannot be read comes out as a ``status`` error document."""
    kind = input_kind(path)
    if kind == "warc":
        from .warc import iter_warc

        yield from iter_warc(path, config)
    elif kind == "jsonl":
        from .jsonl import iter_jsonl

        yield from iter_jsonl(path, config)
    else:
        try:
            yield read_file(path, config)
        except InputError as exc:
            yield Document.unreadable(path, exc.reason)
