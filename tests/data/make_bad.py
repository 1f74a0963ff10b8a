"""Generate the bad-input corpus: one file per way an input can go wrong.

    python tests/data/make_bad.py [DIR]        # default DIR: tests/data/bad (git-ignored)
    python -m cleaner DIR -o out.jsonl --max-input-bytes 2000000 --max-seconds 1 --no-dedup

Nothing here is a hand-made binary: every file is written by this script,
and :data:`CASES` says what the cleaner must make of each (status, reason id,
words of the reason), for ``tests/test_bad_inputs.py`` and the README's
"Reliability" table. The size and time caps are lowered on the command line
(:data:`CLI_OPTIONS`) so the corpus stays small and fast.
"""

from __future__ import annotations

import codecs
import gzip
import os
import random
import sys
import zlib
from pathlib import Path

#: options the corpus is meant to be run with: small caps keep it small and fast; the encoding cases are the same
#: article in many encodings, which dedup would rightly fold into one record
CLI_OPTIONS = ("--max-input-bytes", "2000000", "--max-seconds", "1", "--no-dedup")
MAX_BYTES = 2_000_000

ARTICLE = (
    "Harbour council approves new ferry timetable\n\n"
    "The harbour council approved a new ferry timetable on Tuesday after months of complaints from commuters "
    "who said the morning boats were always late and too crowded to board.\n\n"
    "Under the new plan, boats will leave every twenty minutes during the morning rush instead of every half "
    "hour, and two older vessels will be replaced by larger ones before the summer season begins.\n\n"
    "Café owners near the pier in Zürich-style glass pavilions said the change would bring more customers, "
    "while residents asked the council to keep an eye on noise late in the evening.\n"
)
JAPANESE = (
    "港の 評議会は 火曜日に 新しい フェリーの 時刻表を 承認した。 朝の 便が いつも 遅れて 混雑していると いう "
    "通勤客の 苦情が 何か月も 続いた 後の ことだ。 新しい 計画では 朝の ラッシュ時に 二十分ごとに 船が 出る。 "
) * 4

#: file name → (status, reason id or None, a phrase of the reason or of the kept text)
CASES: dict[str, tuple[str, str | None, str]] = {
    "good.txt": ("kept", None, "ferry timetable"),
    "empty.txt": ("error", "error.empty", "empty file (0 bytes)"),
    "whitespace-only.txt": ("error", "error.empty", "only white space"),
    "image-saved-as.html": ("error", "error.binary", "a PNG image"),
    "pdf-saved-as.html": ("error", "error.binary", "a PDF document"),
    "random-bytes.txt": ("error", "error.binary", "too many control bytes"),
    "invalid-utf8.txt": ("kept", None, "Café owners"),
    "cp1252.txt": ("kept", None, "Café “quoted” owners"),
    "latin1.txt": ("kept", None, "Zürich"),
    "shift-jis-meta-charset.html": ("kept", None, "新しい フェリーの"),
    "shift-jis-no-meta.html": ("kept", None, "新しい フェリーの"),
    "shift-jis.txt": ("kept", None, "新しい フェリーの"),
    "utf8-bom.txt": ("kept", None, "Café owners"),
    "utf16le-bom.txt": ("kept", None, "Café owners"),
    "utf16be-bom.txt": ("kept", None, "Café owners"),
    "utf16le-no-bom.txt": ("kept", None, "Café owners"),
    "gzipped.txt.gz": ("kept", None, "ferry timetable"),
    "truncated.txt.gz": ("error", "error.gzip", "truncated gzip file"),
    "corrupt.txt.gz": ("error", "error.gzip", "corrupt gzip data"),
    "gzip-bomb.txt.gz": ("error", "error.too-large", "decompresses to more than 2000000 bytes"),
    "huge.txt": ("error", "error.too-large", "over the 2000000-byte limit"),
    "pathological.html": ("error", "error.timeout", "1-second limit"),
    "unreadable.txt": ("error", "error.unreadable", "permission denied"),  # readable anyway when run as root
    "broken-link.txt": ("error", "error.unreadable", "broken symbolic link"),
    "self-loop.txt": ("error", "error.unreadable", "symbolic link loop"),
    "fifo.txt": ("error", "error.unreadable", "not a regular file"),
    "caf\\xe9-latin1-name.txt": ("kept", None, "ferry timetable"),  # the name's bytes are not UTF-8; shown as \xNN
    "folder-loop/article.txt": ("kept", None, "ferry timetable"),  # folder-loop/again -> .. is followed once
}


