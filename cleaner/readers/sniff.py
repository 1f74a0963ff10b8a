"""What the first bytes of an input say it is, before decoding it as text.

A crawler saves images, PDFs and archives under ``.html`` names; their
signature names the format in the reject's reason ("a PNG image"), which tells
a person more than "too many control bytes". UTF-16 without a byte-order mark
is recognised by its NUL bytes on every other position.
"""

from __future__ import annotations

#: (signature at offset 0, what the file is); text formats (SVG, XML, JSON) are not listed: they are text
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\x00\x00\x01\x00", "an icon (ICO)"),
    (b"wOFF", "a web font (WOFF)"),
    (b"wOF2", "a web font (WOFF2)"),
    (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x1aE\xdf\xa3", "a WebM/Matroska video"),
)
_RIFF = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}
_FTYP = {b"avif": "an AVIF image", b"heic": "a HEIC image"}


def binary_format(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with, or None.

    >>> binary_format(b"%PDF-1.7\\n..."), binary_format(b"<html>")
    ('a PDF document', None)
    """
    if data[:4] == b"RIFF" and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if data[4:8] == b"ftyp":
        return _FTYP.get(data[8:12], "an MP4/QuickTime video or image")
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            return what
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` / ``"utf-16-be"`` when ``data`` looks like UTF-16 text
    without a byte-order mark (mostly-ASCII text has a NUL in every other
    byte), else None.

    >>> utf16_without_bom("Hello, world".encode("utf-16-le")), utf16_without_bom(b"Hello, world")
    ('utf-16-le', None)
    """
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.4 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None
