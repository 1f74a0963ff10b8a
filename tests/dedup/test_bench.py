"""The dedup benchmark runs end to end (a small version: the 100,000-document run is not for CI)."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT


def test_dedup_scale_small_run_prints_figures_and_agrees_with_the_peer():
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "dedup_scale.py"), "--docs", "400"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith(("cleaner ", "datasketch-lsh "))}
    assert set(rows) == {"cleaner", "datasketch-lsh"}, out
    precision, recall = float(rows["cleaner"][-3]), float(rows["cleaner"][-2])
    assert precision >= 0.98 and recall >= 0.95, out
    assert re.search(r"peer/cleaner: time [\d.]+x, peak RSS [\d.]+x, RSS growth per document [\d.]+x; same clusters: yes", out), out
