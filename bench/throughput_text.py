"""Throughput of the text path, against jusText in the same run.

Makes a folder of at least N documents by repeating the fixtures (and the seeds
when ../shared is there), then times, on one core:

* cleaner: ``Cleaner().run(folder)`` — reading, rules, heuristics, language ID,
  filters and record building (``to_record``), i.e. everything but the disk write;
* jusText (the peer): ``justext.justext`` on the same texts, each line wrapped
  as a ``<p>``, with the English stoplist.

Prints documents/s for both and the ratio.

    python bench/throughput_text.py [--docs 1000]
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.writers import to_record  # noqa: E402


def make_corpus(folder: Path, docs: int) -> list[Path]:
    sources = sorted((ROOT / "fixtures").glob("*.txt"))
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        sources += sorted(seeds.glob("*.txt"))
    return repeat_files(sources, folder, docs)


def repeat_files(sources: list[Path], folder: Path, docs: int) -> list[Path]:
    """``docs`` copies of ``sources`` in turn, numbered, into ``folder``."""
    paths = []
    for i in range(docs):
        src = sources[i % len(sources)]
        dst = folder / f"{i:06d}_{src.name}"
        shutil.copyfile(src, dst)
        paths.append(dst)
    return paths


def time_cleaner(folder: Path) -> tuple[float, int, int]:
    started = time.perf_counter()
    cleaner = Cleaner()
    kept = 0
    count = 0
    for doc in cleaner.run([folder]):
        count += 1
        if doc.status.value == "kept":
            to_record(doc)
            kept += 1
    return time.perf_counter() - started, count, kept


def time_justext(paths: list[Path]) -> float:
    import justext

    stoplist = justext.get_stoplist("English")
    started = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip()) + "</body></html>"
        justext.justext(page, stoplist)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000, help="documents in the generated folder (default 1000)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_corpus(folder, args.docs)
        size = sum(p.stat().st_size for p in paths)
        c_secs, count, kept = time_cleaner(folder)
        j_secs = time_justext(paths)
    print(f"corpus: {count} documents, {size / 1e6:.1f} MB (fixtures repeated), one process")
    print(f"{'system':<10} {'seconds':>8} {'docs/s':>8} {'MB/s':>6}")
    print(f"{'cleaner':<10} {c_secs:8.2f} {count / c_secs:8.1f} {size / 1e6 / c_secs:6.2f}   ({kept} kept, language ID included)")
    print(f"{'jusText':<10} {j_secs:8.2f} {count / j_secs:8.1f} {size / 1e6 / j_secs:6.2f}")
    print(f"ratio cleaner/jusText docs/s: {j_secs / c_secs:.2f}x")


if __name__ == "__main__":
    main()
