"""The names one line of a page offers, and how it prints them.

:class:`LineNames` reads a line as a byline ("By Jane Roe"), a bare name
("Jane Roe, MD"), an avatar's alt text ("Picture of Jane Roe"), a team's or a
site's signature ("By the Example Team", "© 2025 Jane Roe"), a user name, or
cuts it at separators and dates and reads the parts ("Jane Roe | May 18,
2016"). Each name comes with its *kind*, a feature of the ranking in
:mod:`cleaner.metadata.byline`, which collects the names of every line around
the article and chooses the authors.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..strippers.header import ALT_TEXT
from .authors import (
    NOT_NAME_START,
    PROFILE_LINKS,
    TAIL,
    _looks_like_name,
    is_affiliation,
    is_publication,
    normalise_name,
    parse_byline,
    split_names,
    unglue,
)
from .dates import find_date

#: avatar and photo alt texts that name a person ("Picture of Jane Roe", "Jane Roe's avatar")
ALT_BEFORE = re.compile(r"(?i)^(?:an? )?(?:picture|photo|image|headshot|portrait|avatar|profile (?:photo|picture))"
                        r" (?:of|representing|for)\s+(?P<name>[^,|(]+)")
ALT_AFTER = re.compile(r"(?i)^(?P<name>[^,|(]+?)(?:'s|’s)?\s+(?:avatar|photo|headshot|profile(?: photo| picture| image)?|image)$")
#: a line that opens with a byline's word itself ("By Jane Roe"): a label above it adds nothing
BYLINE_LEAD_WORD = re.compile(r"(?i)^(?:by|von|por|par|door)\b")
#: a bare name, with credentials, or an avatar's alt text has at most this many words
BARE_MAX_WORDS = 8
#: where a line holding a name splits into parts: bullets and bars, dashes, slashes, wide gaps, " in " before a
#: category, " on behalf of " before a group
SEGMENTS = re.compile(r"\s*(?:[|•·⋅●◆▪]|\s[-–—/]\s)\s*|\s{2,}|\s+in\s+(?=[A-Z])|\s+on behalf of\s+")
#: what every SEGMENTS match holds: a quicker test (SEGMENTS may match the empty string before its \s*, at every position)
SEGMENTS_HINT = re.compile(r"[|•·⋅●◆▪]|\s(?:[-–—/\s]|in\s|on behalf of\s)")
#: a byline marker inside a line ("March 3, 2024 By Jane Roe"); parse_byline checks what follows
#: (the look-ahead first names the letters a match starts with: the search then skips the other positions)
INNER_BY = re.compile(r"(?i)(?=[bdprsvw])(?<![\w])(?:written |posted |reported |story |words )?(?:by|von|por|par|door)\s+(?=[A-Z])")
#: words a flattened page glued to the name before them: "By Jane RoeIn Travel", "imageWritten by Jane Roe"
REGLUE = re.compile(r"(?<=[a-z])(?=(?:In|Written\s+by|Posted\s+by|By)\s[A-Z])")
#: a REGLUE match is followed by one of these (a quicker test first: most lines hold none)
REGLUE_WORDS = ("In", "Written", "Posted", "By")
SPACE_COMMA = re.compile(r"\s+,")
LIST_SEPARATOR = re.compile(r"\s*(?:[,;&]|\band\b)\s*")
#: one of these is in every LIST_SEPARATOR match (a quicker test than its search, which tries every position)
LIST_HINTS = (",", ";", "&", "and")
#: an author box's heading: "About Jane Roe", "About the author: Jane Roe"
ABOUT = re.compile(r"^About (?:the author:?\s*)?(?P<name>[A-Z][^,.!?]{1,40})$")
#: a user name after "by" in a dated line: "Posted on July 1, 2024 by janeroe"
HANDLE_BY = re.compile(r"(?:^|\s)(?i:by)\s+(?P<name>[a-z][a-z0-9._-]{2,30})$")
#: a user name alone on a line ("janeroe"): a name when a date stands next to it
HANDLE_WORD = re.compile(r"^(?P<name>[a-z][a-z0-9._-]{2,30})$")
#: a line that is only a user name after "by": "by janeroe"
HANDLE_LINE = re.compile(r"^(?i:by)\s+(?P<name>[a-z][a-z0-9._-]{2,30})$")
#: names glued to each other or to a date when a page was flattened: "Jane RoeTom Reed", "May 8, 2016Jane Roe"
#: (the capital first: the search then skips to the capitals)
GLUED_CASE = re.compile(r"(?=[A-Z])(?:(?<=[a-z])|(?<=\d)(?=[A-Z][a-z]))")
#: a byline that signs with a team, a desk or a site rather than a person: "By the Example Team", "By Our Editors"
ORG_BYLINE = re.compile(r"(?i)^(?:written |posted |story )?by:?\s+(?P<name>(?:the |our )?(?-i:[A-Z0-9])[\w.&'’-]*(?: [\w.&'’-]+){0,3})$")
#: how every ORG_BYLINE match starts (a quick test before the dear cut at TAIL: most lines do not start so)
ORG_LEAD = re.compile(r"(?i)(?:written |posted |story )?by:?\s")
#: lower-case words an organisation's name may hold ("Ask the Doctors", "The Daily editors")
ORG_SMALL_WORDS = frozenset(("the", "of", "and", "our", "for"))
#: a copyright line names the site's owner, on a personal site the author: "© 2025 Jane Roe. All rights reserved."
COPYRIGHT = re.compile(r"(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*|copyright\s+)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?[,-]?\s*"
                       r"(?P<name>[^.,|©]+?)\s*(?:[.,|]|\ball rights\b|$)")
#: a personal site's name: "Jane Roe's Tech Blog"
OWN_SITE = re.compile(r"^(?P<name>[A-Z][\w.-]+(?: [A-Z][\w.-]+){1,2})['’]s (?:[A-Z]\w+ )?(?:Blog|Site|Website|Journal|Notes|Newsletter)$")
#: years after a copyright's name: "Jane Roe 2012-2025"
YEARS = re.compile(r"\s*\b\d{4}(?:\s*[-–]\s*\d{4})?\s*$")
#: a one-word name ("Susan"), accepted next to a date only
SINGLE_NAME = re.compile(r"^[A-Z][a-z]{2,14}$")
#: a byline line may list several names with roles and credentials
BYLINE_MAX_WORDS = 16
#: at most this many parts of a split line are tried as names
MAX_SEGMENTS = 4
ORG_WORDS = frozenset(("team", "staff", "desk", "editors", "editorial", "newsroom", "blog", "admin", "contributor"))


class LineNames:
    """``names_in(line)``: the (names, kind) a line offers. ``name_like`` and
    ``chrome`` are the header step's tests, ``stopwords`` the run's stoplist."""

    def __init__(self, name_like: Callable[[str], bool], chrome: Callable[[str], bool], stopwords: frozenset[str] = frozenset()):
        self.name_like = name_like
        self.chrome = chrome
        self.stopwords = stopwords

    def _bare(self, text: str, single: bool = False) -> str | None:
        """A bare name ("Jane Roe", "Jane Roe, MD"). Looser than the header's
        test: stoplists of small languages hold surnames ("King" is Finnish and
        Hungarian), so function words are a feature here, not a veto."""
        text = _undouble(text.strip(" \t,;:-–—•·|/"))
        if text.rsplit(" ", 1)[-1].lower() in PROFILE_LINKS:
            text = text.rsplit(" ", 1)[0]  # "Jane Roe LinkedIn": an author box's link
        head, comma, rest = text.partition(",")
        if not single and len(head.split()) < 2:
            return None  # one word before any comma: so is the name (the test below, made before the dear ones)
        if comma and (split_names(text) == [head.strip()] or is_affiliation(rest)):
            text = head.strip()  # "Jane Roe, Contributor", "Jane Roe, CFP®", "Jane Roe, Example University"
        if single and SINGLE_NAME.match(text) and text.casefold() not in self.stopwords and not self.chrome(text):
            return text  # "Susan" next to a date: a blog's first-name byline
        if len(text.split(",", 1)[0].split()) < 2:
            return None  # one word: the name below would be one word too (the quickest test first)
        if not (self.name_like(text) or len(text.split()) <= 4 and _looks_like_name(text)) \
                or ALT_TEXT.match(text):
            return None
        name = normalise_name(text.split(",")[0].strip())
        if len(name.split()) < 2 or not _looks_like_name(name) or is_publication(name) or self.chrome(text):
            return None  # (the chrome vocabulary, the dearest test, last)
        return name

    def _names(self, text: str, dated: bool = False) -> tuple[tuple[str, ...], str] | None:
        names = parse_byline(text, max_words=BYLINE_MAX_WORDS)
        if names:
            return tuple(names), "byline"
        name = self._bare(text, single=dated) if len(text.split()) <= BARE_MAX_WORDS else None
        return ((name,), "single" if " " not in name else "bare") if name else None

    @staticmethod
    def _org(text: str) -> str | None:
        """The team, desk or site a byline signs with ("By the Example Team", "By Example Online"), or None."""
        if not ORG_LEAD.match(text):
            return None  # (what TAIL leaves of the line starts like the line)
        org = ORG_BYLINE.match(TAIL.split(text, 1)[0])
        if not org:
            return None
        name = org.group("name").rstrip("0123456789 ")  # "By the Example Team 2–3 minutes"
        if not name or any(w.isdigit() for w in name.split()[1:]):
            return None  # "By 2030", "By Jane Roe 4 Comments"
        head = name.split()[1] if name.split()[0].lower() in ("the", "our") and " " in name else name.split()[0]
        small = [w for w in name.split() if w[:1].islower() and w not in ORG_SMALL_WORDS]
        return name if len(small) <= 1 and head.lower() not in NOT_NAME_START and head[:1].isupper() or head[:1].isdigit() else None

    def _list(self, text: str) -> tuple[str, ...] | None:
        """Bare names separated by commas, "and" or "&" ("Jane Roe, Tom Reed and Ana Ruiz"), or None."""
        if not any(map(text.__contains__, LIST_HINTS)) or not LIST_SEPARATOR.search(text) \
                or len(text.split()) > BYLINE_MAX_WORDS:
            return None
        names = []
        for part in LIST_SEPARATOR.split(text):  # (two parts at least: the separator was found)
            name = self._bare(part)
            if not name:
                return None  # (most lines fail at their first part: "However, the …")
            names.append(name)
        return tuple(names)

    def names_in(self, text: str, dated: bool = False, labelled: bool = False) -> list[tuple[tuple[str, ...], str]]:
        """(names, kind) a line offers: the whole line as a byline or a bare
        name, an avatar's alt text, a byline that starts inside the line
        ("March 3, 2024 By Jane Roe", "Posted on … by Jane Roe - 5 Comments"),
        and the parts of a line cut at separators and dates ("Jane Roe | May 18,
        2016", "Jane Roe   USA TODAY"). A single word is a name only when a
        date stands on the line or next to it (``dated``). ``labelled``: the
        line above is a byline's label alone ("By", "Written by"): the line
        is read as the byline it ends."""
        out: list[tuple[tuple[str, ...], str]] = []
        seen: set[tuple[str, ...]] = set()

        def add(names: tuple[str, ...], kind: str) -> None:
            key = tuple(n.casefold() for n in names)
            if key not in seen:
                seen.add(key)
                out.append((names, kind))

        if "," in text:
            text = SPACE_COMMA.sub(",", text)
        text = unglue(text)
        if any(map(text.__contains__, REGLUE_WORDS)):
            text = REGLUE.sub(" | ", text)
        text = text.strip().lstrip("•·▪●◦‣∙*–— ")
        whole = None
        if labelled and not BYLINE_LEAD_WORD.match(text) and (names := parse_byline("By " + text, max_words=BYLINE_MAX_WORDS)):
            whole = tuple(names), "byline"
        whole = whole or self._names(text, dated)
        if whole:
            add(*whole)
        elif names := self._list(text):
            add(names, "list")  # "Jane Roe, Tom Reed and Ana Ruiz": co-authors without "By"
        if not whole:
            # (not "Blog" or "3. Blog", a menu's entries)
            unsigned = len(text.split()) >= 2 and text[:1].isupper() and text.split()[-1].lower() in ORG_WORDS
            if org := self._org(text) or (self._org("By " + text) if unsigned else None):
                # "By the Example Team"; "The Example Team" alone or under a "By" label
                add((org,), "org")
        # (an alt text that goes on describing after the name: "Headshot of Jane Roe, a reporter in …")
        for pattern in (ALT_BEFORE, ALT_AFTER) if len(text.split()) <= BARE_MAX_WORDS else (ALT_BEFORE,):
            m = pattern.match(text)
            if m and (alt := self._bare(m.group("name").strip())):
                add((alt,), "alt")
        owner = COPYRIGHT.match(text) or OWN_SITE.match(text)
        if owner and (name := self._bare(YEARS.sub("", owner.group("name")))):
            add((name,), "copyright")  # the site's owner: "© 2025 Jane Roe", "Copyright Jane Roe 2012-2025", "Jane Roe's Blog"
        handle = HANDLE_LINE.match(text) or (HANDLE_WORD.match(text) if dated else None)
        if handle and handle.group("name") not in self.stopwords and handle.group("name") not in NOT_NAME_START:
            add((handle.group("name"),), "handle")  # "by janeroe"; "janeroe" alone next to a date
        if len(text) <= 80 and GLUED_CASE.search(text):
            parts = [self._bare(p) for p in GLUED_CASE.split(text) if find_date(p) is None]
            names = tuple(p for p in parts if p)
            if names and len(names) == len(parts):
                add(names, "list" if len(names) > 1 else "segment")  # "Jane RoeTom Reed": co-authors printed as one line
        about = ABOUT.match(text)
        if about and (name := self._bare(about.group("name"), single=True)):
            add((name,), "about")
        for m in INNER_BY.finditer(text):
            # (the byline's first words only: what follows "by Jane Roe (Site) - 5 Comments on …" is not the byline's)
            inner = " ".join(text[m.start():].lstrip(" \t|•·-–—,;:").split()[:BYLINE_MAX_WORDS])
            if m.start() > 0 and (names := parse_byline(inner, max_words=BYLINE_MAX_WORDS)):
                add(tuple(names), "inner")
        date = find_date(text)
        if date is None and not SEGMENTS_HINT.search(text):
            return out  # no date to cut at, no separator: one part, the whole line (read above)
        cut = text if date is None else f"{text[:date.span[0]]} | {text[date.span[1]:]}"
        parts = [p for p in SEGMENTS.split(cut) if p.strip()]
        if len(parts) > 1 or date is not None:
            for part in parts[:MAX_SEGMENTS]:
                handle = HANDLE_BY.search(part.strip())
                if handle and handle.group("name") not in self.stopwords and handle.group("name") not in NOT_NAME_START:
                    add((handle.group("name"),), "handle")
                    continue
                found = self._names(part.strip(), dated or date is not None)
                if found:
                    add(found[0], "segment")
                elif org := self._org(part.strip()):
                    add((org,), "segment")  # "March 15, 2022 · 3 min read · By Example Online"
                elif names := self._list(part.strip()):
                    add(names, "segment")  # "Jane Roe and Tom Reed | Guest Columnists"
        return out


def _undouble(name: str) -> str:
    """"Colin Gray Colin Gray" (a name printed twice, as avatar text and link) → "Colin Gray"."""
    half = len(name) // 2
    if len(name) % 2 == 0 and name[:half] == name[half:]:
        return name[:half]  # glued: "Colin GrayColin Gray"
    tokens = name.split()
    half = len(tokens) // 2
    return " ".join(tokens[:half]) if len(tokens) % 2 == 0 and half and tokens[:half] == tokens[half:] else name
