"""Finding the inputs: files and folders (recursive), in a deterministic order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

#: file endings read as inputs (each may also end in ``.gz``)
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
#: files holding many documents: WARC and WET (``.warc.wet.gz``), and JSONL from other pipelines
WARC_SUFFIXES = (".warc", ".wet", ".arc")
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def input_kind(path: str | os.PathLike) -> str | None:
    """``"text"``, ``"html"``, ``"warc"``, ``"jsonl"`` or None (not an input
    we read), by file name.

    >>> input_kind("a/b.html.gz"), input_kind("x.TXT"), input_kind("y.json")
    ('html', 'text', None)
    >>> input_kind("crawl.warc.gz"), input_kind("CC-1.warc.wet.gz"), input_kind("docs.jsonl")
    ('warc', 'warc', 'jsonl')
    """
    name = os.fspath(path).lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Yield the input files under ``paths``, sorted within each folder by
    path. A file named explicitly is always yielded (its kind defaults to
    text); files inside folders are yielded when their ending is one we read,
    except JSONL (folders often hold output JSONL: name JSONL inputs explicitly).
    Symlink loops are not followed twice. A folder that cannot be listed is
    yielded itself, so that reading it reports why (nothing silently lost)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield os.fspath(path)


def _walk(root: Path) -> Iterator[str]:
    seen: set[tuple[int, int]] = set()
    found: list[str] = []
    def unlistable(exc: OSError) -> None:
        if exc.filename is not None:
            found.append(os.fspath(exc.filename))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlistable, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames.sort()
        for name in filenames:
            if input_kind(name) not in (None, "jsonl"):
                found.append(os.path.join(dirpath, name))
    yield from sorted(found)
