"""Show a document with every removed line marked: the rule or heuristic that
removed it, its evidence, and the metadata found. How users debug rules."""

from __future__ import annotations

from .document import Document, Status
from .report.rationale import rationale as rationale_of
from .ruleset import Rule

_RESET = "\x1b[0m"
_DIM_RED = "\x1b[31m"
_GREY = "\x1b[90m"
_BOLD = "\x1b[1m"
#: foreground colours given to the rules of one document, in order of first removal
_RULE_COLOURS = ("\x1b[31m", "\x1b[33m", "\x1b[35m", "\x1b[36m", "\x1b[34m", "\x1b[32m", "\x1b[91m", "\x1b[93m",
                 "\x1b[95m", "\x1b[96m", "\x1b[94m", "\x1b[92m")


def explain(doc: Document, rules: dict[str, Rule] | None = None, *, color: bool = False) -> str:
    """Return the explanation of ``doc`` as text (ANSI colours if ``color``)."""
    rules = rules or {}

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    rule_colour: dict[str, str] = {}
    for removal in doc.removals:
        rule_colour.setdefault(removal.rule_id, _RULE_COLOURS[len(rule_colour) % len(_RULE_COLOURS)])
    out = [paint(_BOLD, f"# {doc.source}  [{doc.status.value}]" + (f" {doc.reason_id}: {doc.reason}" if doc.status is not Status.KEPT else ""))]
    for line in doc.lines:
        if line.removal is None:
            out.append(f"{line.number:5}   {line.text}")
            continue
        removal = line.removal
        where = f" ({rules[removal.rule_id].where})" if removal.rule_id in rules else ""
        moved = f" → {removal.field}" if removal.field else ""
        out.append(paint(rule_colour.get(removal.rule_id, _DIM_RED), f"{line.number:5} - {line.text}"))
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
            why = rationale_of(rule_id, rules)
            out.append(paint(rule_colour[rule_id], f"  {rule_id}") + f" ×{count}" + (f": {why}" if why else ""))
    return "\n".join(out) + "\n"
