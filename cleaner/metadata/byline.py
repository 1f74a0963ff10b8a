"""The authors, chosen among the names the page prints by a small ranking model.

A whole page names many people: the article's author in a byline ("By Jane
Roe"), as a bare name next to the headline, in an avatar's alt text ("Picture
of Jane Roe", "Jane Roe's avatar"), and other people in teasers, comment
headers and team pages. The header step takes a byline from the top of the
page; once the classifier has found the article and the title step its
headline, this step collects every name candidate around the article and
ranks them with named features (:data:`FEATURES`): how the name was printed
(byline, bare name, avatar text, a part of a "· by Jane Roe · Updated …" line,
a team's byline "By the Example Team", bare names on consecutive lines),
where (just under the title, just above the article, far above, below), next
to a date or not, how often the page repeats it, and what the earlier steps
said about its line.

One candidate is *no author*: pages often name nobody, and the model learns
when the best name is not good enough. Weights: ``cleaner/data/byline_model.json``,
fitted by ``bench/metadata_dev.py byline`` like the title and date models.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources as importlib_resources

from ..config import Config
from ..document import Document
from ..steps import Annotator
from ..strippers.header import ALT_TEXT
from .authors import (
    AUTHOR_LABEL,
    COMPANY_WORDS,
    NOT_NAME_START,
    TAIL,
    _looks_like_name,
    is_publication,
    normalise_name,
    parse_byline,
    split_names,
    unglue,
)
from .dates import find_date
from .ranking import RankingModel
from .title import title_line as find_title_line

#: avatar and photo alt texts that name a person ("Picture of Jane Roe", "Jane Roe's avatar")
ALT_BEFORE = re.compile(r"(?i)^(?:an? )?(?:picture|photo|image|headshot|portrait|avatar|profile (?:photo|picture))"
                        r" (?:of|representing|for)\s+(?P<name>[^,|(]+)")
ALT_AFTER = re.compile(r"(?i)^(?P<name>[^,|(]+?)(?:'s|’s)?\s+(?:avatar|photo|headshot|profile (?:photo|picture)|image)$")
#: a line that opens with a byline's word itself ("By Jane Roe"): a label above it adds nothing
BYLINE_LEAD_WORD = re.compile(r"(?i)^(?:by|von|por|par|door)\b")
#: a bare name, with credentials, or an avatar's alt text has at most this many words
BARE_MAX_WORDS = 8
#: where a line holding a name splits into parts: bullets and bars, dashes, slashes, wide gaps, " in " before a
#: category, " on behalf of " before a group
SEGMENTS = re.compile(r"\s*(?:[|•·⋅●◆▪]|\s[-–—/]\s)\s*|\s{2,}|\s+in\s+(?=[A-Z])|\s+on behalf of\s+")
#: a byline marker inside a line ("March 3, 2024 By Jane Roe"); parse_byline checks what follows
INNER_BY = re.compile(r"(?i)(?<![\w])(?:written |posted |reported |story |words )?(?:by|von|por|par|door)\s+(?=[A-Z])")
#: words a flattened page glued to the name before them: "By Jane RoeIn Travel", "imageWritten by Jane Roe"
REGLUE = re.compile(r"(?<=[a-z])(?=(?:In|Written\s+by|Posted\s+by|By)\s[A-Z])")
#: a REGLUE match is followed by one of these (a quicker test first: most lines hold none)
REGLUE_WORDS = ("In", "Written", "Posted", "By")
#: reviewers, editors and fact checkers are named like authors but are not the author: a reviewer's label
#: just before the name, on its line or alone on the line above ("Medically reviewed by Jane Roe")
REVIEWED_BEFORE = re.compile(r"(?i)\b(?:(?:reviewed|fact[- ]checked|edited|illustrated|photographed)\s+by\s*:?|(?:reviewer|editor):)\s*$")
#: an author's bio starts with the name: "Jane Roe is a reporter ...", "Jane Roe has covered ..."
BIO_VERB = re.compile(r"(?:,| is| was| has| writes| covers| joined| holds| lives| loves| began)\b")
LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]{2,}\b")
SPACE_COMMA = re.compile(r"\s+,")
LIST_SEPARATOR = re.compile(r"\s*(?:[,;&]|\band\b)\s*")
#: an author box's heading: "About Jane Roe", "About the author: Jane Roe"
ABOUT = re.compile(r"^About (?:the author:?\s*)?(?P<name>[A-Z][^,.!?]{1,40})$")
#: a user name after "by" in a dated line: "Posted on July 1, 2024 by janeroe"
HANDLE_BY = re.compile(r"(?:^|\s)(?i:by)\s+(?P<name>[a-z][a-z0-9._-]{2,30})$")
#: a user name alone on a line ("janeroe"): a name when a date stands next to it
HANDLE_WORD = re.compile(r"^(?P<name>[a-z][a-z0-9._-]{2,30})$")
#: a line that is only a user name after "by": "by janeroe"
HANDLE_LINE = re.compile(r"^(?i:by)\s+(?P<name>[a-z][a-z0-9._-]{2,30})$")
#: names glued to each other or to a date when a page was flattened: "Jane RoeTom Reed", "May 8, 2016Jane Roe"
GLUED_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=\d)(?=[A-Z][a-z])")
#: a byline that signs with a team, a desk or a site rather than a person: "By the Example Team", "By Our Editors"
ORG_BYLINE = re.compile(r"(?i)^(?:written |posted |story )?by:?\s+(?P<name>(?:the |our )?(?-i:[A-Z0-9])[\w.&'’-]*(?: [\w.&'’-]+){0,3})$")
#: lower-case words an organisation's name may hold ("Ask the Doctors", "The Daily editors")
ORG_SMALL_WORDS = frozenset(("the", "of", "and", "our", "for"))
#: at most this many names on consecutive lines make a list of co-authors (more: a team page or a menu)
STACK_MAX_NAMES = 6
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
#: titles before a first name: "Dr. Jane Roe" starts with the given name "Jane"
HONORIFICS = frozenset(("dr", "prof", "mr", "mrs", "ms", "sir", "dame", "rev"))

FEATURES = (
    "none", "bias", "kind_byline", "kind_bare", "kind_alt", "kind_segment", "kind_inner", "kind_single", "kind_list", "kind_about", "kind_handle",
    "also_alt", "also_byline", "bio", "common_words", "label_above", "reviewer", "stopword_last", "stopword_any",
    "above_article", "just_above",
    "near_above", "far_above", "in_article", "below_article", "log_distance", "title_below_near",
    "title_above_near", "date_same_line", "date_near", "header_pick", "two_names", "one_token", "four_tokens",
    "org_word", "chrome", "repeats", "was_byline", "was_outside_region", "was_section", "was_before_title",
    "kept", "short_line", "rel_position", "kind_copyright", "given_name", "in_copyright", "page_top",
    "company_word", "kind_org", "kind_stack",
)
#: an author box: a line naming the author, then within this many lines "Jane is …" (tried after the first BOX_LINES lines naming them)
BOX_REACH = 3
BOX_LINES = 4
#: the first non-blank lines of a page that make its masthead (a personal site prints its owner's name there)
PAGE_TOP_LINES = 3


@functools.cache
def given_names() -> frozenset[str]:
    """First names (lower case) of ``cleaner/data/given_names.txt``: a name that
    starts with one is more likely a person than a menu entry ("Ryan Carrigan",
    not "Pool Tables")."""
    text = importlib_resources.files("cleaner.data").joinpath("given_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@dataclass(slots=True)
class NameCandidate:
    names: tuple[str, ...]
    line: int | None  # index into Document.lines of the nearest line naming them (None: "no author")
    kind: str
    lines: set[int] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)  # every way the page prints the name


@dataclass(frozen=True, slots=True)
class _Page:
    """What every candidate's features read from the page."""

    first: int  # first and last kept line: the article
    last: int
    title_line: int | None
    folded: str  # the raw text, case-folded
    header: tuple[str, ...]  # the header step's authors, case-folded
    lower_words: frozenset[str]  # words the page writes in lower case: "change" in "Climate Change" is a word, not a name
    copyright: str  # the page's copyright lines, case-folded
    top: str  # the page's first PAGE_TOP_LINES non-blank lines, case-folded


