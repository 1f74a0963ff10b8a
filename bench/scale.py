"""Scale benchmarks: cleaner against named peers in the same run, with ratios.

* **text**: ``../shared/bench/scrapinghub/text`` repeated to ``--docs``
  documents (default 5,000; fixtures when ../shared is absent). cleaner's whole
  run (template pass, cleaning, language ID, dedup, JSONL writing) with 1 and
  2 workers (the scaling ratio; outputs compared byte for byte) against jusText
  (each line a ``<p>``, English stoplist) on the same texts in one process;
* **html**: ``../shared/bench/scrapinghub/html`` repeated to ``--html-docs``
  pages: cleaner (trafilatura extraction + cleaning + dedup) against
  trafilatura alone (``bare_extraction``, as cleaner calls it), both with 1
  worker and with all cores (trafilatura in a ``multiprocessing.Pool``);
* **memory** (``--memory 10000,100000``): peak RSS of ``python -m cleaner``
  (the driver, and the whole process tree sampled every 0.1 s) on JSONL
  corpora made by ``bench/dedup_corpus.py``, with 1 and all workers
  (``--memory-workers``) and dedup on and off (``--memory-dedup``), and the
  dedup index's own bytes per document, so the growth apart from that index
  can be read off: a table with the ratio of each run to the smallest size.

Wall-clock figures on a shared machine vary: the CPU seconds of the driver and
its workers are printed too.

    python bench/scale.py --docs 5000 --html-docs 1000 --memory 10000,100000
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.dedup.stage import DedupStage  # noqa: E402
from cleaner.metadata.language import LanguageAnnotator  # noqa: E402
from cleaner.parallel import available_cores, make_executor  # noqa: E402
from cleaner.runner import run  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput_text import repeat_files, time_justext  # noqa: E402  (the same jusText peer as the text throughput bench)

SCRAPINGHUB = ROOT.parent / "shared" / "bench" / "scrapinghub"


def repeat_folder(sources: list[Path], folder: Path, docs: int) -> list[Path]:
    folder.mkdir(parents=True)
    return repeat_files(sources, folder, docs)


def language_only(config, rules, detector, resources, templates=None) -> list:
    """A step list with no cleaning at all: language ID only (``Cleaner(steps=...)``)."""
    return [LanguageAnnotator(config, detector)]


def time_cleaner(folder: Path, workers: int, out: Path, cleaner: Cleaner | None = None) -> tuple[float, int]:
    started = time.perf_counter()
    executor = make_executor("local", workers)
    summary = run(cleaner or Cleaner(), [folder], output=out, stages=[DedupStage()], executor=executor)
    executor.close()
    return time.perf_counter() - started, summary.stats.inputs


def _trafilatura_one(path: str) -> bool:
    import gzip

    import trafilatura

    data = Path(path).read_bytes()
    data = (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8", errors="replace")
    return trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, output_format="python") is not None


def time_trafilatura(paths: list[Path], workers: int) -> float:
    started = time.perf_counter()
    if workers == 1:
        for path in paths:
            _trafilatura_one(str(path))
    else:
        with multiprocessing.get_context("forkserver").Pool(workers) as pool:
            list(pool.imap(_trafilatura_one, map(str, paths), chunksize=8))
    return time.perf_counter() - started


def cpu() -> float:
    """CPU seconds of this process and its waited-for children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def row(name: str, secs: float, docs: int, ref: float | None = None, note: str = "") -> str:
    ratio = f"{docs / secs / ref:6.2f}x" if ref else "       "
    return f"| {name:<38} | {secs:8.1f} | {docs / secs:8.1f} | {ratio} | {note}"


