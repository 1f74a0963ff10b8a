"""Extraction quality on text scrapes: every row of the text-heuristics issue.

Runs ``../shared/bench/score.py`` (the one scorer we all use) on
``scrapinghub`` and ``wcxb-dev`` in ``text`` (seed-style) and ``text-full``
(whole page) modes, for cleaner (deduplication off, built-in rules) and for the
keep-everything baseline in the same run, and prints one table with the floors
and stretch goals of the issue.

    python bench/text_quality.py [--worst 10] [--rows scrapinghub:text,wcxb-dev:text-full]
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
ROWS = [("scrapinghub", "text"), ("scrapinghub", "text-full"), ("wcxb-dev", "text"), ("wcxb-dev", "text-full")]
FLOOR = {("scrapinghub", "text"): 0.940, ("scrapinghub", "text-full"): 0.900,
         ("wcxb-dev", "text"): 0.900, ("wcxb-dev", "text-full"): 0.910}
STRETCH = {("scrapinghub", "text"): 0.960, ("scrapinghub", "text-full"): 0.950,
           ("wcxb-dev", "text"): 0.930, ("wcxb-dev", "text-full"): 0.930}
META_FLOOR = {"title": 0.80, "authors": 0.75, "published": 0.85}


def score(set_name: str, mode: str, extra: list[str], worst: int) -> tuple[dict, str]:
    cmd = [sys.executable, str(BENCH / "score.py"), str(BENCH / set_name), "--mode", mode, *extra]
    if worst:
        cmd += ["--worst", str(worst)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    lines = result.stdout.strip().splitlines()
    summary = next((line for line in reversed(lines) if line.startswith("score:")), "")
    figures = dict(re.findall(r"(\S+?)=(\S+)", summary))
    if result.returncode != 0 or not summary:
        print(result.stdout[-3000:], result.stderr[-3000:], file=sys.stderr)
    return figures, result.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worst", type=int, default=0, help="also print the N worst pages of each row")
    parser.add_argument("--rows", default="", help="comma-separated SET:MODE rows (default: all four)")
    parser.add_argument("--cleaner-args", default="", help="extra options for python -m cleaner")
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"skipped: {BENCH} not found (../shared must be beside the checkout)")
        return 0
    rows = [tuple(r.split(":")) for r in args.rows.split(",")] if args.rows else ROWS
    command = f"{shlex.quote(sys.executable)} -m cleaner {{input}} -o {{output}} --no-dedup -q {args.cleaner_args}"
    header = (f"{'set':<12} {'mode':<10} {'keep-all F1':>11} {'cleaner P':>9} {'R':>6} {'F1':>6} {'floor':>6} {'stretch':>7} "
              f"{'pages/s':>8}  metadata (title/authors/date)")
    print(header)
    print("-" * len(header))
    worst_blocks = []
    all_ok = True
    for set_name, mode in rows:
        base, _ = score(set_name, mode, ["--baseline", "keep-all"], 0)
        ours, stdout = score(set_name, mode, ["--cmd", command], args.worst)
        f1 = float(ours.get("F1", "nan"))
        below = [] if f1 >= FLOOR[(set_name, mode)] else ["F1"]
        meta = ""
        if set_name == "wcxb-dev":
            meta = " / ".join(ours.get(k, "n/a") for k in ("title", "authors", "published"))
            if mode == "text-full":
                meta += "   floor " + " / ".join(f"{v:.2f}" for v in META_FLOOR.values())
                below += [k for k, v in META_FLOOR.items() if not float(ours.get(k, "nan")) >= v]
        verdict = "/".join(below) + " BELOW FLOOR" if below else "ok"
        all_ok &= not below
        print(f"{set_name:<12} {mode:<10} {base.get('F1', '?'):>11} {ours.get('P', '?'):>9} {ours.get('R', '?'):>6} "
              f"{ours.get('F1', '?'):>6} {FLOOR[(set_name, mode)]:>6.3f} {STRETCH[(set_name, mode)]:>7.3f} "
              f"{ours.get('pages/s', '?'):>8}  {meta} {verdict}")
        if args.worst:
            worst_blocks.append(f"== {set_name} {mode}\n" + "\n".join(
                line for line in stdout.splitlines() if not line.startswith("score:")))
    for block in worst_blocks:
        print(block)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
