"""Inline SVG charts for the HTML pages: no JavaScript library, no network.

Each chart is an ``<svg class="chart" data-chart=NAME>`` whose bars are
``<rect class="bar">``; the tests look for them by these names.
"""

from __future__ import annotations

import hashlib
from html import escape

PALETTE = ("#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d",
           "#ea580c", "#4f46e5", "#0d9488", "#b91c1c", "#9333ea", "#ca8a04", "#0284c7", "#be123c")
STATUS_COLOURS = {"kept": "#16a34a", "dropped": "#d97706", "error": "#dc2626", "duplicate": "#7c3aed"}


def colour(key: str) -> str:
    """A stable colour for ``key`` (a rule id), the same on every page.

    >>> colour("generic.copyright") == colour("generic.copyright")
    True
    """
    return PALETTE[int(hashlib.blake2b(key.encode("utf-8"), digest_size=2).hexdigest(), 16) % len(PALETTE)]


def number(value: float) -> str:
    """Readable numbers: integers with thousands separators, floats (seconds)
    with two decimals below 100.

    >>> number(12345), number(0.25), number(3.0), number(1234.5)
    ('12,345', '0.25', '3.00', '1,234')
    """
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    return f"{int(value):,}"


def hbar(chart: str, rows: list[tuple[str, float, str | None]], *, unit: str = "", colours: dict[str, str] | None = None,
         label_width: int = 300, width: int = 860, default: str = "#2563eb") -> str:
    """A horizontal bar chart: one ``(label, value, link)`` per row, longest bar
    = largest value. ``colours`` maps labels to colours (default: one colour)."""
    if not rows:
        return f'<p class="empty" data-chart="{escape(chart)}">nothing to show</p>'
    row_h, pad = 24, 6
    top = max(value for _, value, _ in rows) or 1
    bar_w = width - label_width - 110
    height = row_h * len(rows) + pad * 2
    out = [f'<svg class="chart" data-chart="{escape(chart)}" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value, link) in enumerate(rows):
        y = pad + i * row_h
        shown = label if len(label) <= 42 else label[:40] + "…"
        text = f'<text class="label" x="{label_width - 8}" y="{y + 16}" text-anchor="end">{escape(shown)}<title>{escape(label)}</title></text>'
        out.append(f'<a href="{escape(link)}">{text}</a>' if link else text)
        w = max(1.0, bar_w * value / top) if value > 0 else 0
        fill = (colours or {}).get(label, default)
        out.append(f'<rect class="bar" x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{fill}">'
                   f'<title>{escape(label)}: {number(value)}{unit}</title></rect>')
        out.append(f'<text class="value" x="{label_width + w + 6:.1f}" y="{y + 16}">{number(value)}{escape(unit)}</text>')
    out.append("</svg>")
    return "".join(out)


def histogram(chart: str, bins: list[str], series: list[tuple[str, list[int], str]], *, width: int = 860, height: int = 260) -> str:
    """Grouped vertical bars: for each bin label, one bar per ``(name, counts, colour)`` series."""
    if not bins or not any(any(counts) for _, counts, _ in series):
        return f'<p class="empty" data-chart="{escape(chart)}">nothing to show</p>'
    left, bottom, top_pad = 50, 40, 24
    plot_w, plot_h = width - left - 10, height - bottom - top_pad
    top = max(max(counts) for _, counts, _ in series) or 1
    group_w = plot_w / len(bins)
    bar_w = (group_w - 10) / len(series)
    out = [f'<svg class="chart" data-chart="{escape(chart)}" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
           f'<line class="axis" x1="{left}" y1="{top_pad + plot_h}" x2="{width - 10}" y2="{top_pad + plot_h}" stroke="#888"/>',
           f'<text class="value" x="{left - 6}" y="{top_pad + 4}" text-anchor="end">{number(top)}</text>',
           f'<text class="value" x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end">0</text>']
    for b, label in enumerate(bins):
        x0 = left + b * group_w + 5
        for s, (name, counts, fill) in enumerate(series):
            h = plot_h * counts[b] / top
            x = x0 + s * bar_w
            out.append(f'<rect class="bar" x="{x:.1f}" y="{top_pad + plot_h - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
                       f'fill="{fill}"><title>{escape(name)} {escape(label)}: {counts[b]:,}</title></rect>')
        out.append(f'<text class="label" x="{x0 + (group_w - 10) / 2:.1f}" y="{top_pad + plot_h + 16}" '
                   f'text-anchor="middle">{escape(label)}</text>')
    for s, (name, _, fill) in enumerate(series):
        x = left + 10 + s * 220
        out.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{fill}"/>'
                   f'<text class="label" x="{x + 18}" y="15">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)
