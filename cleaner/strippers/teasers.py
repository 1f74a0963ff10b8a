"""Teaser lists: "More in News", "You may also like", a category page's
cards. A headline-like line every 2 or 3 lines with short blurbs, captions or
cut-short teasers between, at least three times in a row, is a list of
teasers (:func:`teaser_blocks`); the classifier caps the scores of its lines.
Not a teaser list: the numbered items of a listicle (1), 2), 3) …), a block
that paragraphs of prose enclose (the head of a listicle's item), and the
cards of a listicle whose numbered headings have paragraphs between them
(:func:`~cleaner.strippers.structured.listicle_items`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .structured import listicle_items

if TYPE_CHECKING:
    from .line_features import LineStats

TEASER_BLURB_WORDS = 30   # blurbs of a teaser list are at most this long (captions aside)
#: a periodic block with a paragraph of at least TEASER_PROSE_WORDS words that ends a sentence at most
#: TEASER_PROSE_REACH lines before it and another after it is the head of a listicle item inside the
#: article ("2. Rent the Runway", "Best for …", a caption, "Fast Facts"), not a list of teasers
TEASER_PROSE_WORDS = 20
TEASER_PROSE_REACH = 5
#: a listicle: at least LISTICLE_MIN_ITEMS headings numbered 1, 2, 3 … with at least LISTICLE_MIN_PROSE such
#: paragraphs between two of them; no line from its first heading to its last item's paragraphs is a teaser
LISTICLE_MIN_ITEMS = 3
LISTICLE_MIN_PROSE = 2


def _prose(stats: Sequence[LineStats]) -> list[bool]:
    """Each line is a paragraph of prose: TEASER_PROSE_WORDS words or more, ending a sentence."""
    return [s.words >= TEASER_PROSE_WORDS and bool(s.features["ends_sentence"]) for s in stats]


def _headline_like(stats: LineStats) -> bool:
    f = stats.features
    # a byline or timestamp under a teaser ("By Jane Roe · 2 hours ago") is
    # part of the card, not the next headline
    return (2 <= stats.words <= 16 and not f["ends_sentence"] and not f["bullet"]
            and not f["credit_paren"] and not f["truncated"] and not f["date_like"])


def _counts_up(stats: Sequence[LineStats], start: int, reps: int, period: int) -> bool:
    """The lines at one offset of each period of a run are numbered 1), 2),
    3) ... in order: a listicle's items, not a teaser list."""
    for offset in range(period):
        items = [stats[k].item for r in range(reps) if (k := start + r * period + offset) < len(stats)]
        if len(items) >= 3 and all(a is not None and b == a + 1 for a, b in zip(items, items[1:])):
            return True
    return False


def teaser_blocks(stats: Sequence[LineStats], headline: Sequence[bool] | None = None) -> list[bool]:
    """Lines inside a periodic teaser pattern: a headline-like line every 2 or 3
    lines, at least 3 times in a row, the lines between being short blurbs,
    photo captions or teasers cut short (not the long paragraphs of a listicle,
    not the numbered items of one, and not a block that paragraphs of prose
    enclose: the head of a listicle's item). ``headline``: ``_headline_like`` of
    each line, when the caller has it."""
    n = len(stats)
    if headline is None:
        headline = [_headline_like(s) for s in stats]
    filler = [s.words <= TEASER_BLURB_WORDS or bool(s.features["credit_paren"]) or bool(s.features["truncated"])
              for s in stats]
    between = [f and not h for f, h in zip(filler, headline)]  # may stand between two headlines of the pattern
    flagged = [False] * n
    for period in (2, 3):
        for start in range(n):
            if not headline[start]:
                continue
            k = start
            reps = 0
            while k < n and headline[k] and all(between[k + 1:k + period]):
                reps += 1
                k += period
            if reps >= 3 and not _counts_up(stats, start, reps, period):
                first = start
                # a caption printed above the first headline belongs to the list too
                while first > max(0, start - period + 1) and stats[first - 1].features["credit_paren"]:
                    first -= 1
                for j in range(first, min(n, start + reps * period)):
                    flagged[j] = True
    flagged = _unflag_embedded(stats, flagged)
    return _unflag_listicle(stats, flagged) if any(flagged) else flagged


def _unflag_embedded(stats: Sequence[LineStats], flagged: list[bool]) -> list[bool]:
    """Clear the blocks that paragraphs of prose enclose (see ``TEASER_PROSE_WORDS``)."""
    n = len(stats)
    prose = _prose(stats)
    i = 0
    while i < n:
        if not flagged[i]:
            i += 1
            continue
        j = i
        while j < n and flagged[j]:
            j += 1
        if any(prose[max(0, i - TEASER_PROSE_REACH):i]) and any(prose[j:j + TEASER_PROSE_REACH]):
            flagged[i:j] = [False] * (j - i)
        i = j
    return flagged


def listicle_span(stats: Sequence[LineStats]) -> tuple[int, int, int] | None:
    """(first heading, last heading, last line) of a listicle: its first and
    last numbered headings (:func:`~cleaner.strippers.structured.listicle_items`)
    and the last paragraph of its last item, or None."""
    prose = _prose(stats)
    heads = listicle_items([s.item for s in stats], prose, LISTICLE_MIN_ITEMS, LISTICLE_MIN_PROSE)
    if not heads:
        return None
    # the last item runs to its last paragraph, within as many lines as the longest item before it
    reach = max(b - a for a, b in zip(heads, heads[1:]))
    return heads[0], heads[-1], max((k for k in range(heads[-1], min(len(stats), heads[-1] + reach)) if prose[k]),
                                    default=heads[-1])


def _unflag_listicle(stats: Sequence[LineStats], flagged: list[bool]) -> list[bool]:
    """Clear the flags of a listicle's lines (:func:`listicle_span`): its items'
    heads look like teasers ("Best for …", "Fast Facts", bullets)."""
    span = listicle_span(stats)
    if span is not None:
        first, _, last = span
        flagged[first:last + 1] = [False] * (last + 1 - first)
    return flagged
