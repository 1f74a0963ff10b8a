"""The peer of ``bench/html_quality.py``: trafilatura with its default settings.

For every ``.html`` / ``.html.gz`` file of a folder: ``trafilatura.extract()``
with default settings (comments included, as shipped) for the text, and
``trafilatura.extract_metadata()`` for title, authors and date; one JSONL
record per page (``source``, ``text``, ``title``, ``authors``, ``published``),
the way ``../shared/bench/README.md`` measured its reference figures.

    python bench/trafilatura_peer.py FOLDER -o OUT.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path


def page(path: Path) -> dict:
    import trafilatura

    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    text = trafilatura.extract(data) or ""
    meta = trafilatura.extract_metadata(data)
    record = {"source": str(path), "text": text, "title": None, "authors": None, "published": None}
    if meta is not None:
        record["title"] = meta.title
        record["authors"] = [a.strip() for a in meta.author.split(";")] if meta.author else None
        record["published"] = meta.date
    return record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="folder of .html / .html.gz pages")
    parser.add_argument("-o", "--output", required=True, help="JSONL output")
    args = parser.parse_args()
    paths = sorted(p for p in Path(args.folder).iterdir() if p.name.endswith((".html", ".htm", ".html.gz")))
    with open(args.output, "w", encoding="utf-8") as out:
        for path in paths:
            out.write(json.dumps(page(path), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
