"""WARC and WET input: one file, many documents.

A WARC file (``.warc``, ``.warc.gz``) holds the records of a crawl. Its
``response`` records with an HTML payload become HTML documents; the
``conversion`` records of a WET file (``.warc.wet.gz``, Common Crawl's text
extracts) become text documents. Every other record (requests, metadata,
images, robots.txt) is not a document and is skipped.

Each document's ``source`` is ``FILE#record-N`` (N counts every record of the
file from 1), its ``meta.url`` the record's ``WARC-Target-URI``, and its
``WARC-Date`` is a fallback publication date, used only when the page itself
gives none (``cleaner.metadata.fallback``).

warcio reads the records: it is pure Python (no compiled wheel needed), reads
WARC 1.0/1.1 and ARC, gzip per record or not, undoes chunked transfer and
``Content-Encoding`` of the payload, and can also *write* WARCs (the tests
build their fixtures with it).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..config import Config
from ..document import Document
from ..errors import InputError
from .decode import is_gzip

#: payload types read as HTML pages
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_WARC_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


def warc_date_iso(value: str | None) -> str | None:
    """A ``WARC-Date`` (UTC, ISO 8601) as the project writes date-times: with
    seconds; the ``Z`` is kept since the WARC standard says the time is UTC.

    >>> warc_date_iso("2026-03-04T05:06:07Z"), warc_date_iso("2026-03-04T05:06Z"), warc_date_iso("yesterday")
    ('2026-03-04T05:06:07Z', '2026-03-04T05:06:00Z', None)
    """
    match = _WARC_DATE.match((value or "").strip())
    if not match:
        return None
    day, hm, sec, zone = match.groups()
    if not hm:
        return day
    return f"{day}T{hm}:{sec or '00'}{zone or ''}"


def _declared_to_utf8(data: bytes, content_type: str) -> bytes:
    """The payload in UTF-8 when the HTTP header's charset decodes it cleanly
    (the reader's usual chain, BOM, UTF-8, <meta> charset, detection, then reads it);
    else the payload as it is."""
    match = _CHARSET.search(content_type or "")
    if match:
        try:
            return data.decode(match.group(1)).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass
    return data


TRUNCATED = "truncated record: the file ends inside it (an interrupted download?); re-fetch the file"


def _truncated(record) -> bool:
    """Read what is left of the record; True when the file ended before its
    ``Content-Length`` was reached."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    return getattr(stream, "limit", 0) > 0


def gzip_complete(path: str) -> bool:
    """True when the gzip file ``path`` ends at the end of a gzip member (warcio
    stops quietly at a file cut inside a record header; this notices). Costs
    one more decompression, a few percent of the time HTML extraction takes."""
    decomp, fed = zlib.decompressobj(16 + zlib.MAX_WBITS), False
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                while chunk:
                    decomp.decompress(chunk, 1 << 22)
                    fed = True
                    if decomp.eof:
                        chunk = decomp.unused_data
                        decomp, fed = zlib.decompressobj(16 + zlib.MAX_WBITS), False
                    else:
                        chunk = decomp.unconsumed_tail
    except zlib.error:
        return False
    return not fed


def _document(record, source: str, config: Config) -> Document | None:
    """The document of one record, or None when the record holds no page."""
    rec_type = record.rec_type
    if rec_type == "response" and record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif rec_type in ("response", "resource", "conversion"):
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    kind = "text" if rec_type == "conversion" else "html"
    if kind == "html" and content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    data = record.content_stream().read(config.max_input_bytes + 1)
    if len(data) > config.max_input_bytes:
        return Document.unreadable(source, f"record payload is over the {config.max_input_bytes}-byte limit (max_input_bytes)",
                                   "error.too-large")
    if _truncated(record):
        return Document.unreadable(source, TRUNCATED)
    from . import read_bytes  # the same decoding and HTML extraction as for files

    try:
        doc = read_bytes(_declared_to_utf8(data, content_type), source, kind=kind, config=config)
    except InputError as exc:
        return Document.unreadable(source, exc.reason, exc.reason_id)
    url = record.rec_headers.get_header("WARC-Target-URI")
    if url:
        doc.meta.url = url
        doc.meta.site = urlsplit(url).hostname or doc.meta.site
    date = record.rec_headers.get_header("WARC-Date")
    iso = warc_date_iso(date)
    if iso:
        doc.fallback["published"] = (iso, date, "warc-date")
    return doc


def iter_warc(path: str, config: Config = Config()) -> Iterator[Document]:
    """Yield a Document for every page record of the WARC or WET file ``path``,
    in file order. A damaged file yields an error document for the record
    where reading failed, after the good records before it."""
    from warcio.archiveiterator import ArchiveIterator

    number, cut = 0, False
    try:
        with open(path, "rb") as fh:
            gz = is_gzip(fh.read(2))
            fh.seek(0)
            for record in ArchiveIterator(fh):
                number += 1
                source = f"{path}#record-{number}"
                try:
                    doc = _document(record, source, config)
                except Exception as exc:  # one bad record never stops the file
                    doc = Document.unreadable(source, f"cannot read the record: {type(exc).__name__}: {exc}")
                if doc is None and _truncated(record):  # not a page, but the file is cut short here: say so
                    doc = Document.unreadable(source, TRUNCATED)
                if doc is not None:
                    cut = cut or doc.reason == TRUNCATED
                    yield doc
        if gz and not cut and not gzip_complete(path):
            yield Document.unreadable(f"{path}#record-{number + 1}", f"the file ends inside a gzip member after record {number}: "
                                      "truncated (an interrupted download?); re-fetch the file")
    except OSError as exc:
        if number == 0:
            yield Document.unreadable(path, f"cannot read: {exc.strerror or exc}")
        else:
            yield Document.unreadable(f"{path}#record-{number + 1}", f"WARC file damaged after record {number}: {exc}")
    except Exception as exc:  # warcio's ArchiveLoadFailed, zlib errors, bad headers: the rest of the file is lost
        yield Document.unreadable(f"{path}#record-{number + 1}",
                                  f"not a readable WARC record after record {number} ({type(exc).__name__}: {exc}); "
                                  "the rest of the file is skipped; re-fetch or repair it (e.g. warcio recompress)")
