"""Inputs the workers can reach: local paths, and fsspec URLs
(``s3://bucket/crawl/``, ``gs://...``, ``file:///...``) when fsspec and the
filesystem's package (s3fs, gcsfs...) are installed.

A URL input is read by the worker: copied to a local temporary file (with
the same name, so its kind is known) and read like a local file; the
documents' sources and reasons name the URL, not the temporary file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator

from ..config import Config
from ..document import Document
from ..errors import CleanerError
from ..readers import discover, input_kind, iter_documents


def is_url(path: str | os.PathLike) -> bool:
    """``scheme://...`` (but not a Windows drive letter).

    >>> is_url("s3://bucket/a.txt"), is_url("/data/a.txt"), is_url("C://x")
    (True, False, False)
    """
    text = os.fspath(path)
    scheme, sep, _ = text.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").replace("-", "").isalnum()


def _fsspec():
    try:
        import fsspec
    except ImportError as exc:
        raise CleanerError("URL inputs need fsspec (and the filesystem's package, e.g. s3fs for s3://): "
                           "pip install 'cleaner[ray]' s3fs") from exc
    return fsspec


def discover_inputs(inputs: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Like :func:`cleaner.readers.discover`, for paths and URLs: a URL
    naming a folder (prefix) yields the files under it that we read, sorted."""
    for given in inputs:
        if not is_url(given):
            yield from discover([given])
            continue
        fs, root = _fsspec().core.url_to_fs(os.fspath(given))
        if fs.isdir(root):
            found = sorted(path for path in fs.find(root) if input_kind(path) not in (None, "jsonl"))
            yield from (fs.unstrip_protocol(path) for path in found)
        else:
            yield os.fspath(given)


def read_input(path: str, config: Config) -> Iterator[Document]:
    """Every document of one input (path or URL), in file order; unreadable input comes out as error documents."""
    if not is_url(path):
        yield from iter_documents(path, config)
        return
    with tempfile.TemporaryDirectory(prefix="cleaner-url-") as tmp:
        local = os.path.join(tmp, path.rstrip("/").rsplit("/", 1)[-1] or "input")
        try:
            with _fsspec().open(path, "rb") as src, open(local, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        except CleanerError:
            raise
        except Exception as exc:  # a missing object, no credentials, no network: this input's error, not the run's
            yield Document.unreadable(path, f"cannot fetch: {type(exc).__name__}: {exc}")
            return
        for doc in iter_documents(local, config):
            doc.source = path + doc.source[len(local):] if doc.source.startswith(local) else doc.source
            if doc.reason:
                doc.reason = doc.reason.replace(local, path)
            yield doc
