"""Show a document with every removed line marked: the rule or heuristic that
removed it, its evidence, and the metadata found. How users debug rules."""

from __future__ import annotations

from .document import Document, Status
from .ruleset import Rule

_RESET = "\x1b[0m"
_DIM_RED = "\x1b[31m"
_GREY = "\x1b[90m"
_BOLD = "\x1b[1m"


def explain(doc: Document, rules: dict[str, Rule] | None = None, *, color: bool = False) -> str:
    """Return the explanation of ``doc`` as text (ANSI colours if ``color``)."""
    rules = rules or {}

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    out = [paint(_BOLD, f"# {doc.source}  [{doc.status.value}]" + (f" {doc.reason_id}: {doc.reason}" if doc.status is not Status.KEPT else ""))]
    for line in doc.lines:
        if line.removal is None:
            out.append(f"{line.number:5}   {line.text}")
            continue
        removal = line.removal
        where = f" ({rules[removal.rule_id].where})" if removal.rule_id in rules else ""
        moved = f" → {removal.field}" if removal.field else ""
        out.append(paint(_DIM_RED, f"{line.number:5} - {line.text}"))
        out.append(paint(_GREY, f"        [{removal.rule_id}{where}{moved}] {removal.evidence}"))
    meta = doc.meta
    out.append(paint(_BOLD, "# metadata"))
    for name in ("title", "authors", "published", "published_raw", "language", "language_prob", "captions", "credits", "sections", "url", "site"):
        how = f"  ({meta.evidence[name]})" if name in meta.evidence else ""
        out.append(f"  {name}: {getattr(meta, name)!r}" + paint(_GREY, how))
    used = sorted({r.rule_id for r in doc.removals})
    if used:
        out.append(paint(_BOLD, "# rules that fired"))
        for rule_id in used:
            count = sum(1 for r in doc.removals if r.rule_id == rule_id)
            rationale = f": {rules[rule_id].rationale}" if rule_id in rules else ""
            out.append(f"  {rule_id} ×{count}{rationale}")
    return "\n".join(out) + "\n"
