"""Dedup at scale: time, peak memory and pair precision/recall on a generated corpus,
against datasketch's own MinHashLSH used the straightforward way, in the same run.

    python bench/dedup_scale.py                       # 100,000 documents (about 3 minutes per method)
    python bench/dedup_scale.py --docs 5000           # a quick look
    python bench/dedup_scale.py --corpus c.jsonl      # reuse a corpus made by bench/dedup_corpus.py

The corpus (``bench/dedup_corpus.py``: originals, copies with residual chrome
and edits, same-event articles that are not duplicates) is written to a
temporary JSONL file once; then each method runs in its own fresh process
(so each peak RSS is its own) and streams it:

* **cleaner**: :class:`cleaner.dedup.index.DedupIndex` with the default
  :class:`~cleaner.dedup.config.DedupConfig` (``add_text`` per document, then
  ``resolve``: clusters *and* the kept member of each);
* **datasketch-lsh** (the peer): a :class:`datasketch.MinHash` object per
  document (same permutations, shingles and hash function, so the same
  signatures), inserted into :class:`datasketch.MinHashLSH` with the same
  bands × rows; then every document is queried, each candidate verified with
  ``MinHash.jaccard`` against the same threshold, and verified pairs merged in
  a union-find.

Printed per method: CPU seconds of the process (the machine is shared, so
CPU time, not wall time; both are single-threaded) for the map (signatures
and insertion) and the reduce (grouping, verification, clusters), documents/s, peak RSS, peak RSS growth per
document over the process's RSS before the first document, pair precision and
recall against the known families; then the peer/cleaner ratios and whether
the two found the same clusters. Reading and parsing the corpus file is not
timed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

METHODS = ("cleaner", "datasketch-lsh")


def rss_kib() -> int:
    """Peak resident set size of this process so far (KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def stream(corpus: str):
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def run_cleaner(corpus: str) -> dict:
    from cleaner.dedup.config import DedupConfig
    from cleaner.dedup.index import DedupIndex

    index = DedupIndex(DedupConfig())
    families, mapping = [], 0.0
    before = rss_kib()
    for item in stream(corpus):
        families.append(item["family"])
        started = time.process_time()
        index.add_text(item["source"], item["text"])
        mapping += time.process_time() - started
    started = time.process_time()
    verdicts = index.resolve()
    reduce = time.process_time() - started
    labels = verdicts.kept.tolist()
    return {"map": mapping, "reduce": reduce, "rss_before": before, "rss_peak": rss_kib(), "families": families,
            "labels": labels, "index_bytes": index.nbytes(), "kept": len(verdicts) - verdicts.duplicates}


def run_datasketch(corpus: str) -> dict:
    import zlib

    from datasketch import MinHash, MinHashLSH

    from cleaner.dedup.config import DedupConfig
    from cleaner.dedup.text import shingles, words

    config = DedupConfig()
    template = MinHash(num_perm=config.num_perm, seed=config.seed, hashfunc=zlib.crc32, scheme="affine32")
    lsh = MinHashLSH(threshold=config.threshold, num_perm=config.num_perm, params=config.banding())
    sketches, families, mapping = [], [], 0.0
    before = rss_kib()
    for i, item in enumerate(stream(corpus)):
        families.append(item["family"])
        started = time.process_time()
        sketch = template.copy()
        sketch.update_batch(shingles(words(item["text"]), config.shingle_words))
        lsh.insert(i, sketch)
        sketches.append(sketch)
        mapping += time.process_time() - started
    started = time.process_time()
    parent = list(range(len(sketches)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, sketch in enumerate(sketches):
        for j in lsh.query(sketch):
            if j > i and sketch.jaccard(sketches[j]) >= config.threshold:
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    labels = [find(i) for i in range(len(sketches))]
    reduce = time.process_time() - started
    return {"map": mapping, "reduce": reduce, "rss_before": before, "rss_peak": rss_kib(), "families": families,
            "labels": labels, "index_bytes": None, "kept": len(set(labels))}


def worker(method: str, corpus: str) -> int:
    from dedup_corpus import pair_scores

    result = (run_cleaner if method == "cleaner" else run_datasketch)(corpus)
    precision, recall, predicted, true = pair_scores(result["families"], result["labels"])
    docs = len(result["labels"])
    canonical = {}
    for i, label in enumerate(result["labels"]):
        canonical.setdefault(label, i)  # the cluster named by its first document: comparable across methods
    out = {key: result[key] for key in ("map", "reduce", "rss_before", "rss_peak", "index_bytes", "kept")}
    out.update(docs=docs, precision=precision, recall=recall, predicted_pairs=predicted, true_pairs=true,
               clusters=[canonical[label] for label in result["labels"]])
    json.dump(out, sys.stdout)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="examples:\n  python bench/dedup_scale.py\n  python bench/dedup_scale.py --docs 5000 --no-peer")
    parser.add_argument("--docs", type=int, default=100_000, help="documents to generate (default 100000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--corpus", help="a corpus JSONL from bench/dedup_corpus.py (default: generate one)")
    parser.add_argument("--no-peer", action="store_true", help="run cleaner only")
    parser.add_argument("--worker", choices=METHODS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.worker, args.corpus)
    with tempfile.TemporaryDirectory(prefix="dedup-scale-") as tmp:
        corpus = args.corpus
        if corpus is None:
            from dedup_corpus import generate

            corpus = os.path.join(tmp, "corpus.jsonl")
            started = time.perf_counter()
            with open(corpus, "w", encoding="utf-8") as fh:
                for doc in generate(args.docs, args.seed):
                    fh.write(json.dumps({"source": doc.source, "text": doc.text, "family": doc.family}) + "\n")
            print(f"corpus: generated in {time.perf_counter() - started:.0f} s ({os.path.getsize(corpus) / 1e6:.0f} MB)", flush=True)
        results = {}
        for method in METHODS[:1] if args.no_peer else METHODS:
            proc = subprocess.run([sys.executable, __file__, "--worker", method, "--corpus", corpus], capture_output=True, text=True)
            if proc.returncode:
                print(proc.stderr, file=sys.stderr)
                return 1
            results[method] = json.loads(proc.stdout)
    first = next(iter(results.values()))
    print(f"documents: {first['docs']:,}; true duplicate pairs: {first['true_pairs']:,}")
    print(f"{'method':<16}{'map s':>8}{'reduce s':>10}{'CPU s':>9}{'docs/s':>9}{'peak RSS MB':>13}{'RSS B/doc':>11}"
          f"{'index B/doc':>13}{'precision':>11}{'recall':>8}{'kept':>9}")
    for method, r in results.items():
        total = r["map"] + r["reduce"]
        growth = (r["rss_peak"] - r["rss_before"]) * 1024 / r["docs"]
        index = f"{r['index_bytes'] / r['docs']:.0f}" if r["index_bytes"] else "-"
        print(f"{method:<16}{r['map']:>8.1f}{r['reduce']:>10.1f}{total:>9.1f}{r['docs'] / total:>9.0f}{r['rss_peak'] / 1024:>13.0f}"
              f"{growth:>11.0f}{index:>13}{r['precision']:>11.4f}{r['recall']:>8.4f}{r['kept']:>9,}")
        r["total"], r["growth"] = total, growth
    if len(results) == 2:
        ours, peer = results["cleaner"], results["datasketch-lsh"]
        print(f"peer/cleaner: time {peer['total'] / ours['total']:.2f}x, peak RSS {peer['rss_peak'] / ours['rss_peak']:.2f}x, "
              f"RSS growth per document {peer['growth'] / ours['growth']:.2f}x; "
              f"same clusters: {'yes' if peer['clusters'] == ours['clusters'] else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
