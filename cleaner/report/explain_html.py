"""``python -m cleaner explain FILE --html OUT.html``: one document as a page.

Every line of the input is shown; removed lines are struck through and
coloured by the rule or heuristic that removed it (hover for the evidence), a
legend lists each id with its colour, count, origin and rationale, and the
extracted metadata is a table. Self-contained (inline CSS), opens offline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from html import escape

from ..document import Document, Status
from .charts import PALETTE
from .rationale import origin, rationale

CSS = """
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header{background:#0f172a;color:#f8fafc;padding:16px 28px}header h1{margin:0;font-size:19px;word-break:break-all}
header p{margin:4px 0 0;color:#cbd5e1}main{display:flex;gap:20px;padding:16px 28px;align-items:flex-start}
.text{flex:3;background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px 0;min-width:0}
aside{flex:2;min-width:300px}aside section{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px 14px;margin-bottom:14px}
h2{font-size:15px;margin:0 0 8px}.line{display:flex;gap:10px;padding:1px 14px}.line:hover{background:#f1f5f9}
.no{color:#94a3b8;min-width:3.5em;text-align:right;font:12px/1.9 ui-monospace,monospace;flex:none}
.removed del{text-decoration-thickness:2px}.tag{font:11px ui-monospace,monospace;border-radius:3px;padding:0 4px;
color:#fff;white-space:nowrap;flex:none;align-self:flex-start;margin-top:3px}
.legend td,.meta td{padding:3px 6px;vertical-align:top;border-bottom:1px solid #e2e8f0;font-size:13px}
.legend table,.meta table{border-collapse:collapse;width:100%}.swatch{display:inline-block;width:11px;height:11px;border-radius:2px}
code{font:12px ui-monospace,monospace}.muted{color:#64748b;font-size:12px}.status-kept{color:#86efac}.status-dropped{color:#fcd34d}
.status-error{color:#fca5a5}
"""

META_FIELDS = ("title", "authors", "published", "published_raw", "published_resolved_by", "language", "language_prob",
               "captions", "credits", "sections", "url", "site")


def _value(value) -> str:
    if value is None or value == []:
        return '<span class="muted">—</span>'
    if isinstance(value, list):
        return "<br>".join(escape(str(v)) for v in value)
    if isinstance(value, float):
        return f"{value:.3f}"
    return escape(str(value))


def _document_block(doc: Document, rules: Mapping | None) -> str:
    counts = Counter(r.rule_id for r in doc.removals)
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    colours = {rule_id: PALETTE[i % len(PALETTE)] for i, (rule_id, _) in enumerate(order)}  # distinct within the page
    status = f'<span class="status-{escape(doc.status.value)}">{escape(doc.status.value)}</span>'
    if doc.status is not Status.KEPT:
        status += f" — <code>{escape(doc.reason_id or '')}</code>: {escape(doc.reason or '')}"
    lines = []
    for line in doc.lines:
        removal = line.removal
        if removal is None:
            lines.append(f'<div class="line kept"><span class="no">{line.number}</span><span>{escape(line.text)}</span></div>')
            continue
        c = colours[removal.rule_id]
        moved = f" → {removal.field}" if removal.field else ""
        tip = escape(f"{removal.rule_id}{moved}: {removal.evidence}")
        lines.append(f'<div class="line removed" data-rule="{escape(removal.rule_id)}" title="{tip}"><span class="no">{line.number}</span>'
                     f'<del style="color:{c};text-decoration-color:{c}">{escape(line.text)}</del>'
                     f'<span class="tag" style="background:{c}">{escape(removal.rule_id)}{escape(moved)}</span></div>')
    if not doc.lines:
        lines.append('<div class="line"><span class="muted">the input has no text</span></div>')
    legend = "".join(
        f'<tr data-rule="{escape(rule_id)}"><td><span class="swatch" style="background:{colours[rule_id]}"></span></td>'
        f'<td><code>{escape(rule_id)}</code> ×{n}<div class="muted">{escape(origin(rule_id, rules))}</div></td>'
        f'<td>{escape(rationale(rule_id, rules) or "")}</td></tr>'
        for rule_id, n in order)
    evidence = getattr(doc.meta, "evidence", {})
    meta = "".join(f'<tr><td><code>{name}</code></td><td>{_value(getattr(doc.meta, name))}'
                   + (f'<div class="muted">{escape(evidence[name])}</div>' if name in evidence else "") + "</td></tr>"
                   for name in META_FIELDS)
    kept = sum(1 for line in doc.lines if line.removal is None)
    return (
        f'<article class="document"><header><h1>{escape(doc.source)}</h1><p>{status} · {len(doc.lines)} lines, {kept} kept, '
        f'{len(doc.removals)} removed by {len(counts)} rules and heuristics</p></header><main>'
        f'<div class="text">{"".join(lines)}</div><aside>'
        f'<section class="legend"><h2>Rules and heuristics that fired</h2>'
        + (f"<table>{legend}</table>" if legend else '<p class="muted">nothing was removed</p>')
        + f'</section><section class="meta"><h2>Metadata</h2><table>{meta}</table></section>'
        "</aside></main></article>")


def render_explain(docs: Document | list[Document], rules: Mapping | None = None) -> str:
    """The explain page of processed documents (one, or all documents of a
    WARC or JSONL file); ``rules`` (id → Rule) gives rule rationales and where
    each rule is defined."""
    docs = [docs] if isinstance(docs, Document) else list(docs)
    title = docs[0].source.split("#", 1)[0] if docs else "nothing"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>explain: {escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head><body>'
            + "".join(_document_block(doc, rules) for doc in docs) + "</body></html>\n")
