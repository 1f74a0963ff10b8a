"""The run report's data: gathered from every finished document of a run.

:class:`ReportCollector` sees each document once, after the corpus stages
(dedup), so statuses are final, whatever statuses exist. It keeps counters
(a per-run :class:`cleaner.pipeline.Stats`), the lengths before and after
cleaning, languages, duplicate clusters, and a few example documents per rule;
memory is bounded except for one integer per document (for the quantiles).
"""

from __future__ import annotations

import time
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from ..document import Document, Status
from ..pipeline import Stats
from .rationale import origin, rationale

REPORT_VERSION = 1
#: document length bins in characters (the last bin is open)
LENGTH_EDGES = (0, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000)
#: example documents kept per rule, and removed lines shown per example
EXAMPLES_PER_RULE, LINES_PER_EXAMPLE, SNIPPET_CHARS = 3, 4, 240
#: duplicate clusters listed (the largest), members listed per cluster
CLUSTERS_LISTED, MEMBERS_LISTED = 20, 10


class Timed:
    """An iterator that adds up the time spent producing its items."""

    def __init__(self, items: Iterable):
        self._it = iter(items)
        self.seconds = 0.0

    def __iter__(self) -> Iterator:
        return self

    def __next__(self):
        started = time.perf_counter()
        try:
            return next(self._it)
        finally:
            self.seconds += time.perf_counter() - started


def timed_stages(docs: Iterable[Document], stages: Iterable) -> tuple[Iterator[Document], dict[str, Timed]]:
    """Chain ``stages`` over ``docs``; the returned timers give each stage's own
    time (time inside it minus the time spent waiting for the stage before)."""
    timers: dict[str, Timed] = {"clean": Timed(docs)}
    current = timers["clean"]
    for stage in stages:
        current = Timed(stage(current))
        timers[getattr(stage, "name", type(stage).__name__)] = current
    return current, timers


def _distribution(values: array) -> dict:
    ordered = sorted(values)
    bins = [0] * len(LENGTH_EDGES)
    for value in ordered:
        bins[sum(1 for edge in LENGTH_EDGES[1:] if value >= edge)] += 1
    histogram = [{"from": lo, "to": hi, "count": n}
                 for lo, hi, n in zip(LENGTH_EDGES, (*LENGTH_EDGES[1:], None), bins)]
    if not ordered:
        return {"count": 0, "total": 0, "histogram": histogram}

    def quantile(q: float) -> int:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    return {"count": len(ordered), "total": sum(ordered), "min": ordered[0], "p10": quantile(0.1), "median": quantile(0.5),
            "p90": quantile(0.9), "max": ordered[-1], "mean": round(sum(ordered) / len(ordered), 1), "histogram": histogram}


def _duplicate_info(doc: Document) -> tuple[str | None, list[str]]:
    """What dedup recorded on a document (read by name, so the report works
    with and without deduplication): the kept document's record id it
    duplicates (``duplicate_of``) and, on the kept one, the sources of its
    copies (``duplicate_sources``)."""
    of = getattr(doc, "duplicate_of", None)
    copies = getattr(doc, "duplicate_sources", None) or []
    return (str(of) if of else None), [str(c) for c in copies]


