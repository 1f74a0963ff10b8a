"""Bytes to text: BOMs, legacy encodings, gzip, binary and size limits."""

from __future__ import annotations

import codecs
import gzip

import pytest

from cleaner.config import Config
from cleaner.errors import DecodeError, InputError
from cleaner.readers import read_bytes, read_file
from cleaner.readers.decode import decode

TEXT = "Café owners in Zürich said the new rules were “unfair”.\nSecond line — here."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),
    TEXT.replace("\n", "\r").encode("utf-8"),
])
def test_utf_variants_and_newlines(data):
    assert decode(data, "x.txt") == TEXT


def test_cp1252_detected():
    assert decode(TEXT.encode("cp1252"), "x.txt") == TEXT


def test_html_meta_charset_is_used():
    html = '<html><head><meta charset="iso-8859-1"></head><body>Zürich café</body></html>'
    assert "Zürich café" in decode(html.encode("latin-1"), "x.html", html=True)


def test_binary_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(bytes(range(256)) * 10, "x.png")


def test_gzip_text(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode("utf-8")))
    assert read_file(str(path)).lines[0].text.startswith("Café")


def test_truncated_gzip(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode("utf-8") * 50)[:40])
    with pytest.raises(InputError, match="truncated"):
        read_file(str(path))


def test_gzip_bomb_is_capped():
    data = gzip.compress(b"a" * 2_000_000)
    with pytest.raises(InputError, match="more than"):
        read_bytes(data, "bomb.txt.gz", config=Config(max_input_bytes=100_000))


def test_missing_file_reason():
    with pytest.raises(InputError, match="not found"):
        read_file("/nonexistent/file.txt")


@pytest.mark.parametrize("encoding, text", [
    ("shift_jis", "東京都は月曜日、新しい交通計画を発表した。市民の反応はさまざまだった。" * 3),
    ("cp1251", "Городской совет в понедельник утвердил новый план развития транспорта." * 3),
    ("latin-1", "Le conseil municipal a approuvé lundi le nouveau plan de transport à l'unanimité." * 3),
])
def test_legacy_encodings_detected(encoding, text):
    assert decode(text.encode(encoding), "x.txt") == text