class BylineCandidates:
    """Name candidates around the article, with their features."""

    def __init__(self, config: Config, name_like: Callable[[str], bool], chrome: Callable[[str], bool],
                 stopwords: frozenset[str] = frozenset()):
        self.config = config
        self.name_like = name_like
        self.stopwords = stopwords
        self.chrome = chrome

    def _bare(self, text: str, single: bool = False) -> str | None:
        """A bare name ("Jane Roe", "Jane Roe, MD"). Looser than the header's
        test: stoplists of small languages hold surnames ("King" is Finnish and
        Hungarian), so function words are a feature here, not a veto."""
        text = _undouble(text.strip(" \t,;:-–—•·|/"))
        head, comma, rest = text.partition(",")
        if comma and (split_names(text) == [head.strip()] or _affiliation(rest)):
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
        org = ORG_BYLINE.match(TAIL.split(text, 1)[0])
        if not org:
            return None
        name = org.group("name").rstrip("0123456789 ")  # "By the Example Team 2–3 minutes"
        if not name:
            return None  # "By 2030"
        head = name.split()[1] if name.split()[0].lower() in ("the", "our") and " " in name else name.split()[0]
        small = [w for w in name.split() if w[:1].islower() and w not in ORG_SMALL_WORDS]
        return name if len(small) <= 1 and head.lower() not in NOT_NAME_START and head[:1].isupper() or head[:1].isdigit() else None

    def _list(self, text: str) -> tuple[str, ...] | None:
        """Bare names separated by commas, "and" or "&" ("Jane Roe, Tom Reed and Ana Ruiz"), or None."""
        if not LIST_SEPARATOR.search(text) or len(text.split()) > BYLINE_MAX_WORDS:
            return None
        names = [self._bare(part) for part in LIST_SEPARATOR.split(text)]
        return tuple(names) if len(names) >= 2 and all(names) else None

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
            unsigned = labelled or text.split()[-1:] and text.split()[-1].lower() in ORG_WORDS
            if org := self._org(text) or (self._org("By " + text) if unsigned else None):
                # "By the Example Team"; "By" / "The Example Team"; "The Example Team" alone
                add((org,), "org")
        if len(text.split()) <= BARE_MAX_WORDS:
            for pattern in (ALT_BEFORE, ALT_AFTER):
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

    def candidates(self, doc: Document, title_line: int | None) -> list[tuple[NameCandidate, dict[str, float]]]:
        kept = doc.kept_lines()
        if not kept:
            return []
        first, last = kept[0].index, kept[-1].index
        found: dict[tuple[str, ...], NameCandidate] = {}
        #: names_in of each distinct (line, dated, labelled) of this page: pages repeat lines (menus, share bars, teasers)
        offered: dict[tuple[str, bool, bool], list[tuple[tuple[str, ...], str]]] = {}
        stack: list[tuple[int, str]] = []  # a run of lines that each are one bare name ("Jane Roe", "Tom Reed")
        for line in doc.lines[: self.config.byline_max_lines]:
            index = line.index
            if not line.text.strip():
                continue
            if len(line.text.split()) > 25:
                self._stack(stack, found)
                continue
            alone = line.text.strip(" \t•·|")
            dated = bool(SINGLE_NAME.match(alone) or HANDLE_WORD.match(alone)) and any(
                find_date(doc.lines[k].text) is not None for k in (index - 1, index + 1) if 0 <= k < len(doc.lines))
            labelled = any(AUTHOR_LABEL.match(doc.lines[k].text) for k in range(max(0, index - 2), index))
            in_line = offered.get((line.text, dated, labelled))
            if in_line is None:
                in_line = offered[line.text, dated, labelled] = self.names_in(line.text, dated, labelled)
            for names, kind in in_line:
                names = tuple(_undouble(n) for n in names)
                key = tuple(n.casefold() for n in names)
                cand = found.get(key)
                if cand is None:
                    found[key] = cand = NameCandidate(names, index, kind)
                elif abs(index - first) < abs(cand.line - first):
                    cand.line, cand.kind = index, kind
                cand.lines.add(index)
                cand.kinds.add(kind)
            bare = [names[0] for names, kind in in_line if kind == "bare"]
            if bare and bare[0] not in (n for _, n in stack):
                stack.append((index, _undouble(bare[0])))
            else:
                self._stack(stack, found)
                if bare:
                    stack.append((index, _undouble(bare[0])))
        self._stack(stack, found)
        copyright = "\n".join(line.text for line in doc.lines if "©" in line.text or "opyright" in line.text)
        top = [line.text for line in doc.lines[:40] if line.text.strip()][:PAGE_TOP_LINES]
        page = _Page(first, last, title_line, doc.raw.casefold(), tuple(n.casefold() for n in doc.meta.authors),
                     frozenset(LOWER_WORD.findall(doc.raw)), copyright.casefold(), "\n".join(top).casefold())
        out = [(cand, self.features(doc, cand, page)) for cand in found.values()]
        none = dict.fromkeys(FEATURES, 0.0)
        none["none"] = 1.0
        out.append((NameCandidate((), None, "none"), none))
        return out

    @staticmethod
    def _stack(stack: list[tuple[int, str]], found: dict[tuple[str, ...], NameCandidate]) -> None:
        """Names on consecutive lines become one candidate, co-authors ("Jane Roe" / "Tom Reed"); ``stack`` is emptied."""
        if 2 <= len(stack) <= STACK_MAX_NAMES:
            names = tuple(n for _, n in stack)
            key = tuple(n.casefold() for n in names)
            if key not in found:
                found[key] = NameCandidate(names, stack[0][0], "stack", {i for i, _ in stack}, {"stack"})
        stack.clear()

    def features(self, doc: Document, cand: NameCandidate, page: _Page) -> dict[str, float]:
        first, last, title_line = page.first, page.last, page.title_line
        f = dict.fromkeys(FEATURES, 0.0)
        line = doc.lines[cand.line]
        f["bias"] = 1.0
        f["kind_" + cand.kind] = 1.0
        f["also_alt"] = float(cand.kind != "alt" and "alt" in cand.kinds)  # an avatar names the same person
        f["also_byline"] = float(cand.kind != "byline" and "byline" in cand.kinds)
        distance = first - cand.line
        f["above_article"] = float(distance > 0)
        f["just_above"] = float(1 <= distance <= 3)
        f["near_above"] = float(4 <= distance <= 10)
        f["far_above"] = float(distance > 10)
        f["in_article"] = float(distance <= 0 and cand.line <= last)
        f["below_article"] = float(cand.line > last)
        f["log_distance"] = math.log1p(abs(distance)) / 3
        if title_line is not None:
            gap = cand.line - title_line
            f["title_below_near"] = float(0 < gap <= 4)
            f["title_above_near"] = float(-3 <= gap < 0)
        f["date_same_line"] = float(find_date(line.text) is not None)
        f["date_near"] = float(any(doc.lines[k].removal is not None and doc.lines[k].removal.field == "published"
                                   for k in range(max(0, cand.line - 2), min(len(doc.lines), cand.line + 3))))
        f["header_pick"] = float(tuple(n.casefold() for n in cand.names) == page.header)
        tokens = [len(n.split()) for n in cand.names]
        f["two_names"] = float(len(cand.names) >= 2)
        f["one_token"] = float(min(tokens) == 1)
        f["four_tokens"] = float(max(tokens) >= 4)
        words = {w.casefold() for n in cand.names for w in n.split()}
        f["org_word"] = float(bool(words & ORG_WORDS))
        last = {n.split()[-1].casefold() for n in cand.names}
        f["stopword_last"] = float(bool(last & self.stopwords))
        f["stopword_any"] = float(bool(words & self.stopwords))
        f["chrome"] = float(any(self.chrome(n) for n in cand.names))
        f["repeats"] = math.log1p(page.folded.count(cand.names[0].casefold())) / 2
        f["bio"] = float(_has_bio(doc.raw, cand.names[0]) or _box_follows(doc, cand))
        tokens_folded = [w for w in words if len(w) > 2 and w not in ORG_WORDS]  # ("staff" in "Example Staff" is meant as a word)
        f["common_words"] = sum(w in page.lower_words for w in tokens_folded) / max(1, len(tokens_folded))
        above = next((doc.lines[k].text for k in range(cand.line - 1, max(-1, cand.line - 3), -1) if doc.lines[k].text.strip()), "")
        f["label_above"] = float(bool(AUTHOR_LABEL.match(above)))
        f["reviewer"] = float(_reviewed(line.text, cand.names[0], above))
        removal = line.removal
        f["was_byline"] = float(removal is not None and removal.field == "authors")
        f["was_outside_region"] = float(removal is not None and removal.rule_id == "heuristic.region.outside")
        f["was_section"] = float(removal is not None and removal.rule_id == "heuristic.header.section")
        f["was_before_title"] = float(removal is not None and removal.rule_id == "heuristic.header.before-title")
        f["kept"] = float(removal is None)
        f["short_line"] = float(len(line.text.split()) <= 6)
        f["rel_position"] = cand.line / max(1, len(doc.lines))
        given = given_names()
        f["given_name"] = sum(_first_name(n) in given for n in cand.names) / len(cand.names)
        f["company_word"] = float(bool({w.strip(".,") for w in words} & COMPANY_WORDS))
        folded = cand.names[0].casefold()
        f["in_copyright"] = float(folded in page.copyright)
        f["page_top"] = float(folded in page.top)
        return f


