"""JSONL input from other pipelines: one JSON object per line, many documents.

Which fields hold the text, the id and the URL is configurable
(:class:`cleaner.config.InputConfig`; ``--text-field``, ``--id-field``,
``--url-field`` on the command line); a dotted name reaches into nested
objects (``metadata.url``, as datatrove writes it).

Each document's ``source`` is ``FILE#ID`` when the record has an id, else
``FILE#line-N``. A bad line (not JSON, no text field) becomes an error
document with a reason; the lines after it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..config import Config
from ..document import Document
from .decode import is_gzip


def field_value(record: dict, name: str):
    """The value of field ``name`` in ``record``; dots reach into nested objects.

    >>> field_value({"metadata": {"url": "https://x.org/a"}}, "metadata.url")
    'https://x.org/a'
    >>> field_value({"text": "hi"}, "body") is None
    True
    """
    value = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _lines(path: str) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        gz = is_gzip(fh.read(2))
    if gz:
        import gzip

        with gzip.open(path, "rb") as fh:
            yield from fh
    else:
        with open(path, "rb") as fh:
            yield from fh


def _document(raw: bytes, path: str, number: int, config: Config) -> Document:
    fields = config.inputs
    where = f"{path}#line-{number}"
    if len(raw) > config.max_input_bytes:
        return Document.unreadable(where, f"record is over the {config.max_input_bytes}-byte limit (max_input_bytes)")
    try:
        record = json.loads(raw)
    except ValueError as exc:
        return Document.unreadable(where, f"not a JSON line ({exc}); each line must hold one JSON object")
    if not isinstance(record, dict):
        return Document.unreadable(where, f"a JSON {type(record).__name__}, not an object; each line must hold one JSON object")
    ident = field_value(record, fields.id_field)
    source = f"{path}#{ident}" if isinstance(ident, (str, int)) and str(ident) else where
    text = field_value(record, fields.text_field)
    if not isinstance(text, str):
        found = ", ".join(sorted(record)[:8]) or "none"
        return Document.unreadable(source, f"no text field {fields.text_field!r} (fields: {found}); name it with --text-field")
    doc = Document.from_text(source, text.replace("\r\n", "\n").replace("\r", "\n"))
    url = field_value(record, fields.url_field)
    if isinstance(url, str) and url:
        doc.meta.url = url
        doc.meta.site = urlsplit(url).hostname
    return doc


def iter_jsonl(path: str, config: Config = Config()) -> Iterator[Document]:
    """Yield a Document for every non-blank line of the JSONL file ``path``
    (gzip allowed), in file order."""
    try:
        for number, raw in enumerate(_lines(path), 1):
            if raw.strip():
                yield _document(raw, path, number, config)
    except OSError as exc:  # unreadable file, truncated gzip
        yield Document.unreadable(path, f"cannot read: {exc.strerror or exc}")
    except EOFError as exc:
        yield Document.unreadable(path, f"truncated gzip file ({exc}); re-fetch it")