def bench_text(tmp: Path, docs: int, cores: int) -> list[str]:
    sources = sorted((SCRAPINGHUB / "text").glob("*.txt")) or sorted((ROOT / "fixtures").glob("*.txt"))
    paths = repeat_folder(sources, tmp / "text", docs)
    lines = [f"text: {docs} documents ({len(sources)} distinct, {sum(p.stat().st_size for p in paths) / 1e6:.1f} MB)"]
    j_secs = time_justext(paths)
    j_rate = docs / j_secs
    lines.append(row("jusText, 1 process (peer)", j_secs, docs))
    outs = {}
    rates = {}
    for workers in sorted({1, 2, cores}):
        secs, count = time_cleaner(tmp / "text", workers, tmp / f"text{workers}.jsonl")
        outs[workers] = (tmp / f"text{workers}.jsonl").read_bytes() + (tmp / f"text{workers}.rejects.jsonl").read_bytes()
        rates[workers] = count / secs
        lines.append(row(f"cleaner, {workers} worker{'s' * (workers > 1)}", secs, count, j_rate, "vs jusText"))
    same = all(out == outs[1] for out in outs.values())
    lines.append(f"scaling 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x; outputs byte-identical across workers: {same}")
    lines += floor_rows(tmp, docs, j_rate, rates[1])
    return lines


def floor_rows(tmp: Path, docs: int, j_rate: float, full_rate: float) -> list[str]:
    """What a run costs before any cleaning: the same run (1 worker) with no
    template pass and language ID as its only step, so reading, language ID,
    dedup and writing, the parts the 3x-jusText target includes. The budget
    that target leaves per document for the cleaning itself is printed."""
    bare = Cleaner(config=Config(template_lines=False), steps=language_only)
    secs, count = time_cleaner(tmp / "text", 1, tmp / "bare.jsonl", bare)
    lines = [row("cleaner, no cleaning (read+lang+dedup)", secs, count, j_rate, "vs jusText, 1 worker")]
    target_ms = 1000 / (3 * j_rate)
    floor_ms = 1000 * secs / count
    lines.append(f"3x jusText allows {target_ms:.2f} ms a document; reading, language ID, dedup and writing take "
                 f"{floor_ms:.2f} ms, leaving {target_ms - floor_ms:.2f} ms for all cleaning; "
                 f"cleaning takes {1000 / full_rate - floor_ms:.2f} ms today")
    return lines


def bench_html(tmp: Path, docs: int, cores: int) -> list[str]:
    sources = sorted((SCRAPINGHUB / "html").glob("*.html*"))
    if not sources:
        return ["html: ../shared/bench/scrapinghub/html missing, skipped"]
    paths = repeat_folder(sources, tmp / "html", docs)
    lines = [f"html: {docs} pages ({len(sources)} distinct)"]
    for workers in sorted({1, cores}):
        t_secs = time_trafilatura(paths, workers)
        lines.append(row(f"trafilatura alone, {workers} worker(s) (peer)", t_secs, docs))
        c_secs, count = time_cleaner(tmp / "html", workers, tmp / f"html{workers}.jsonl")
        lines.append(row(f"cleaner, {workers} worker(s)", c_secs, count, docs / t_secs, "vs trafilatura"))
    return lines


