"""Code listings, tables and introduced lists printed as text.

A tutorial's code listing or a table of figures reads nothing like prose:
short lines full of symbols and digits, no stopwords, no sentence ends. The
line classifier scores such lines as low as a menu, so a listing in the
middle of an article would split it, and the region search would keep only
the half with more prose. Menus and link lists do not look like code,
though, and a run of lines that do is part of what the page shows the
reader. The same holds for a list that a line ending with a colon
introduces ("Key services:" then bullet items): menus are lists too, but
nobody writes a sentence to announce them. This module finds such runs
(:func:`structured_runs`, :func:`introduced_lists`); the classifier lets its
region search cross them without counting them against the article, and
keeps them when they fall inside the article.

>>> structured_runs(["Install it first.", "import json", "data = json.load(f)", "print(data)", "That is all."], 3)
[False, True, True, True, False]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

#: the start of a line of program code or markup (matched at the start only):
#: a bracket, a comment or prompt marker, a chained call or a tag, an
#: assignment, or a keyword of a common language
CODE_START = re.compile(
    r"""[{}\[\]()]"""
    r"""|(//|/\*|\*/|\*\s|--\s|\#\s*(include|define|!)|<!--|<\?|\$\s|>>>\s|\.\w+\()"""
    r"""|</?[a-zA-Z][\w-]*(\s[^<>]*)?/?>"""
    r"""|[\w.\[\]'"]+\s*=\s*\S"""
    r"""|(def|class|import|from\s+\S+\s+import|return|if\s*\(|for\s*\(|while\s*\(|var|let|const|function|public|private"""
    r"""|static|SELECT|FROM|WHERE|CREATE|INSERT|UPDATE|DELETE|ALTER|JOIN|GROUP BY|ORDER BY)\b"""
)
#: the end of a line of code, before trailing white space: ; { } ( [ or =>
CODE_ENDINGS = (";", "{", "}", "(", "[", "=>")
#: an operator between spaces
CODE_OPERATOR = re.compile(r"\s(==|!=|===|=>|->|-->|:=|\+=|-=|&&|\|\|)\s")
#: a character every CODE_OPERATOR match holds: a quicker test that rules most lines out
CODE_OPERATOR_HINT = re.compile(r"[=>&|]")
#: a call ending the line: a name, arguments in brackets, then maybe ; : or {
CODE_CALL = re.compile(r"\w\([^()]*\)\s*[;:{]?\s*$")
def _may_end_with_call(text: str) -> bool:
    """What every CODE_CALL match needs, tested without a search: the line
    ends with ")", then maybe one of ; : { (white space aside). The search
    itself tries every word character followed by "(" in the line."""
    tail = text.rstrip()
    if tail.endswith((";", ":", "{")):
        tail = tail[:-1].rstrip()
    return tail.endswith(")")


#: a table row: cells separated by a tab
TABLE_ROW = re.compile(r"\S\t+\S")


def structured_line(text: str) -> bool:
    """A line that reads as code, markup or a table row: it starts like code
    (``CODE_START``), ends like code (``CODE_ENDINGS``), holds an operator
    between spaces, ends with a call, or has cells separated by a tab.
    (Separate tests, each cheap, rather than one pattern: a search for one
    pattern of many branches tries each branch at every position.)

    >>> [structured_line(t) for t in ("x = compute(y);", "Total\\t\\t42", "We went home early.")]
    [True, True, False]
    """
    return bool(CODE_START.match(text) or text.rstrip().endswith(CODE_ENDINGS)
                or (CODE_OPERATOR_HINT.search(text) and CODE_OPERATOR.search(text))
                or ("(" in text and _may_end_with_call(text) and CODE_CALL.search(text)) or ("\t" in text and TABLE_ROW.search(text)))


def structured_runs(lines: Sequence[str], min_lines: int) -> list[bool]:
    """For each line, whether it lies in a run of at least ``min_lines``
    structured lines, where one other line between two of them (a comment
    in plain words, a blank table cell) does not end the run."""
    flags = [structured_line(text) for text in lines]
    out = [False] * len(lines)
    i, n = 0, len(lines)
    while i < n:
        if not flags[i]:
            i += 1
            continue
        end, count = i + 1, 1  # run lines[i:end], count structured lines in it
        while end < n and (flags[end] or (end + 1 < n and flags[end + 1])):
            count += flags[end]
            end += 1
        if count >= min_lines:
            out[i:end] = [True] * (end - i)
        i = end
    return out


