"""Bytes to text, robustly, with an explicit fallback chain.

Order (as a browser would): byte-order mark; strict UTF-8; for HTML the
charset its ``<meta>`` declares; charset detection (charset-normalizer, which
trafilatura already depends on); then cp1252 with replacement characters so
that a document is never lost to one bad byte. Newlines become ``\\n``.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib

from ..errors import DecodeError, InputError
from .sniff import utf16_without_bom

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: below this many non-ASCII bytes, legacy text is read as cp1252 without detection
_MIN_NON_ASCII_FOR_DETECTION = 8
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip data (every member of a multi-member file), refusing
    more than ``max_bytes`` of output (a gzip bomb) and reporting truncated or
    corrupt archives. Bytes after the last member that are not gzip are
    ignored, as ``gzip -d`` does."""
    parts: list[bytes] = []
    size = 0
    while True:
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = decomp.decompress(data, max_bytes + 1 - size)
        except zlib.error as exc:
            raise InputError(source, f"corrupt gzip data ({exc}); re-fetch or re-compress the file", "error.gzip") from exc
        size += len(out)
        parts.append(out)
        if size > max_bytes or decomp.unconsumed_tail:
            raise InputError(source, f"decompresses to more than {max_bytes} bytes (a gzip bomb?); raise max_input_bytes "
                             "to read it", "error.too-large")
        if not decomp.eof:
            raise InputError(source, "truncated gzip file (the archive ends early); re-fetch it", "error.gzip")
        data = decomp.unused_data
        if not is_gzip(data):
            return b"".join(parts)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: str, *, html: bool = False, binary_ratio: float = 0.05) -> str:
    """Decode ``data`` to text with newlines normalised.

    >>> decode("café\\r\\nnext".encode("utf-8"), "x.txt")
    'café\\nnext'
    >>> decode(codecs.BOM_UTF8 + b"hi", "x.txt")
    'hi'
    >>> decode("naïve".encode("cp1252"), "x.txt")
    'naïve'
    """
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            break
    if text is None and b"\x00" in data[:4096]:
        utf16 = utf16_without_bom(data)
        if utf16:
            text = data.decode(utf16, errors="replace")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _mostly_utf8(data) or _decode_legacy(data, html)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text:
        controls = len(_CONTROL.findall(text[:65536]))
        if controls / min(len(text), 65536) > binary_ratio:
            raise DecodeError(source, "binary data, not text (too many control bytes); is it an image or a PDF?", "error.binary")
        if controls:
            text = _CONTROL.sub("", text)
    return text


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid bytes (a truncated or spliced file) stays UTF-8,
    the bad bytes becoming U+FFFD, rather than turning every accent into
    mojibake: when valid multi-byte characters are at least twice as many as
    the invalid bytes (in the first 64 KB).

    >>> _mostly_utf8("Café, Zürich, naïve.".encode("utf-8") + b"\\xff").endswith("naïve.\\ufffd")
    True
    >>> _mostly_utf8("Café".encode("cp1252")) is None
    True
    """
    sample = data[:65536].decode("utf-8", errors="replace")
    bad = sample.count("\ufffd")
    good = len(_NON_ASCII.findall(sample)) - bad
    if good >= 2 * bad:
        return data.decode("utf-8", errors="replace")
    return None


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _decode_legacy(data: bytes, html: bool) -> str:
    declared = _declared_charset(data) if html else None
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    non_ascii = sum(byte > 0x7F for byte in data[:65536])
    if non_ascii < _MIN_NON_ASCII_FOR_DETECTION:
        # too few non-ASCII bytes for detection to be reliable: cp1252, the
        # most common legacy web encoding, is the better bet
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # imported here: only legacy encodings need it

    results = from_bytes(data[:200_000])
    best = results.best()
    if best is not None:
        # on a tie, the most common legacy web encoding wins (cp1250 and cp1252
        # read French or German text equally "well" as far as detection can tell)
        tied = [m.encoding for m in results if m.chaos == best.chaos and m.coherence == best.coherence]
        if "cp1252" in tied:
            return data.decode("cp1252", errors="replace")
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace")


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


__all__ = ["decode", "gunzip", "is_gzip", "gzip"]
