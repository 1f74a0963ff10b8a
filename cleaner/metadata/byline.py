"""The authors, chosen among the names the page prints by a small ranking model.

A whole page names many people: the article's author in a byline ("By Jane
Roe"), as a bare name next to the headline, in an avatar's alt text ("Picture
of Jane Roe", "Jane Roe's avatar"), and other people in teasers, comment
headers and team pages. The header step takes a byline from the top of the
page; once the classifier has found the article and the title step its
headline, this step collects every name candidate around the article and
ranks them with named features (:data:`FEATURES`): how the name was printed
(byline, bare name, avatar text, a part of a "· by Jane Roe · Updated …" line),
where (just under the title, just above the article, far above, below), next
to a date or not, how often the page repeats it, and what the earlier steps
said about its line.

One candidate is *no author*: pages often name nobody, and the model learns
when the best name is not good enough. Weights: ``cleaner/data/byline_model.json``,
fitted by ``bench/metadata_dev.py byline`` like the title and date models.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..config import Config
from ..document import Document
from ..steps import Annotator
from .authors import is_publication, normalise_name, parse_byline, unglue
from .dates import find_date
from .ranking import RankingModel
from .title import title_line as find_title_line

#: avatar and photo alt texts that name a person ("Picture of Jane Roe", "Jane Roe's avatar")
ALT_BEFORE = re.compile(r"(?i)^(?:picture|photo|image|headshot|portrait|avatar|profile (?:photo|picture)) of\s+(?P<name>[^,|(]+)")
ALT_AFTER = re.compile(r"(?i)^(?P<name>[^,|(]+?)(?:'s|’s)?\s+(?:avatar|photo|headshot|profile (?:photo|picture)|image)$")
#: a bare name, with credentials, or an avatar's alt text has at most this many words
BARE_MAX_WORDS = 8
SEGMENTS = re.compile(r"\s*(?:[|•·●◆▪]|\s[-–—]\s)\s*")
ORG_WORDS = frozenset(("team", "staff", "desk", "editors", "editorial", "newsroom", "blog", "admin", "contributor"))

FEATURES = (
    "none", "bias", "kind_byline", "kind_bare", "kind_alt", "kind_segment", "above_article", "just_above",
    "near_above", "far_above", "in_article", "below_article", "log_distance", "title_below_near",
    "title_above_near", "date_same_line", "date_near", "header_pick", "two_names", "one_token", "four_tokens",
    "org_word", "chrome", "repeats", "was_byline", "was_outside_region", "was_section", "was_before_title",
    "kept", "short_line", "rel_position",
)


@dataclass(slots=True)
class NameCandidate:
    names: tuple[str, ...]
    line: int | None  # index into Document.lines of the nearest line naming them (None: "no author")
    kind: str
    lines: set[int] = field(default_factory=set)


class BylineCandidates:
    """Name candidates around the article, with their features."""

    def __init__(self, config: Config, bare_name: Callable[[str], str | None], chrome: Callable[[str], bool]):
        self.config = config
        self.bare_name = bare_name
        self.chrome = chrome

    def _bare(self, text: str) -> str | None:
        name = self.bare_name(text)
        return None if name is None or is_publication(name) else name

    def names_in(self, text: str) -> list[tuple[tuple[str, ...], str]]:
        """(names, kind) a line offers."""
        out = []
        names = parse_byline(text)
        if names:
            out.append((tuple(names), "byline"))
        if len(text.split()) <= BARE_MAX_WORDS:  # longer lines are no bare name and no avatar's alt text
            name = self._bare(text)
            if name:
                out.append(((name,), "bare"))
            for pattern in (ALT_BEFORE, ALT_AFTER):
                m = pattern.match(text)
                if m:
                    alt = self._bare(m.group("name").strip())
                    if alt:
                        out.append(((alt,), "alt"))
        if not out and SEGMENTS.search(unglued := unglue(text)):
            for part in SEGMENTS.split(unglued):
                if part and part != text:
                    bare = None if (names := parse_byline(part)) else self._bare(part)
                    if names or bare:
                        out.append((tuple(names or [bare]), "segment"))
                        break
        return out

    def candidates(self, doc: Document, title_line: int | None) -> list[tuple[NameCandidate, dict[str, float]]]:
        kept = doc.kept_lines()
        if not kept:
            return []
        first, last = kept[0].index, kept[-1].index
        found: dict[tuple[str, ...], NameCandidate] = {}
        for line in doc.lines[: self.config.byline_max_lines]:
            index = line.index
            if len(line.text.split()) > 25:
                continue
            for names, kind in self.names_in(line.text):
                names = tuple(_undouble(n) for n in names)
                key = tuple(n.casefold() for n in names)
                cand = found.get(key)
                if cand is None:
                    found[key] = cand = NameCandidate(names, index, kind)
                elif abs(index - first) < abs(cand.line - first):
                    cand.line, cand.kind = index, kind
                cand.lines.add(index)
        folded = doc.raw.casefold()
        header = tuple(n.casefold() for n in doc.meta.authors)
        out = [(cand, self.features(doc, cand, first, last, title_line, folded, header)) for cand in found.values()]
        none = dict.fromkeys(FEATURES, 0.0)
        none["none"] = 1.0
        out.append((NameCandidate((), None, "none"), none))
        return out

    def features(self, doc: Document, cand: NameCandidate, first: int, last: int, title_line: int | None,
                 folded: str, header: tuple[str, ...]) -> dict[str, float]:
        f = dict.fromkeys(FEATURES, 0.0)
        line = doc.lines[cand.line]
        f["bias"] = 1.0
        f["kind_" + cand.kind] = 1.0
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
        f["header_pick"] = float(tuple(n.casefold() for n in cand.names) == header)
        tokens = [len(n.split()) for n in cand.names]
        f["two_names"] = float(len(cand.names) >= 2)
        f["one_token"] = float(min(tokens) == 1)
        f["four_tokens"] = float(max(tokens) >= 4)
        words = {w.casefold() for n in cand.names for w in n.split()}
        f["org_word"] = float(bool(words & ORG_WORDS))
        f["chrome"] = float(any(self.chrome(n) for n in cand.names))
        f["repeats"] = math.log1p(folded.count(cand.names[0].casefold())) / 2
        removal = line.removal
        f["was_byline"] = float(removal is not None and removal.field == "authors")
        f["was_outside_region"] = float(removal is not None and removal.rule_id == "heuristic.region.outside")
        f["was_section"] = float(removal is not None and removal.rule_id == "heuristic.header.section")
        f["was_before_title"] = float(removal is not None and removal.rule_id == "heuristic.header.before-title")
        f["kept"] = float(removal is None)
        f["short_line"] = float(len(line.text.split()) <= 6)
        f["rel_position"] = cand.line / max(1, len(doc.lines))
        return f


class RankedAuthors(Annotator):
    """The best-ranked name candidate becomes ``authors`` (or none, when "no
    author" ranks first)."""

    name = "authors.ranked"

    def __init__(self, candidates: BylineCandidates, model: RankingModel):
        self.candidates = candidates
        self.model = model

    def annotate(self, doc: Document) -> None:
        best = self.model.best(self.candidates.candidates(doc, find_title_line(doc)))
        if best is None:
            return
        cand, score, features = best
        doc.meta.authors = [normalise_name(n) if n.isupper() else n for n in cand.names]
        where = "no author" if cand.line is None else f"line {doc.lines[cand.line].number} ({cand.kind})"
        doc.meta.evidence["authors"] = f"{where}, {self.model.explain(score, features)}"


def _undouble(name: str) -> str:
    """"Colin Gray Colin Gray" (a name printed twice, as avatar text and link) → "Colin Gray"."""
    tokens = name.split()
    half = len(tokens) // 2
    return " ".join(tokens[:half]) if len(tokens) % 2 == 0 and half and tokens[:half] == tokens[half:] else name

