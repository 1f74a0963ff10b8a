"""Readers turn one input (a path, or bytes) into documents: one
:class:`Document` for a page, many for a WARC/WET or JSONL file
(:func:`iter_documents`).

A reader decodes and splits; it never decides quality (filters do that).
Problems with an input raise :class:`cleaner.errors.InputError` with a reason
a person understands; the pipeline records it and goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..errors import DecodeError, InputError
from ..limits import DocumentTimeout, time_limit, timeout_reason
from .decode import decode, gunzip, is_gzip
from .files import discover, input_kind
from .sniff import binary_format

__all__ = ["read_file", "read_bytes", "iter_documents", "discover", "input_kind"]


def read_file(path: str, config: Config = Config()) -> Document:
    """Read one input file (``.txt``, ``.html``, ``.htm``, any of them ``.gz``)
    that holds one document; :func:`iter_documents` reads any input. Every way
    a file can fail to be read raises :class:`InputError` with a reason
    (README, "Reliability")."""
    limit = config.max_input_bytes
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            os.listdir(path)  # a folder we could list was walked; one we cannot raises PermissionError here
            raise InputError(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file (a FIFO, socket or device); skipped", "error.unreadable")
        if info.st_size > limit:
            raise InputError(path, f"file is {info.st_size} bytes, over the {limit}-byte limit; raise max_input_bytes "
                             "(--max-input-bytes) to read it", "error.too-large")
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise InputError(path, f"broken symbolic link (points to missing {os.readlink(path)!r})", "error.unreadable") from exc
        raise InputError(path, "file not found (did it vanish during the run?)", "error.unreadable") from exc
    except PermissionError as exc:
        what = "folder cannot be listed" if os.path.isdir(path) else "file cannot be read"
        raise InputError(path, f"permission denied: the {what}; check its permissions", "error.unreadable") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(path, "symbolic link loop (the link points back to itself); fix or remove it", "error.unreadable") from exc
        raise InputError(path, f"cannot read: {exc.strerror or exc}", "error.unreadable") from exc
    if len(data) > limit:  # it grew after stat
        raise InputError(path, f"file is over the {limit}-byte limit; raise max_input_bytes (--max-input-bytes) to read it",
                         "error.too-large")
    return read_bytes(data, path, kind=input_kind(path) or "text", config=config)


def read_bytes(data: bytes, source: str, *, kind: str = "text", config: Config = Config()) -> Document:
    """Make a Document from raw bytes (gzip allowed) of the given kind. Past
    ``Config.max_seconds_per_document`` (HTML extraction of a pathological
    page) it raises :class:`InputError` ``error.timeout`` (:mod:`cleaner.limits`)."""
    limit = config.max_seconds_per_document
    try:
        with time_limit(limit):
            return _read_bytes(data, source, kind, config)
    except DocumentTimeout:
        time_limit.handled()
        raise InputError(source, timeout_reason(limit), "error.timeout") from None


def _read_bytes(data: bytes, source: str, kind: str, config: Config) -> Document:
    if not data:
        raise InputError(source, "empty file (0 bytes)", "error.empty")
    if is_gzip(data):
        data = gunzip(data, source, config.max_input_bytes)
        if not data:
            raise InputError(source, "empty file (the gzip archive holds 0 bytes)", "error.empty")
    elif len(data) > config.max_input_bytes:
        raise InputError(source, f"input is over the {config.max_input_bytes}-byte limit (max_input_bytes)", "error.too-large")
    what = binary_format(data)
    if what:
        raise DecodeError(source, f"binary data: {what}, not text", "error.binary")
    text = decode(data, source, html=(kind == "html"), binary_ratio=config.binary_control_ratio)
    if not text.strip():
        raise InputError(source, "no text: the file holds only white space", "error.empty")
    if kind == "html":
        from ..html import html_document  # trafilatura is heavy: imported for HTML inputs only

        return html_document(source, text, config.html)
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
            yield Document.unreadable(path, exc.reason, exc.reason_id)
