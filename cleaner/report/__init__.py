"""The run report (``report.json``, and ``report.html`` with ``--report-html``)
and the HTML version of ``explain``.

* :mod:`.collect` gathers the numbers from every finished document of a run;
* :mod:`.html` draws them as one self-contained page (inline CSS and SVG);
* :mod:`.explain_html` shows one document with its removals coloured by rule;
* :mod:`.rationale` says why, for every heuristic, filter and error id.
"""

from __future__ import annotations

import json
import os

from .collect import ReportCollector, Timed, timed_stages
from .rationale import rationale

__all__ = ["ReportCollector", "Timed", "timed_stages", "rationale", "write_report", "write_page", "report_paths"]


def report_paths(output: str | None, report: str | None = None, html: str | bool | None = None) -> tuple[str | None, str | None]:
    """Where the report goes: explicit paths win; ``out.jsonl`` (or ``.parquet``)
    → ``out.report.json``; no JSON report for stdout output unless asked for.
    ``html`` True means "beside the JSON report".

    >>> report_paths("out.jsonl"), report_paths(None), report_paths("o.parquet", None, True)
    (('out.report.json', None), (None, None), ('o.report.json', 'o.report.html'))
    """
    if report is None and output not in (None, "-"):
        base = output
        for suffix in (".jsonl", ".parquet"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
                break
        report = base + ".report.json"
    if html is True:
        base = (report[: -len(".json")] if report and report.endswith(".json") else report) or "report"
        html = base + ".html"
    return report, (html or None)


def write_page(path: str, text: str) -> None:
    """Write ``text`` to ``path`` atomically (a temporary name, then renamed)."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    tmp = os.path.join(directory, f".tmp-{os.path.basename(path)}.{os.getpid()}")  # .tmp-NAME.*: see cleaner.checkpoint
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)


def write_report(report: dict, path: str | None = None, html: str | None = None) -> None:
    """Write ``report`` as JSON to ``path`` and as a page to ``html`` (either may be None)."""
    report = _valid_utf8(report)
    if path:
        write_page(path, json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    if html:
        from .html import render

        write_page(html, render(report))


def _valid_utf8(value):
    """Strings that hold surrogate escapes (file names that are not UTF-8) shown as
    ``\\xNN``, as in the records (:func:`cleaner.writers.jsonl.display_source`)."""
    from ..writers.jsonl import display_source

    if isinstance(value, str):
        return display_source(value)
    if isinstance(value, dict):
        return {_valid_utf8(k): _valid_utf8(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_valid_utf8(v) for v in value]
    return value
