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
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources as importlib_resources

from ..config import Config
from ..document import Document
from ..steps import Annotator
from .authors import (
    AUTHOR_LABEL,
    COMPANY_WORDS,
    normalise_name,
)
from .dates import find_date
from .line_names import HANDLE_WORD, ORG_WORDS, SINGLE_NAME, LineNames, _undouble
from .ranking import RankingModel
from .title import title_line as find_title_line

#: reviewers, editors and fact checkers are named like authors but are not the author: a reviewer's label
#: just before the name, on its line or alone on the line above ("Medically reviewed by Jane Roe")
REVIEWED_BEFORE = re.compile(r"(?i)\b(?:(?:reviewed|fact[- ]checked|edited|illustrated|photographed)\s+by\s*:?|(?:reviewer|editor):)\s*$")
#: an author's bio starts with the name: "Jane Roe is a reporter ...", "Jane Roe has covered ..."
BIO_VERB = re.compile(r"(?:,| is| was| has| writes| covers| joined| holds| lives| loves| began)\b")
LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]{2,}\b")
#: at most this many names on consecutive lines make a list of co-authors (more: a team page or a menu)
STACK_MAX_NAMES = 6
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
#: the name then a lower-case word (a verb): "Jane explores …"
BOX_VERB = re.compile(r" [a-z]{3,}s\b")
#: a bio's opening clause before "…, Jane is" is at most this long
BOX_CLAUSE_CHARS = 120
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


class _LowerWords:
    """``word in`` it: the page writes ``word`` in lower case more than once.
    The page's words are listed only when a word could be among them: a
    regex search of the whole page, where most pages never write the words
    of their names twice (a fast test rules them out)."""

    def __init__(self, raw: str):
        self.raw = raw
        self._repeated: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.raw.count(word) < 2:
            return False  # (every time the page writes the word, the string holds it)
        if self._repeated is None:
            self._repeated = _repeated(LOWER_WORD.findall(self.raw))
        return word in self._repeated


@dataclass(frozen=True, slots=True)
class _Page:
    """What every candidate's features read from the page."""

    first: int  # first and last kept line: the article
    last: int
    title_line: int | None
    folded: str  # the raw text, case-folded
    header: tuple[str, ...]  # the header step's authors, case-folded
    #: words the page writes in lower case more than once: "change" in "Climate Change" is a word, not a name
    #: (once is no proof: "the example app" beside "Example Staff")
    lower_words: _LowerWords
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
        self.lines = LineNames(name_like, chrome, stopwords)

    def names_in(self, text: str, dated: bool = False, labelled: bool = False) -> list[tuple[tuple[str, ...], str]]:
        """See :meth:`cleaner.metadata.line_names.LineNames.names_in`."""
        return self.lines.names_in(text, dated, labelled)

    def candidates(self, doc: Document, title_line: int | None) -> list[tuple[NameCandidate, dict[str, float]]]:
        kept = doc.kept_lines()
        if not kept:
            return []
        first, last = kept[0].index, kept[-1].index
        found: dict[tuple[str, ...], NameCandidate] = {}
        #: names_in of each distinct (line, dated, labelled) of this page: pages repeat lines (menus, share bars, teasers)
        offered: dict[tuple[str, bool, bool], list[tuple[tuple[str, ...], str]]] = {}
        stack: list[tuple[int, str]] = []  # a run of lines that each are one bare name ("Jane Roe", "Tom Reed")
        lines = doc.lines[: self.config.byline_max_lines]
        label = [AUTHOR_LABEL.match(line.text) is not None for line in lines]  # (each line is above two others)
        for line in lines:
            index = line.index
            if not line.text.strip():
                continue
            if len(line.text.split()) > 25:
                self._stack(stack, found)
                continue
            alone = line.text.strip(" \t•·|")
            dated = bool(SINGLE_NAME.match(alone) or HANDLE_WORD.match(alone)) and any(
                find_date(doc.lines[k].text) is not None for k in (index - 1, index + 1) if 0 <= k < len(doc.lines))
            labelled = any(label[max(0, index - 2):index])
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
        out = []
        if found:  # (on 207 of 543 pages no line named anyone: the page's text need not be read for features)
            page = self._page(doc, first, last, title_line)
            out = [(cand, self.features(doc, cand, page)) for cand in found.values()]
        none = dict.fromkeys(FEATURES, 0.0)
        none["none"] = 1.0
        out.append((NameCandidate((), None, "none"), none))
        return out

    @staticmethod
    def _page(doc: Document, first: int, last: int, title_line: int | None) -> _Page:
        """What every candidate's features read from the page."""
        copyright = "\n".join(line.text for line in doc.lines if "©" in line.text or "opyright" in line.text)
        top = [line.text for line in doc.lines[:40] if line.text.strip()][:PAGE_TOP_LINES]
        return _Page(first, last, title_line, doc.raw.casefold(), tuple(n.casefold() for n in doc.meta.authors),
                     _LowerWords(doc.raw), copyright.casefold(), "\n".join(top).casefold())

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


def _repeated(words: list[str]) -> frozenset[str]:
    """The words that occur more than once."""
    return frozenset(word for word, count in Counter(words).items() if count > 1)


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
                if text.startswith(head) and (BIO_VERB.match(text, len(head)) or BOX_VERB.match(text, len(head))):
                    return True  # "Jane is a growth analyst", "Jane explores …"
                if f", {head} is " in text[:BOX_CLAUSE_CHARS]:
                    return True  # "With a decade of experience in tech, Jane is recognised for …"
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


