"""The run report as one self-contained HTML page (``--report-html``).

Everything is inline (CSS, SVG charts, a few lines of JavaScript that only
check the charts were laid out): the page opens from disk, offline.
"""

from __future__ import annotations

import os
import re
from html import escape
from urllib.parse import quote

from .charts import STATUS_COLOURS, colour, hbar, histogram, number

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header{background:#0f172a;color:#f8fafc;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;color:#cbd5e1}main{padding:16px 28px;max-width:1100px}
section{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:14px 18px;margin:0 0 16px}
h2{font-size:17px;margin:0 0 10px}h3{font-size:15px;margin:14px 0 6px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 16px}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:22px}.card span{color:#64748b;font-size:12px}
svg.chart{max-width:100%;height:auto;display:block}svg .label{font-size:12px;fill:#334155}
svg .value{font-size:11px;fill:#475569}svg a .label{fill:#1d4ed8;text-decoration:underline}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e2e8f0;vertical-align:top}
th{background:#f1f5f9}td.n{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}del{text-decoration-thickness:2px}
.example{border-left:3px solid #cbd5e1;padding:2px 10px;margin:6px 0}.ev{color:#64748b;font-size:12px}
.empty{color:#64748b;font-style:italic}.muted{color:#64748b}
"""

#: marks the body once the charts have a size on screen: the tests read it from the DOM
SCRIPT = """
document.addEventListener("DOMContentLoaded", function () {
  var drawn = 0;
  document.querySelectorAll("svg.chart").forEach(function (svg) {
    var box = svg.getBoundingClientRect();
    var bars = Array.prototype.filter.call(svg.querySelectorAll("rect.bar"), function (r) { return r.getBBox().width > 0; });
    if (box.width > 0 && box.height > 0 && bars.length) { drawn += 1; svg.setAttribute("data-drawn", bars.length); }
  });
  document.body.setAttribute("data-charts-drawn", drawn);
});
"""


def anchor(rule_id: str) -> str:
    """An HTML id for a rule's examples.

    >>> anchor("site.example.com/x")
    'ex-site-example-com-x'
    """
    return "ex-" + re.sub(r"[^A-Za-z0-9_-]+", "-", rule_id)


def _source_link(source: str) -> str:
    path = source.split("#", 1)[0]
    label = escape(source)
    if os.path.isfile(path):
        return f'<a href="file://{quote(os.path.abspath(path))}">{label}</a>'
    return label


def _cards(report: dict) -> str:
    statuses = report["statuses"]
    lengths = report["lengths"]
    items = [("documents", report["documents"]), *[(name, n) for name, n in statuses.items()],
             ("characters before", lengths["before"].get("total", 0)), ("characters after", lengths["after"].get("total", 0)),
             ("seconds", report["time"]["total_seconds"])]
    return '<div class="cards">' + "".join(
        f'<div class="card" data-card="{escape(name)}"><b>{number(value)}</b><span>{escape(name)}</span></div>'
        for name, value in items) + "</div>"


def _rules_table(rules: list[dict]) -> str:
    if not rules:
        return '<p class="empty">no rule or heuristic removed anything</p>'
    rows = []
    for row in rules:
        links = " ".join(f'<a href="#{anchor(row["id"])}-{i}">{i + 1}</a>' for i in range(len(row["examples"])))
        rows.append(f'<tr><td><span class="swatch" style="background:{colour(row["id"])}"></span><code>{escape(row["id"])}</code>'
                    f'<div class="ev">{escape(row["origin"])}</div></td><td class="n">{row["lines"]:,}</td>'
                    f'<td class="n">{row["chars"]:,}</td><td class="n">{row["docs"]:,}</td>'
                    f'<td>{escape(row["rationale"] or "")}</td><td>{links}</td></tr>')
    return ('<table id="rules-table"><tr><th>rule or heuristic</th><th>lines</th><th>characters</th><th>documents</th>'
            '<th>why</th><th>examples</th></tr>' + "".join(rows) + "</table>")


def _examples(rules: list[dict]) -> str:
    out = []
    for row in rules:
        if not row["examples"]:
            continue
        out.append(f'<h3 id="{anchor(row["id"])}"><span class="swatch" style="background:{colour(row["id"])}"></span>'
                   f'<code>{escape(row["id"])}</code></h3><p class="muted">{escape(row["rationale"] or "")}</p>')
        for i, ex in enumerate(row["examples"]):
            title = f' — {escape(ex["title"])}' if ex.get("title") else ""
            record = f' · record <code>{escape(ex["id"])}</code>' if ex.get("id") else ""
            lines = "".join(f'<div><span class="muted">{line["line"]:>5}</span> <del style="color:{colour(row["id"])}">'
                            f'{escape(line["text"])}</del> <span class="ev">{escape(line["evidence"])}</span></div>'
                            for line in ex["lines"])
            more = ex["removed"] - len(ex["lines"])
            lines += f'<div class="ev">… and {more} more line{"s" if more != 1 else ""}</div>' if more > 0 else ""
            out.append(f'<div class="example" id="{anchor(row["id"])}-{i}"><div>{_source_link(ex["source"])}{title} '
                       f'<span class="muted">[{escape(ex["status"])}{record}]</span></div>{lines}</div>')
    return "".join(out) or '<p class="empty">no examples</p>'


def _clusters(duplicates: dict) -> str:
    largest = duplicates.get("largest") or []
    if not largest:
        return '<p class="empty" data-chart="clusters">no duplicate clusters in this run</p>'
    chart = hbar("clusters", [(c["representative"], c["size"], None) for c in largest], unit=" docs", default="#7c3aed")
    items = "".join(f'<li><code>{escape(c["representative"])}</code> ({c["size"]} documents): '
                    + ", ".join(f"<code>{escape(m)}</code>" for m in c["members"]) + ("…" if c["size"] - 1 > len(c["members"]) else "")
                    + "</li>" for c in largest)
    return (f'<p>{duplicates["clusters"]:,} clusters, {duplicates["documents"]:,} duplicate documents.</p>'
            f"{chart}<ul>{items}</ul>")


def render(report: dict, title: str = "cleaner run report") -> str:
    """The HTML page of a report made by :meth:`ReportCollector.report`."""
    rules = report["rules"]
    before, after = report["lengths"]["before"], report["lengths"]["after"]
    bins = [f'{number(b["from"])}–{number(b["to"])}' if b["to"] else f'≥{number(b["from"])}' for b in before["histogram"]]
    lengths = histogram("lengths", bins, [("before (all documents)", [b["count"] for b in before["histogram"]], "#94a3b8"),
                                          ("after (kept)", [b["count"] for b in after["histogram"]], "#2563eb")])
    rule_rows = [(row["id"], row["chars"], f'#{anchor(row["id"])}' if row["examples"] else None) for row in rules[:30]]
    timing = report["time"]
    steps = sorted(timing["steps"].items(), key=lambda kv: -kv[1])
    parts = [
        f'<header><h1>{escape(title)}</h1><p>{report["documents"]:,} documents from {report["files"]:,} files'
        + "".join(f" · {escape(k)}: <code>{escape(str(v))}</code>" for k, v in report.get("run", {}).items()) + "</p></header><main>",
        _cards(report),
        '<section id="statuses"><h2>Documents by status</h2>'
        + hbar("statuses", [(s, n, None) for s, n in report["statuses"].items()], colours=STATUS_COLOURS)
        + ("<table><tr><th>reason</th><th>documents</th><th>why</th></tr>" + "".join(
            f'<tr><td><code>{escape(r)}</code></td><td class="n">{n:,}</td><td>{escape(report["reason_rationale"].get(r) or "")}</td></tr>'
            for r, n in report["reasons"].items()) + "</table>" if report["reasons"] else "") + "</section>",
        '<section id="rules"><h2>Characters removed per rule</h2>'
        + hbar("rules", rule_rows, colours={row["id"]: colour(row["id"]) for row in rules})
        + (f'<p class="muted">the 30 largest of {len(rules)}</p>' if len(rules) > 30 else "") + _rules_table(rules) + "</section>",
        f'<section id="lengths"><h2>Document length before and after cleaning</h2>{lengths}'
        f'<p class="muted">characters of non-blank lines; median before {number(before.get("median", 0))}, '
        f'after {number(after.get("median", 0))}</p></section>',
        '<section id="languages"><h2>Languages of kept documents</h2>'
        + hbar("languages", [(lang, n, None) for lang, n in list(report["languages"].items())[:25]], default="#0891b2") + "</section>",
        f'<section id="duplicates"><h2>Largest duplicate clusters</h2>{_clusters(report["duplicates"])}</section>',
        '<section id="time"><h2>Time per step</h2>'
        + hbar("steps", [(name, seconds, None) for name, seconds in steps], unit=" s", default="#64748b")
        + "<p class=\"muted\">stages: " + ", ".join(f"{escape(k)} {v:.2f} s" for k, v in timing["stages"].items())
        + f'; total {timing["total_seconds"]:.2f} s</p></section>',
        f'<section id="examples"><h2>Example documents per rule</h2>{_examples(rules)}</section></main>',
    ]
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style>'
            f'<script>{SCRIPT}</script></head><body>' + "".join(parts) + "</body></html>\n")