class RankedAuthors(Annotator):
    """The best-ranked name candidate becomes ``authors`` (or none, when "no
    author" ranks first)."""

    name = "authors.ranked"

    def __init__(self, candidates: BylineCandidates, model: RankingModel):
        self.candidates = candidates
        offset = candidates.config.byline_none_offset  # (the fitted weights stay as the file has them)
        self.model = RankingModel({**model.weights, "none": model.weights.get("none", 0.0) + offset}) if offset else model

    def annotate(self, doc: Document) -> None:
        best = self.model.best(self.candidates.candidates(doc, find_title_line(doc)))
        if best is None:
            return
        cand, score, features = best
        doc.meta.authors = [normalise_name(n) if n.isupper() else n for n in cand.names]
        where = "no author" if cand.line is None else f"line {doc.lines[cand.line].number} ({cand.kind})"
        doc.meta.evidence["authors"] = f"{where}, {self.model.explain(score, features)}"


def _affiliation(text: str) -> bool:
    """What follows a name's comma names an institution or a publication: "Example University", "The Daily Times"."""
    words = {w.strip(".,()").lower() for w in text.split()}
    return bool(words & COMPANY_WORDS) or is_publication(text.strip())


def _has_bio(raw: str, name: str) -> bool:
    """``raw`` has the name followed by a bio's verb ("Jane Roe is ...") — found by
    string search, not a regex compiled per name (that cost 8 % of the run)."""
    pos = raw.find(name)
    while pos >= 0:
        if BIO_VERB.match(raw, pos + len(name)):
            return True
        pos = raw.find(name, pos + 1)
    return False