#: a list item: a bullet, a dash or a number with a dot or bracket, then text
LIST_ITEM = re.compile(r"^([•·*–-]|\d{1,3}[.)])\s+\S")


def introduced_lists(lines: Sequence[str], min_items: int, max_intro_words: int) -> list[bool]:
    """For each line, whether it is an item of a list of at least
    ``min_items`` items right below a line of at most ``max_intro_words``
    words that ends with a colon.

    >>> introduced_lists(["Pack these:", "• a torch", "• a map", "Menu", "• Home", "• News"], 2, 25)
    [False, True, True, False, False, False]
    """
    out = [False] * len(lines)
    for i, text in enumerate(lines):
        if not text.endswith(":") or len(text.split()) > max_intro_words:
            continue
        end = i + 1
        while end < len(lines) and LIST_ITEM.match(lines[end]):
            end += 1
        if end - i - 1 >= min_items:
            out[i + 1:end] = [True] * (end - i - 1)
    return out


#: the number of a numbered item: "3)", "3.", "#3" at the start of a line, then text
ITEM_NUMBER = re.compile(r"^#?(\d{1,3})[.)]?\s+\S")


def counted_lists(lines: Sequence[str], min_items: int, max_gap: int) -> list[bool]:
    """For each line, whether it lies in a list whose items are numbered
    1, 2, 3 … in order, at least ``min_items`` of them, with at most
    ``max_gap`` other lines between two items (a link, a caption, a blurb).

    >>> counted_lists(["Intro.", "1) Pier", "link", "2) Quay", "link", "3) Mole", "link", "Outro."], 3, 2)
    [False, True, True, True, True, True, False, False]
    """
    numbers = []
    for text in lines:
        m = ITEM_NUMBER.match(text)
        numbers.append(int(m.group(1)) if m else None)
    out = [False] * len(lines)
    for start, number in enumerate(numbers):
        if number != 1:
            continue
        last, want, count = start, 2, 1
        for i in range(start + 1, len(lines)):
            if i - last > max_gap + 1:
                break
            if numbers[i] == want:
                last, want, count = i, want + 1, count + 1
        if count >= min_items:
            out[start:last + 1] = [True] * (last + 1 - start)
    return out


def listicle_items(items: Sequence[int | None], prose: Sequence[bool], min_items: int, min_prose: int) -> list[int]:
    """Line indexes of a listicle's numbered headings: lines numbered n, n+1,
    n+2 … in order (``items``: each line's number or None; n is mostly 1, but
    an earlier pass may have removed the first heading), at least
    ``min_items`` of them, with at least ``min_prose`` paragraphs of prose
    (``prose``) between one heading and the next, as a "16 best …" article
    has ("1. Stitch Fix", its paragraphs, "2. Rent the Runway", …) and a list
    of teasers, one blurb an item, has not. The longest such chain; [] when
    there is none.

    >>> P, s = True, False
    >>> listicle_items([1, None, None, 2, None, None, 3, None, None], [s, P, P, s, P, P, s, P, s], 3, 2)
    [0, 3, 6]
    >>> listicle_items([1, None, 2, None, 3, None], [s, P, s, P, s, P], 3, 2)
    []
    >>> listicle_items([None, 2, None, None, 3, None, None, 4, None], [s, s, P, P, s, P, P, s, P], 3, 2)
    [1, 4, 7]
    """
    where: dict[int, list[int]] = {}  # number -> the lines that carry it, in order
    for index, number in enumerate(items):
        if number is not None:
            where.setdefault(number, []).append(index)
    best: list[int] = []
    for start, number in enumerate(items):
        if number is None or (best and start <= best[-1]):
            continue
        chain = [start]
        while True:
            later = where.get(number + len(chain), ())
            nxt = later[bisect_right(later, chain[-1])] if later and later[-1] > chain[-1] else None
            if nxt is None or sum(prose[chain[-1] + 1:nxt]) < min_prose:
                break
            chain.append(nxt)
        if len(chain) >= min_items and len(chain) > len(best):
            best = chain
    return best
