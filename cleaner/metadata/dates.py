"""Find the publication date printed in a short line of text.

Only absolute dates are recognised: "5 hours ago", "yesterday" and the like
never give a date, and nothing here looks at today's date.  Month and weekday
names come from dateparser's per-language data (read once, never its parser),
so the result depends on the line (and ``context``) alone.

>>> find_date("Thursday, October 1, 2015 1:02am").iso
'2015-10-01T01:02:00'
>>> find_date("1 de octubre de 2015").iso
'2015-10-01'
>>> find_date("2015-10-01T13:45:00Z").iso
'2015-10-01T13:45:00Z'
>>> d = find_date("Published on 01/10/2015")
>>> (d.iso, d.raw, d.resolved_by)
(None, '01/10/2015', 'unresolved')
>>> find_date("Published on 01/10/2015", context="Thursday").iso
'2015-10-01'
>>> find_date("Posted 5 hours ago") is None
True
>>> date_line("• Veröffentlicht am 1. Oktober 2015, 13:45 Uhr").iso
'2015-10-01T13:45:00'
>>> date_line("The vote on October 1, 2015 was close and everyone knew it.") is None
True
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DateOrder = Literal["day-first", "month-first"]

#: dateparser languages whose month and weekday names we recognise
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb")
MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july",
              "august", "september", "october", "november", "december")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: earliest and latest year we accept (keeps "2,000 people" and "3000 BC" out)
MIN_YEAR, MAX_YEAR = 1990, 2100
YEAR_DIGITS = r"(?:199\d|20\d\d|2100)"
YEAR = YEAR_DIGITS + r"(?!\d)"
#: after a month name, a year glued to what followed it in the page ("October 17, 20236:01 PM", "Mar 27, 20255 mins")
GLUED_YEAR = YEAR_DIGITS + r"(?:(?!\d)|(?=[0-2]?\d:[0-5]\d)|(?=\d{1,2}\s?mins?\b))"
#: a month name glued to the word before it ("ByJane RoeMar 5, 2025", "EditorialNovember 22, 2018")
GLUED_START = r"(?-i:(?<=[a-z])(?=[A-Z])|(?<=\d\d\d\d)(?=[A-Z]))"  # also "May 21, 2025April 24, 2025"
#: shorter month/weekday forms ("Do", "mi", "we") are ignored: too often other words
MIN_NAME_LENGTH = 3

#: words that introduce a date on a date line (case-insensitive; longest first wins)
PREFIX_WORDS = {
    "en": ("published", "posted", "updated", "last updated", "first published", "modified",
           "last modified", "created", "released", "date", "dated", "on", "at", "as of"),
    "de": ("veröffentlicht", "aktualisiert", "zuletzt aktualisiert", "erschienen", "erstellt",
           "geändert", "stand", "datum", "am", "um", "vom"),
    "es": ("publicado", "publicada", "actualizado", "actualizada", "fecha", "el", "a las"),
    "fr": ("publié", "publiée", "mis à jour", "mise à jour", "modifié", "date", "le", "à"),
    "it": ("pubblicato", "pubblicata", "aggiornato", "aggiornata", "data", "il", "alle"),
    "pt": ("publicado", "publicada", "atualizado", "atualizada", "data", "em", "às"),
    "nl": ("gepubliceerd", "geplaatst", "bijgewerkt", "laatst bijgewerkt", "datum", "op", "om"),
    "sv": ("publicerad", "uppdaterad", "datum", "den"),
}
#: separators between the parts of a date line ("Published 1 Oct 2015 | Updated ...")
SEGMENT_SEPARATOR = re.compile(r"[|•·]|\s[-–—]\s")
LEADING_JUNK = re.compile(r"^[\W_]+")
WORD = re.compile(r"\w+")
#: cheap pre-check: every date form we know prints a four-digit year in range
YEAR_HINT = re.compile(r"(?<!\d)" + YEAR_DIGITS)


def has_year(line: str) -> bool:
    """``YEAR_HINT`` is found in ``line``: after a quicker test, as every year
    of ``YEAR_DIGITS`` holds 19, 20 or 21 (a search that starts with a
    look-behind tries every position of the line)."""
    return ("20" in line or "19" in line or "21" in line) and YEAR_HINT.search(line) is not None


def _strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _translation_data(lang: str) -> dict:
    """dateparser's data for ``lang`` (``dateparser/data/date_translation_data/<lang>.py``,
    one dict literal), run as a module of its own: importing it as
    ``dateparser.data…`` would import the ``dateparser`` package first, its parser,
    time zones and logging set-up (some 45 ms of every process's start-up)."""
    package = importlib.util.find_spec("dateparser")  # (finds a top-level package without running it)
    if package is None or not package.submodule_search_locations:
        raise ImportError("dateparser is not installed")
    path = Path(package.submodule_search_locations[0], "data", "date_translation_data", f"{lang}.py")
    spec = importlib.util.spec_from_file_location(f"_dateparser_data_{lang}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.info


def _name_table(keys: tuple[str, ...], data: dict[str, dict]) -> dict[str, int]:
    """Lower-cased name (and its accent-free spelling) -> 1-based index in ``keys``.
    A spelling that means different things in two languages is left out."""
    table: dict[str, set[int]] = {}
    for lang in LANGUAGES:
        info = data[lang]
        for index, key in enumerate(keys, start=1):
            for form in info.get(key, ()):
                form = form.lower().rstrip(".")
                for spelling in {form, _strip_accents(form)}:
                    if len(spelling) >= MIN_NAME_LENGTH:
                        table.setdefault(spelling, set()).add(index)
    return {name: next(iter(ix)) for name, ix in table.items() if len(ix) == 1}


def _full_weekdays(data: dict[str, dict]) -> dict[str, int]:
    """The longest name of each weekday per language ("Thursday", "quinta-feira"):
    safe to look for anywhere in a document, unlike "Sun", "Wed" or "Quinta"."""
    table: dict[str, int] = {}
    for lang in LANGUAGES:
        info = data[lang]
        for index, key in enumerate(WEEKDAY_KEYS):
            longest = max(info[key], key=len).lower()
            table[longest] = table[_strip_accents(longest)] = index
    return table


def _alternation(words) -> str:
    """A regex matching any of ``words``, written as a trie ("ma(?:i|rs|y)") so
    that each position of a line costs one character test, not one per word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here; longer words are tried first
            return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
        return body

    return emit(trie)


_DATA = {lang: _translation_data(lang) for lang in LANGUAGES}
MONTHS = _name_table(MONTH_KEYS, _DATA)                                    # "okt" -> 10
WEEKDAYS = {k: v - 1 for k, v in _name_table(WEEKDAY_KEYS, _DATA).items()}  # "thu" -> 3 (Monday=0)
FULL_WEEKDAYS = _full_weekdays(_DATA)
del _DATA  # (the tables above are all this module keeps of it)
FULL_WEEKDAY_RE = re.compile(rf"\b(?:{_alternation(FULL_WEEKDAYS)})\b", re.I)
_PREFIXES = _alternation({w for ws in PREFIX_WORDS.values() for w in ws})
PREFIX_RE = re.compile(rf"^(?:{_PREFIXES})\b", re.I)

_MON = rf"(?:{_alternation(MONTHS)})"
_DATE_PATTERN = rf"""
(?:(?P<wd>\b(?:{_alternation(WEEKDAYS)}))\.?,?\s+)?
(?P<date>
    (?<![\w.,/-])(?P<d1>[0-3]?\d)(?:st|nd|rd|th|er|re|º|ª|°|\.º|\.)?   # 1 October 2015
        (?:\s*[-/]\s*|\s+)(?:(?:de|of)\s+)?
        (?P<m1>\b{_MON})\b\.?(?:\s*[-/]\s*|,?\s+)(?:(?:de|del)\s+)?(?P<y1>{YEAR})
  | (?P<m2>(?:\b|{GLUED_START}){_MON})\b(?:\.\s*|\s+)(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)[.,]?\s+(?P<y2>{GLUED_YEAR})
  | (?<![\w./-])(?P<y3>{YEAR})(?P<s3>[-/.])(?P<m3>[01]?\d)(?P=s3)(?P<d3>[0-3]?\d)(?!\d|\.\d)
  | (?<![\w./-])(?P<a4>[0-3]?\d)(?P<s4>[-/.])(?P<b4>[0-3]?\d)(?P=s4)(?P<y4>{YEAR})(?!\.\d)
)
(?:
    (?:T|\s*[,|@·–—-]?\s*(?:(?:at|um|à|a\s+las?|alle|às|om|kl\.?|klockan)\s+)?)
    (?P<time>
        (?P<H>[01]?\d|2[0-3])
        (?: (?::|h)(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:[.,]\d{{1,6}})?)?
              (?:\s?(?P<ap1>[ap])\.?\s?m\b\.?)?
          | \s?(?P<ap2>[ap])\.?\s?m\b\.? )
        (?:\s*(?:uhr|hrs?)\b)?
        (?:\s?(?P<tz>Z(?!\w)|UTC(?!\w)|GMT(?!\w)|[+-](?:[01]\d|2[0-3]):?[0-5]\d(?!\d)))?
    )
)?
"""
#: what a date starts with: a digit, or the first letter of a month's or a weekday's name
_DATE_START = "".join(sorted({name[0] for name in (*MONTHS, *WEEKDAYS)}))
#: (the look-ahead first: the search then tries only the positions a date can start at)
DATE_RE = re.compile(rf"(?=[\d{re.escape(_DATE_START)}])" + _DATE_PATTERN, re.I | re.X)


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date found in a line.  ``iso`` is None when the date is ambiguous and
    could not be resolved; ``raw`` is then still the text as printed."""

    iso: str | None
    raw: str
    resolved_by: str  # "unambiguous" | "site-order" | "page-order" | "markup" | "weekday" | "unresolved"
    span: tuple[int, int]


def _valid(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _weekdays_in(text: str) -> set[int]:
    return {FULL_WEEKDAYS[m.group().lower()] for m in FULL_WEEKDAY_RE.finditer(text)}


def _resolve(readings: list[_dt.date], line: str, prefix: int | None,
             context: str) -> _dt.date | None:
    """Pick the reading that falls on a weekday named in the line, else on one
    named in the context, when exactly one reading does."""
    in_line = _weekdays_in(line) | ({prefix} if prefix is not None else set())
    for named in (in_line, _weekdays_in(context) if context else set()):
        hits = [r for r in readings if r.weekday() in named]
        if len(hits) == 1:
            return hits[0]
    return None


def _time_suffix(m: re.Match) -> str | None:
    """"T13:45:00", "T01:02:03+02:00" ... for the printed time, or None if invalid.

    Seconds are always written (``hh:mm:ss``), so every date-time in the output
    has one shape whether or not the page printed seconds."""
    if m.group("time") is None:
        return None
    hour, ampm = int(m.group("H")), (m.group("ap1") or m.group("ap2") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    out = f"T{hour:02d}:{m.group('M') or '00'}:{m.group('S') or '00'}"
    tz = (m.group("tz") or "").upper()
    if tz == "Z":
        out += "Z"
    elif tz and tz not in ("UTC", "GMT"):  # a zone name is no printed offset: ``raw`` only
        digits = tz[1:].replace(":", "")
        out += f"{tz[0]}{digits[:2]}:{digits[2:]}"
    return out


def _parse(m: re.Match, line: str, order: DateOrder | None, context: str,
           known: frozenset[str] = frozenset()) -> ParsedDate | None:
    g = m.group
    wd = WEEKDAYS.get((g("wd") or "").lower())
    resolved_by = "unambiguous"
    if g("y1") or g("y2"):
        n = "1" if g("y1") else "2"
        day = _valid(int(g("y" + n)), MONTHS[g("m" + n).lower()], int(g("d" + n)))
    elif g("y3"):
        day = _valid(int(g("y3")), int(g("m3")), int(g("d3")))
    else:
        a, b, year = int(g("a4")), int(g("b4")), int(g("y4"))
        readings = [r for r in (_valid(year, b, a), _valid(year, a, b)) if r]  # day-first first
        if not readings:
            return None
        day = readings[0]
        named = [r for r in readings if r.isoformat() in known] if len(readings) == 2 and a != b and not order else []
        if len(named) == 1:  # the page's markup names one of the two readings
            day, resolved_by = named[0], "markup"
        elif len(readings) == 2 and a != b and (g("s4") != "." or order):
            resolved_by = "site-order" if order else "weekday"
            if order:
                day = readings[0] if order == "day-first" else readings[1]
            else:
                day = _resolve(readings, line, wd, context)
                resolved_by = "weekday" if day else "unresolved"
    if day is None and resolved_by != "unresolved":
        return None
    time = _time_suffix(m)
    end = m.end() if time else m.end("date")
    iso = day.isoformat() + (time or "") if day else None
    return ParsedDate(iso, line[m.start():end], resolved_by, (m.start(), end))


def _iter_dates(line: str, order: DateOrder | None, context: str,
                known: frozenset[str] = frozenset()) -> Iterator[ParsedDate]:
    """The dates of a line that holds a year (``has_year``: the callers test it
    first, before making a generator, as most lines hold none)."""
    for m in DATE_RE.finditer(line):
        parsed = _parse(m, line, order, context, known)
        if parsed:
            yield parsed


def find_dates(line: str, *, order: DateOrder | None = None, context: str = "") -> list[ParsedDate]:
    """Every absolute date in ``line``, in order (see :func:`find_date`).

    >>> [d.iso for d in find_dates("Published March 3, 2024 | Updated 2024-05-01")]
    ['2024-03-03', '2024-05-01']
    """
    return list(_iter_dates(line, order, context)) if has_year(line) else []


def find_date(line: str, *, order: DateOrder | None = None, context: str = "",
              known: frozenset[str] = frozenset()) -> ParsedDate | None:
    """The first absolute date in ``line``, or None.

    ``order`` says how the site writes numeric dates such as 01/10/2015; without
    it such a date is resolved by a weekday named in the line or ``context``
    (the document text), or left unresolved (``iso`` None). ``known`` holds days
    (``YYYY-MM-DD``) the page names in its markup: when exactly one of the two
    readings of a numeric date is among them, it is taken (``resolved_by``
    "markup"), also for a dotted date that would otherwise be read day-first.

    >>> find_date("Oct. 1, 2015").iso
    '2015-10-01'
    >>> find_date("Jan 5, 2019 at 3:04 pm").iso
    '2019-01-05T15:04:00'
    >>> find_date("1er octobre 2015").raw
    '1er octobre 2015'
    >>> find_date("01.10.2015").iso
    '2015-10-01'
    >>> find_date("10-01-2015", order="month-first").resolved_by
    'site-order'
    >>> find_date("09.10.2024", known=frozenset({"2024-09-10"})).iso
    '2024-09-10'
    >>> find_date("about 2,000 people") is None
    True
    >>> find_date("By Jane RoeMar 5, 2025 | 6 comments").iso, find_date("October 17, 20236:01 PM ET").iso
    ('2025-03-05', '2023-10-17T18:01:00')
    >>> find_date("Jul. 11. 2025").iso, find_date("in 20255 cases") is None
    ('2025-07-11', True)
    """
    return next(_iter_dates(line, order, context, known), None) if has_year(line) else None


#: (the look-ahead first: the search then tries only the positions of a digit, not every position of the page)
NUMERIC_DATE = re.compile(rf"(?=\d)(?<![\w./-])([0-3]?\d)([-/.])([0-3]?\d)\2{YEAR}")


def page_order(text: str) -> DateOrder | None:
    """The order a page writes numeric dates in, when its own unambiguous
    dates say so and none contradicts them: "24.11.2025" proves day-first,
    "11.24.2025" month-first.

    >>> page_order("Posted 09.10.2024 · comment of 11.24.2025"), page_order("3/4/2024 and 4/3/2024") is None
    ('month-first', True)
    """
    day_first = month_first = False
    for m in NUMERIC_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        day_first |= a > 12 >= b
        month_first |= b > 12 >= a
    if day_first == month_first:
        return None
    return "day-first" if day_first else "month-first"


def _extra_words(segment: str) -> int:
    """Words left in one part of a line once leading punctuation and
    date-introducing words ("Published on", "Mis à jour le") are gone."""
    while True:
        segment = LEADING_JUNK.sub("", segment)
        stripped = PREFIX_RE.sub("", segment, count=1)
        if stripped == segment:
            return len(WORD.findall(segment))
        segment = stripped


def date_line(line: str, *, order: DateOrder | None = None, context: str = "",
              max_extra_words: int = 4) -> ParsedDate | None:
    """The first date in ``line`` if the line is essentially a date line: once
    the dates, bullets and words like "Published on" are removed, at most
    ``max_extra_words`` words may remain.  An unresolved date is returned too.

    >>> date_line("Published on 01/10/2015", context="Thursday").iso
    '2015-10-01'
    >>> date_line("Mis à jour le 1er octobre 2015 à 13h45").iso
    '2015-10-01T13:45:00'
    >>> date_line("By Jane Roe | October 1, 2015").raw
    'October 1, 2015'
    >>> date_line("By Jane Roe | October 1, 2015 | 5 min read") is None
    True
    """
    if not has_year(line) or len(line.split()) > max_extra_words + 24:
        return None
    dates = list(_iter_dates(line, order, context))
    if not dates:
        return None
    rest, last = [], 0
    for d in dates:
        rest.append(line[last:d.span[0]])
        last = d.span[1]
    rest.append(line[last:])
    segments = [s for part in rest for s in SEGMENT_SEPARATOR.split(part)]
    if sum(_extra_words(s) for s in segments) > max_extra_words:
        return None
    return dates[0]