def make(root: str | os.PathLike) -> Path:
    """Write the corpus under ``root`` (created); return it."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(6)
    utf8 = ARTICLE.encode("utf-8")

    def put(name: str, data: bytes) -> None:
        (root / name).write_bytes(data)

    put("good.txt", utf8)
    put("empty.txt", b"")
    put("whitespace-only.txt", b"  \n\n\t \r\n   \n")
    put("image-saved-as.html", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(3000)))
    put("pdf-saved-as.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
        + zlib.compress(utf8 * 20) + b"\n%%EOF\n")
    put("random-bytes.txt", bytes(rng.randrange(256) for _ in range(4000)))
    put("invalid-utf8.txt", utf8.replace(b"commuters", b"commuters \xff"))
    put("cp1252.txt", ARTICLE.replace("Café", "Café “quoted”").encode("cp1252"))
    put("latin1.txt", ARTICLE.encode("latin-1"))
    body = "".join(f"<p>{para}</p>\n" for para in (JAPANESE, JAPANESE[::-1].replace("。", "") + "。", JAPANESE))
    put("shift-jis-meta-charset.html", (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
        f"<title>フェリー</title></head><body><article><h1>新しい 時刻表</h1>{body}</article></body></html>").encode("shift_jis"))
    put("shift-jis-no-meta.html", (
        f"<html><head><title>フェリー</title></head><body><article><h1>新しい 時刻表</h1>{body}</article></body></html>"
    ).encode("shift_jis"))
    put("shift-jis.txt", ("新しい 時刻表\n\n" + JAPANESE + "\n\n" + JAPANESE[::-1]).encode("shift_jis"))
    put("utf8-bom.txt", codecs.BOM_UTF8 + utf8)
    put("utf16le-bom.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    put("utf16be-bom.txt", codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"))
    put("utf16le-no-bom.txt", ARTICLE.encode("utf-16-le"))
    put("gzipped.txt.gz", gzip.compress(utf8, mtime=0))
    put("truncated.txt.gz", gzip.compress(utf8 * 20, mtime=0)[:200])
    put("corrupt.txt.gz", gzip.compress(b"", mtime=0)[:10] + bytes(rng.randrange(256) for _ in range(500)))
    put("gzip-bomb.txt.gz", gzip.compress(b" " * (MAX_BYTES * 3), compresslevel=9, mtime=0))
    put("huge.txt", utf8 * (MAX_BYTES // len(utf8) + 10))
    # unbalanced inline tags: 100,000 of them make HTML extraction take several seconds (a time cap case)
    put("pathological.html", b"<html><body>" + b"<p><b><i>x " * 100_000 + b"</body></html>")
    put("unreadable.txt", utf8)
    os.chmod(root / "unreadable.txt", 0)
    _symlink("does-not-exist.txt", root / "broken-link.txt")
    _symlink("self-loop.txt", root / "self-loop.txt")
    if hasattr(os, "mkfifo") and not (root / "fifo.txt").exists():
        os.mkfifo(root / "fifo.txt")
    (root / os.fsdecode(b"caf\xe9-latin1-name.txt")).write_bytes(utf8)
    (root / "folder-loop").mkdir(exist_ok=True)
    (root / "folder-loop" / "article.txt").write_bytes(utf8)
    _symlink("..", root / "folder-loop" / "again")
    return root


def _symlink(target: str, link: Path) -> None:
    if not os.path.lexists(link):
        os.symlink(target, link)


if __name__ == "__main__":
    print(make(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("bad")))