def _box_follows(doc: Document, cand: NameCandidate) -> bool:
    """An author box follows a line naming the candidate: one of the next
    :data:`BOX_REACH` lines starts with the first name or the surname and a
    bio's verb ("Jane Roe" / "Jane is a growth analyst ...")."""
    parts = cand.names[0].split()
    if len(parts) < 2:
        return False
    heads = (parts[0], parts[-1])
    for index in sorted(cand.lines)[:BOX_LINES]:
        for line in doc.lines[index + 1: index + 1 + BOX_REACH]:
            text = line.text
            for head in heads:
                if text.startswith(head) and BIO_VERB.match(text, len(head)):
                    return True
    return False


def _reviewed(text: str, name: str, above: str) -> bool:
    """The name is printed right after a reviewer's or an editor's label ("Medically reviewed by
    Jane Roe"), not after the author's ("By Tom Reed · Reviewed by Jane Roe" names both)."""
    pos = text.find(name)
    before = text[:pos] if pos > 0 else ""
    if not before.strip(" \t•·|-–—*"):
        before = above  # "Reviewed by" alone on the line above the name
    return bool(REVIEWED_BEFORE.search(before))


def _first_name(name: str) -> str:
    """The case-folded first name of a name, after a title: "Dr. Jane Roe" -> "jane"; none for an
    acronym in a name that is not all capitals ("AI Lab", "PIA Review")."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].rstrip(".").casefold() in HONORIFICS:
        tokens.pop(0)
    if not tokens or len(tokens[0]) > 1 and tokens[0].isupper() and not name.isupper():
        return ""
    return tokens[0].casefold()


def _undouble(name: str) -> str:
    """"Colin Gray Colin Gray" (a name printed twice, as avatar text and link) → "Colin Gray"."""
    half = len(name) // 2
    if len(name) % 2 == 0 and name[:half] == name[half:]:
        return name[:half]  # glued: "Colin GrayColin Gray"
    tokens = name.split()
    half = len(tokens) // 2
    return " ".join(tokens[:half]) if len(tokens) % 2 == 0 and half and tokens[:half] == tokens[half:] else name