def _tree_rss(pid: int) -> int:
    """RSS (bytes) of ``pid`` and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, StopIteration):
            continue
    return total


def peak_rss(cmd: list[str]) -> tuple[float, int, int]:
    """Run ``cmd``; return (seconds, peak RSS of the process itself, peak RSS of its process tree)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    peak_tree = 0
    stop = threading.Event()

    def sample():
        nonlocal peak_tree
        while not stop.wait(0.1):
            peak_tree = max(peak_tree, _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    stop.set()
    sampler.join()
    if status:
        raise SystemExit(f"{cmd} failed: {status}")
    return time.perf_counter() - started, usage.ru_maxrss * 1024, peak_tree


def _corpus(tmp: Path, n: int, dedup: bool) -> tuple[Path, str, float]:
    """Write ``n`` generated documents to one JSONL file; with ``dedup``, also
    measure the dedup index (``cleaner.dedup.index.nbytes``) and the template-line
    index they make. Returns the file and a note on the indexes."""
    sys.path.insert(0, str(ROOT / "bench"))
    from dedup_corpus import generate

    from cleaner.corpus.templates import TemplateIndex
    from cleaner.dedup.config import DedupConfig
    from cleaner.dedup.index import DedupIndex
    from cleaner.document import Document

    corpus = tmp / f"gen{n}.jsonl"
    index, templates = DedupIndex(DedupConfig()), TemplateIndex()
    with open(corpus, "w", encoding="utf-8") as fh:
        for doc in generate(n):
            fh.write(json.dumps({"id": doc.source, "text": doc.text}) + "\n")
            if dedup:
                index.add_text(f"{corpus}#{doc.source}", doc.text, 1)
            templates.add_document(Document.from_text(doc.source, doc.text))
    note = f"template-line index {templates.nbytes() / 1e6:.1f} MB ({len(templates)} keys, {templates.nbytes() / n:.0f} B/doc)"
    per_doc = index.nbytes() / len(index) if dedup else 0.0
    if dedup:
        note = f"dedup index {index.nbytes() / 1e6:.1f} MB ({per_doc:.0f} B/doc); " + note
    return corpus, note, per_doc


def bench_memory(tmp: Path, sizes: list[int], workers: list[int], dedups: list[bool]) -> list[str]:
    """Peak RSS of ``python -m cleaner`` for every (size, workers, dedup), and the
    ratio of each run to the smallest run of the same workers and dedup setting
    (with dedup: also after subtracting the dedup index's own growth)."""
    lines = ["memory: generated documents (bench/dedup_corpus.py) in one JSONL file, python -m cleaner FILE -o OUT -q"]
    table = ["| docs | workers | dedup | seconds | docs/s | driver peak RSS | tree peak RSS | driver ratio | tree ratio |",
             "|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    base: dict[tuple[int, bool], tuple[int, int, int]] = {}
    for n in sizes:
        corpus, note, per_doc = _corpus(tmp, n, any(dedups))
        lines.append(f"{n} docs: {note}")
        for dedup in dedups:
            for w in workers:
                cmd = [sys.executable, "-m", "cleaner", str(corpus), "-o", str(tmp / f"gen{n}.out.jsonl"), "-q",
                       "--workers", str(w)] + ([] if dedup else ["--no-dedup"])
                secs, driver, tree = peak_rss(cmd)
                first = base.setdefault((w, dedup), (n, driver, tree))
                ratios = ["", ""]
                if first[0] != n:
                    growth = (n - first[0]) * per_doc if dedup else 0.0
                    ratios = [f"{peak / ref:.2f}x" + (f" ({(peak - growth) / ref:.2f}x minus the dedup index's "
                                                      f"{growth / 1e6:.0f} MB)" if dedup else "")
                              for peak, ref in ((driver, first[1]), (tree, first[2]))]
                table.append(f"| {n} | {w} | {'on' if dedup else 'off'} | {secs:.1f} | {n / secs:.1f} | "
                             f"{driver / 1e6:.1f} MB | {tree / 1e6:.1f} MB | {ratios[0]} | {ratios[1]} |")
                print(table[-1], flush=True)
        corpus.unlink()
    return lines + table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=5000, help="text documents (default 5000; 0 skips)")
    parser.add_argument("--html-docs", type=int, default=1000, help="HTML pages (default 1000; 0 skips)")
    parser.add_argument("--memory", default="", help="comma-separated corpus sizes for peak RSS, e.g. 10000,100000")
    parser.add_argument("--workers", type=int, default=available_cores(), help="'all workers' (default: all cores)")
    parser.add_argument("--memory-workers", default="", help="comma-separated --workers for the memory runs (default: 1,WORKERS)")
    parser.add_argument("--memory-dedup", default="on,off", help="dedup settings of the memory runs: on, off or on,off (default)")
    args = parser.parse_args()
    cores = args.workers
    print(f"cores: {cores}; load average {os.getloadavg()[0]:.1f} at start")
    print("| run | seconds | docs/s | ratio | |")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        for part in ([bench_text(tmp, args.docs, cores)] if args.docs else []) + \
                    ([bench_html(tmp, args.html_docs, cores)] if args.html_docs else []):
            print("\n".join(part), flush=True)
        if args.memory:
            workers = [int(w) for w in args.memory_workers.split(",")] if args.memory_workers else sorted({1, cores})
            dedups = [{"on": True, "off": False}[d] for d in args.memory_dedup.split(",")]
            print("\n".join(bench_memory(tmp, [int(n) for n in args.memory.split(",")], workers, dedups)), flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at end; CPU seconds of this process and children: {cpu():.0f}")


if __name__ == "__main__":
    main()