class ReportCollector:
    """Gathers the report of one run; call :meth:`add` for every finished
    document, then :meth:`report`."""

    def __init__(self, step_seconds: Mapping[str, float] | None = None):
        self.stats = Stats()
        self.started = time.perf_counter()
        self._steps_before = Counter(step_seconds or {})
        self.before, self.after = array("q"), array("q")
        self.languages: Counter = Counter()
        self.examples: dict[str, list[dict]] = {}
        self.clusters: dict[str, set[str]] = {}  # kept record's id → sources of its copies
        self.cluster_sources: dict[str, str] = {}  # kept record's id → its source
        self.files: set[str] = set()

    def add(self, doc: Document, record_id: str | None = None) -> None:
        self.stats.count(doc)
        self.files.add(doc.source.split("#", 1)[0])
        self.before.append(sum(len(line.text) for line in doc.lines))
        if doc.status is Status.KEPT:
            self.after.append(sum(len(line.text) for line in doc.lines if line.removal is None))
            self.languages[doc.meta.language or "unknown"] += 1
        of, copies = _duplicate_info(doc)
        if of:
            self.clusters.setdefault(str(of), set()).add(doc.source)
        if copies:
            key = record_id or doc.source
            self.clusters.setdefault(key, set()).update(copies)
            self.cluster_sources[key] = doc.source
        self._add_examples(doc, record_id)

    def _add_examples(self, doc: Document, record_id: str | None) -> None:
        by_rule: dict[str, list] = {}
        for removal in doc.removals:
            by_rule.setdefault(removal.rule_id, []).append(removal)
        for rule_id, removals in by_rule.items():
            examples = self.examples.setdefault(rule_id, [])
            if len(examples) >= EXAMPLES_PER_RULE:
                continue
            examples.append({
                "source": doc.source, "id": record_id, "status": doc.status.value, "title": doc.meta.title,
                "removed": len(removals),
                "lines": [{"line": doc.lines[r.line].number, "text": doc.lines[r.line].text[:SNIPPET_CHARS],
                           "evidence": r.evidence[:SNIPPET_CHARS]} for r in removals[:LINES_PER_EXAMPLE]],
            })

    def report(self, rules: Mapping | None = None, timers: Mapping[str, Timed] | None = None,
               step_seconds: Mapping[str, float] | None = None, **extra) -> dict:
        """The report as a JSON-ready dict (see README, 'Run report'). ``rules``
        gives rule rationales, ``timers`` the stage times (:func:`timed_stages`),
        ``step_seconds`` the cleaner's per-step counters now (the run's share is
        what was added since the collector was made); ``extra`` is added as is."""
        stats = self.stats
        step_seconds = {name: round(seconds - self._steps_before.get(name, 0.0), 4)
                        for name, seconds in (step_seconds or {}).items()}
        rule_rows = [{
            "id": rule_id, "lines": stats.rule_lines[rule_id], "chars": stats.rule_chars[rule_id],
            "docs": stats.rule_docs[rule_id], "origin": origin(rule_id, rules), "rationale": rationale(rule_id, rules),
            "examples": self.examples.get(rule_id, []),
        } for rule_id in stats.rule_lines]
        rule_rows.sort(key=lambda row: (-row["chars"], row["id"]))
        clusters = sorted(((self.cluster_sources.get(key, key), key, sorted(members - {self.cluster_sources.get(key)}))
                           for key, members in self.clusters.items()), key=lambda item: (-len(item[2]), item[0]))
        total = time.perf_counter() - self.started
        stage_seconds = {}
        if timers:
            previous = 0.0
            for name, timer in timers.items():
                stage_seconds[name] = round(timer.seconds - previous, 4)
                previous = timer.seconds
        return {
            "version": REPORT_VERSION,
            "documents": stats.inputs,
            "files": len(self.files),
            "statuses": dict(sorted(stats.statuses.items())),
            "reasons": dict(sorted(stats.reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
            "reason_rationale": {reason: rationale(reason) for reason in sorted(stats.reasons)},
            "rules": rule_rows,
            "languages": dict(sorted(self.languages.items(), key=lambda kv: (-kv[1], kv[0]))),
            "lengths": {"unit": "characters of non-blank lines", "before": _distribution(self.before),
                        "after": _distribution(self.after)},
            "duplicates": {
                "clusters": len(clusters),
                "documents": sum(len(members) for _, _, members in clusters),
                "largest": [{"representative": rep, "id": key, "size": len(members) + 1, "members": members[:MEMBERS_LISTED]}
                            for rep, key, members in clusters[:CLUSTERS_LISTED]],
            },
            "time": {"total_seconds": round(total, 4), "steps": step_seconds, "stages": stage_seconds},
            **extra,
        }
