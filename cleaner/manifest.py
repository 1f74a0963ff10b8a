"""The run manifest: what a run did, as JSON beside its output.

``OUT.manifest.json`` says how every input ended (the counts of each status
add up to the number of inputs: nothing is lost), why the rejected ones were
rejected (counts per reason id), with which configuration and rules, on which
inputs, and how long it took. It is written atomically, last: a manifest
with ``"complete": true`` means the output beside it is complete.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from collections import Counter

#: statuses every manifest lists (with 0 when none), in this order; others found are added after them
STATUSES = ("kept", "dropped", "duplicate", "error")


def manifest_path(output: str | None, manifest: str | None = None) -> str | None:
    """``out.jsonl`` → ``out.manifest.json``; explicit ``manifest`` wins; None for stdout.

    >>> manifest_path("a/out.jsonl"), manifest_path("-"), manifest_path(None, "m.json")
    ('a/out.manifest.json', None, 'm.json')
    """
    if manifest:
        return manifest
    if output in (None, "-"):
        return None
    return output_base(output) + ".manifest.json"


def output_base(output: str) -> str:
    """The output's name without its ``.jsonl`` / ``.parquet`` ending."""
    for suffix in (".jsonl", ".parquet"):
        if output.endswith(suffix):
            return output[: -len(suffix)]
    return output


def status_counts(statuses: Counter) -> dict[str, int]:
    counts = {status: statuses.get(status, 0) for status in STATUSES}
    counts.update({status: n for status, n in sorted(statuses.items()) if status not in counts})
    return counts


def accounting_line(inputs: int, statuses: Counter) -> str:
    """``10 inputs = 7 kept + 2 dropped + 0 duplicate + 1 error``

    >>> accounting_line(3, Counter(kept=2, error=1))
    '3 inputs = 2 kept + 0 dropped + 0 duplicate + 1 error'
    """
    return f"{inputs} inputs = " + " + ".join(f"{n} {status}" for status, n in status_counts(statuses).items())


def _jsonable(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def rules_digest(rules) -> str:
    """A short hash of the loaded rules (ids, patterns, files): two runs with the same digest used the same rules."""
    digest = hashlib.sha256()
    for rule in rules.rules:
        digest.update(repr(rule).encode("utf-8", "backslashreplace"))
    return digest.hexdigest()[:16]


def build_manifest(summary, cleaner, inputs: list[str], started: float, finished: float) -> dict:
    """The manifest of a finished run (``summary`` is a :class:`cleaner.runner.RunSummary`)."""
    from . import __version__
    from .writers.jsonl import display_source

    counts = status_counts(summary.statuses)
    return {
        "cleaner": __version__,
        "complete": True,
        "inputs": summary.read,  # documents read (a WARC or JSONL file holds many)
        "input_files": summary.files,
        "counts": counts,
        "accounted": sum(counts.values()) == summary.read,
        "accounting": accounting_line(summary.read, summary.statuses),
        "reasons": dict(sorted(summary.reasons.items())),
        "output": summary.output,
        "rejects": summary.rejects,
        "resumed_documents": summary.restored,
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(finished)),
        "seconds": round(finished - started, 3),
        "step_seconds": {name: round(s, 3) for name, s in sorted(summary.stats.step_seconds.items())},
        "input_paths": [display_source(os.fspath(path)) for path in inputs],
        "rules": {"count": len(cleaner.rules), "digest": rules_digest(cleaner.rules)},
        "config": _jsonable(cleaner.config),
    }


def write_json_atomic(path: str, data: dict) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync'd, then renamed."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    tmp = os.path.join(directory, f".tmp-{os.path.basename(path)}.{os.getpid()}")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
