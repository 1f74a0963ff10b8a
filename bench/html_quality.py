"""Extraction quality on HTML pages: the table of the HTML issue (issue 4).

Runs ``../shared/bench/score.py`` (the one scorer we all use) in ``html`` mode
on every page of ``scrapinghub`` and ``wcxb-dev``, for cleaner (one worker,
deduplication off, built-in rules) and, in the same run, for its peer,
trafilatura with default settings (``bench/trafilatura_peer.py``: ``extract()``
+ ``extract_metadata()``), and prints P, R, F1, the metadata match rates and
pages/s of both, with the floors of the issue.

Speed: ``pages/s`` is score.py's wall-clock figure (start-up included);
``cpu p/s`` divides the pages by the CPU seconds (user + system) of the
command alone, which other people's jobs on a shared machine do not change.
The speed ratio of the issue (cleaner ≥ 0.8× trafilatura) is taken on CPU.

    python bench/html_quality.py [--worst 10] [--sets wcxb-dev] [--no-peer]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench"
SETS = ("scrapinghub", "wcxb-dev")
FLOOR = {"scrapinghub": 0.962, "wcxb-dev": 0.940}
STRETCH = {"scrapinghub": 0.975, "wcxb-dev": 0.955}
META = ("title", "authors", "published")
META_FLOOR = {"title": 0.85, "authors": 0.80, "published": 0.92}
META_STRETCH = {"title": 0.92, "authors": 0.88, "published": 0.96}
#: cleaner must run at this share of the peer's pages/s or better (issue 4, item 6)
SPEED_FLOOR = 0.8


def timed(command: str) -> tuple[str, str]:
    """``command`` wrapped so that its CPU seconds (user + system, children
    included) are written to a file; returns the wrapped command and the file."""
    fd, path = tempfile.mkstemp(suffix=".cpu")
    os.close(fd)
    wrapped = f"{shlex.quote(sys.executable)} {shlex.quote(__file__)} --exec-timed {shlex.quote(path)} -- {command}"
    return wrapped, path


def exec_timed(path: str, argv: list[str]) -> int:
    """Run ``argv`` through the shell and write its CPU seconds to ``path``."""
    status = subprocess.run(" ".join(argv), shell=True).returncode
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    Path(path).write_text(f"{usage.ru_utime + usage.ru_stime:.3f}")
    return status


def score(set_name: str, command: str, worst: int) -> tuple[dict, str]:
    command, cpu_file = timed(command)
    cmd = [sys.executable, str(BENCH / "score.py"), str(BENCH / set_name), "--mode", "html", "--cmd", command]
    if worst:
        cmd += ["--worst", str(worst)]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    lines = result.stdout.strip().splitlines()
    summary = next((line for line in reversed(lines) if line.startswith("score:")), "")
    if result.returncode != 0 or not summary:
        print(result.stdout[-3000:], result.stderr[-3000:], file=sys.stderr)
    figures = dict(re.findall(r"(\S+?)=(\S+)", summary))
    cpu = Path(cpu_file).read_text() if Path(cpu_file).stat().st_size else ""
    Path(cpu_file).unlink()
    if cpu and float(cpu) > 0 and "pages" in figures:
        figures["cpu_pages/s"] = f"{int(figures['pages']) / float(cpu):.1f}"
    return figures, result.stdout


def row(system: str, set_name: str, figures: dict) -> str:
    meta = " ".join(f"{figures.get(k, '?'):>9}" for k in META)
    return (f"{set_name:<12} {system:<12} {figures.get('P', '?'):>6} {figures.get('R', '?'):>6} {figures.get('F1', '?'):>6} "
            f"{meta} {figures.get('pages/s', '?'):>8} {figures.get('cpu_pages/s', '?'):>8}")


def main() -> int:
    if len(sys.argv) > 3 and sys.argv[1] == "--exec-timed" and sys.argv[3] == "--":
        return exec_timed(sys.argv[2], sys.argv[4:])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worst", type=int, default=0, help="also print the N worst pages of cleaner on each set")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets (default: both)")
    parser.add_argument("--no-peer", action="store_true", help="skip trafilatura (quicker; no speed ratio)")
    parser.add_argument("--cleaner-args", default="", help="extra options for python -m cleaner")
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"skipped: {BENCH} not found (../shared must be beside the checkout)")
        return 0
    python = shlex.quote(sys.executable)
    ours_cmd = f"{python} -m cleaner {{input}} -o {{output}} --no-dedup --workers 1 -q {args.cleaner_args}"
    peer_cmd = f"{python} {shlex.quote(str(ROOT / 'bench' / 'trafilatura_peer.py'))} {{input}} -o {{output}}"
    header = (f"{'set':<12} {'system':<12} {'P':>6} {'R':>6} {'F1':>6} {'title':>9} {'authors':>9} {'published':>9} {'pages/s':>8} {'cpu p/s':>8}")
    print(header)
    print("-" * len(header))
    worst_blocks, verdicts, all_ok = [], [], True
    for set_name in args.sets.split(","):
        ours, stdout = score(set_name, ours_cmd, args.worst)
        print(row("cleaner", set_name, ours), flush=True)
        if not args.no_peer:
            peer, _ = score(set_name, peer_cmd, 0)
            print(row("trafilatura", set_name, peer), flush=True)
        f1 = float(ours.get("F1", "nan"))
        ok = f1 >= FLOOR[set_name]
        verdict = f"{set_name}: F1 {f1:.3f} floor {FLOOR[set_name]:.3f} stretch {STRETCH[set_name]:.3f} {'ok' if ok else 'BELOW FLOOR'}"
        if set_name == "wcxb-dev":
            for key in META:
                value = float(ours.get(key, "nan"))
                meta_ok = value >= META_FLOOR[key]
                ok &= meta_ok
                verdict += (f"; {key} {value:.3f} floor {META_FLOOR[key]:.2f} stretch {META_STRETCH[key]:.2f}"
                            f" {'ok' if meta_ok else 'BELOW FLOOR'}")
        if not args.no_peer:
            ratio = float(ours.get("cpu_pages/s", "nan")) / float(peer.get("cpu_pages/s", "nan"))
            wall = float(ours.get("pages/s", "nan")) / float(peer.get("pages/s", "nan"))
            speed_ok = ratio >= SPEED_FLOOR
            ok &= speed_ok
            verdict += (f"; speed {ratio:.2f}x trafilatura on CPU ({wall:.2f}x wall-clock; floor {SPEED_FLOOR}x) "
                        f"{'ok' if speed_ok else 'BELOW FLOOR'}")
        verdicts.append(verdict)
        all_ok &= ok
        if args.worst:
            worst_blocks.append(f"== {set_name}\n" + "\n".join(line for line in stdout.splitlines() if not line.startswith("score:")))
    print()
    print("\n".join(verdicts))
    for block in worst_blocks:
        print(block)
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
