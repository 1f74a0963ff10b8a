"""The title, chosen among the lines around the article by a small ranking model.

Once the line classifier has found the article, the headline is one of the
lines near its start: usually just above it, sometimes above a byline and a
date, sometimes under a breadcrumb that repeats it, sometimes far up (a long
table of contents or a hero image block between headline and text). Each
heading-shaped line in that window is a *candidate*, described by named
features (:func:`candidate_features`): its shape (words, capitals, closing
punctuation), chrome vocabulary, whether the page prints it again (a
breadcrumb, a "<title> | Site" line), its distance from the article, what the
earlier steps said about it (the header took it for the title, the classifier
left it outside the article), whether a byline or date stands right under it,
and how many of its words the article itself uses (a headline speaks of what
the text speaks of).

A linear model (:mod:`cleaner.metadata.ranking`) scores every candidate and
the best one wins (weights fitted on the development pages by
``bench/metadata_dev.py title``, shipped as ``cleaner/data/title_model.json``). The
winner's features with the largest contributions are its evidence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from ..config import Config
from ..document import Document, Line
from ..steps import Annotator
from .dates import MONTHS, YEAR, date_line, find_dates, has_year
from .ranking import RankingModel

WORD = re.compile(r"\w+")
BULLET = re.compile(r"^[•·▪●◦‣∙*\-–—]\s*")
SEPARATOR = re.compile(r"\s[|–—\-:»›]\s")
#: "Headline | Site", "Headline – Site name": the headline is the part before the separator
SITE_SEPARATOR = re.compile(r"\s(?:\||–|—|-|::|·)\s")
#: "Blog: Headline", "PROJECT: Headline": a label of one or two words before the headline
LABEL_PREFIX = re.compile(r"^[A-Za-z][\w]*(?: [A-Za-z][\w]*)?\s*:\s*(?=\S)")
#: "Home / Headline", "Blog › Headline": a breadcrumb printed on the headline's line
CRUMB_PREFIX = re.compile(r"^.{1,40}?\s*[/›»>]\s*(?=[^/›»>]+$)")
#: what stands between a headline and a date glued to it ("… week 2 / 20 December 2025", "Dec 18 2025 · …")
DATE_GLUE = re.compile(r"^[\s|/·•,:;–—-]+|[\s|/·•,:;–—-]+$")
#: a month and a year without a day ("Dec 2025", "März 2024"), glued to a headline as a date is
#: (the look-ahead names the first letters of the month names: the search then skips the other positions)
MONTH_YEAR = re.compile(rf"(?i)(?=[{re.escape(''.join(sorted({name[0] for name in MONTHS})))}])(?<!\w)"
                        rf"(?:{'|'.join(sorted(map(re.escape, MONTHS), key=len, reverse=True))})\.?,?\s+{YEAR}")
TRAILING_SEPARATOR = re.compile(r"[|/·•,:;–—-]\s*$")
NUMBERED = re.compile(r"^\d{1,2}[.)]\s")
SENTENCE_END = re.compile(r"[.!?…]['\"”’»)\]]*$")
#: quotes and brackets that may close a line after its final punctuation
CLOSERS = re.compile(r"['\"”’»)\]]+$")
MENU = re.compile(r"\s[›»>|/·•]\s.*\s[›»>|/·•]\s")
NAME_LIKE = re.compile(r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,2}$")
ALT_TEXT = re.compile(r"(?i)^(picture|photo|image|headshot|portrait|avatar) of\b|\b(logo|icon)$")
#: a theme's filler text ("Lorem ipsum dolor sit amet"), left where the site never wrote its own: never a headline
PLACEHOLDER = re.compile(r"(?i)\blorem ipsum\b")
#: removal ids of the earlier steps, each a feature ("what the pipeline said about this line")
STATE_IDS = {
    "heuristic.header.title": "was_header_title",
    "heuristic.header.before-title": "was_above_header_title",
    "heuristic.header.heading": "was_sub_heading",
    "heuristic.header.section": "was_section",
    "heuristic.region.outside": "was_outside_region",
    "heuristic.repeated.caption": "was_caption",
    "heuristic.repeated.copy": "was_copy",
}
#: lines that moved into these fields are not titles
META_FIELDS = ("authors", "published", "credits")
#: nor is a breadcrumb the header found ending with the line under it ("Home News <that line>")
BREADCRUMB_ID = "heuristic.header.breadcrumb"

FEATURES = (
    "bias", "log_words", "few_words", "many_words", "headline_length", "capitalised", "all_upper",
    "ends_period", "ends_question", "has_separator", "starts_digit", "digits", "chrome", "stopwords",
    "date_like", "name_like", "alt_text", "menu", "repeated_exact", "repeated_inside", "inside_other",
    "log_distance", "just_above", "in_article", "heading_rank", "rel_position", "meta_below", "meta_above",
    "overlap_lead", "overlap_body", "bullet", "next_is_body", "prev_is_list", "near", "mid", "far", "ends_colon",
    "split_part", "tf_score", "tf_best", "lead_best", "prose_distance", "just_above_prose", "after_prose",
    "numbered_item", "was_header_title", "was_above_header_title", "was_sub_heading",
    "was_section", "was_outside_region", "was_caption", "was_copy", "kept", "deep_in_article", "tail_part",
    "indented", "tight_above", "tight_below", "echo_near", "dropped_elsewhere", "dropped_lower",
    "undated_part", "dropped_words", "dropped_chain",
)


def _content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """The words of ``text`` that carry content, case-folded (see :func:`_content`)."""
    return _content(set(map(str.casefold, WORD.findall(text))), stopwords)


def _content(words: Iterable[str], stopwords: frozenset[str]) -> set[str]:
    """The case-folded ``words`` that carry content: longer than two letters, no stopword, no number."""
    return {w for w in words if len(w) > 2 and w not in stopwords and not w.isdigit()}


class PageLines:
    """A page's lines, case-folded, indexed for the repetition features, and
    the raw input lines (with their indentation) for the layout features."""

    def __init__(self, lines: list[str], raw: str = ""):
        self.lines = lines
        self.count = Counter(lines)
        self.joined = "\n".join(lines)  # one C-speed substring search per candidate
        self.raw = raw.split("\n")

    def indented(self, line: Line) -> bool:
        """The input printed ``line`` with leading white space (a nested list item)."""
        raw = self.raw[line.number - 1] if line.number <= len(self.raw) else ""
        return raw[:1].isspace() and raw.strip() == line.text

    def contains_other_line(self, text: str) -> bool:
        """Another line of 12 characters or more is the start or the end of ``text``
        ("Headline | Site" holds the line "Headline")."""
        words = text.split()
        spaced = " ".join(words)  # (the parts are cut from it, not joined again word by word)
        cut = -1
        for word in words[:-1]:
            cut += 1 + len(word)  # the space after ``word``
            for part in (spaced[:cut], spaced[cut + 1:]):
                if len(part) >= 12 and part in self.count:
                    return True
        return False


def _parts(text: str) -> list[tuple[str, str]]:
    """Shorter candidates a line gives, with the feature naming how: the part
    before a site separator ("Headline | Site"), the part after a label
    ("Blog: Headline") or after a breadcrumb ("Home / Headline")."""
    out = []
    head = SITE_SEPARATOR.split(text, maxsplit=1)[0].strip()
    if head != text and len(head.split()) >= 2:
        out.append((head, "split_part"))
    for prefix in (LABEL_PREFIX, CRUMB_PREFIX):
        m = prefix.match(text)
        tail = text[m.end():].strip() if m else ""
        if len(tail.split()) >= 2 and tail != head:
            out.append((tail, "tail_part"))
            break
    return out


def _undated(text: str) -> str | None:
    """The line without a date printed before or after the headline on the same
    line ("Dec 18 2025 Harbour basin …", "Harbour basin … / 20 December 2025"),
    or None when no date starts or ends it. A month without a day counts only
    behind a separator: "… Announced in October 2025" is the headline itself.
    A line that is mostly a date ("Published on 3 May 2024") gives nothing.
    The headline is taken without the date: pages title it so."""
    if not has_year(text):
        return None  # (every date, and every month with a year, holds one: the quick test of the searches below)
    if date_line(text) is not None:
        return None
    spans = [d.span for d in find_dates(text)]
    spans += [m.span() for m in MONTH_YEAR.finditer(text) if m.start() == 0 or TRAILING_SEPARATOR.search(text[:m.start()])]
    if not spans:
        return None
    spans.sort()
    if not DATE_GLUE.sub("", text[:spans[0][0]]):
        rest = text[max(end for start, end in spans if start == spans[0][0]):]
    elif not DATE_GLUE.sub("", text[spans[-1][1]:]):
        rest = text[:min(start for start, end in spans if end == spans[-1][1])]
    else:
        return None
    rest = DATE_GLUE.sub("", rest)
    return rest if len(rest.split()) >= 2 else None


class TitleCandidates:
    """Candidate lines and their features for one document."""

    def __init__(self, config: Config, chrome: Callable[[str], bool], stopwords: frozenset[str]):
        self.config = config
        self.chrome = chrome
        self.stopwords = stopwords

    def window(self, doc: Document) -> tuple[list[int], int, int] | None:
        """(indexes, first, prose): candidate line indexes, in page order, around the
        article whose first kept line is ``first``, around the header step's
        title pick, around the first byline or date line above the article and
        around the first prose paragraph (a list-shaped article whose region
        starts late, a classifier that left the article's first paragraphs out,
        or a kept menu line above a late headline, would otherwise put the
        headline out of reach). ``prose`` is the first prose paragraph
        (``first`` when there is none)."""
        kept = doc.kept_lines()
        if not kept:
            return None
        first = kept[0].index
        anchors = {first}
        anchors.update(line.index for line in doc.lines if line.removal is not None and line.removal.field == "title")
        # the first byline or date line above the article: the headline stands right above it
        meta = next((line.index for line in doc.lines[:first] if line.removal is not None and line.removal.field in ("authors", "published")), None)
        if meta is not None:
            anchors.add(meta)
        prose = next((line.index for line in kept if len(line.text.split()) >= 15 and SENTENCE_END.search(line.text)), first)
        anchors.add(prose)
        indexes: set[int] = set()
        for anchor in anchors:
            indexes.update(range(max(0, anchor - self.config.title_region_reach),
                                 min(len(doc.lines), anchor + self.config.title_inside_reach + 1)))
        return sorted(indexes), first, prose

    def shape_ok(self, text: str) -> bool:
        words = len(text.split())
        return (1 <= words <= self.config.title_max_words and len(text) <= 300 and any(map(str.isalpha, text))
                and not PLACEHOLDER.search(text))

    def prose(self, text: str) -> bool:
        """A sentence of ten words or more is prose, not a headline, unless it
        ends with a question or an exclamation ("… (Plus 2 Bonus Picks!)") or
        is written in title case, its words of four letters or more capitalised
        ("Things to Know Before Your First Trip.")."""
        tokens = text.split()
        if len(tokens) < 10 or not SENTENCE_END.search(text):
            return False
        if CLOSERS.sub("", text).endswith(("?", "!")):
            return False
        long_words = [t for t in tokens if len(t) >= 4]  # title case leaves "to", "the", "for" in lower case
        return sum(1 for t in long_words if t[:1].isupper()) < self.config.title_case_share * len(long_words)

    def candidates(self, doc: Document) -> list[tuple[Line, dict[str, float], str]]:
        """(line, features, title text) of every candidate, in page order. A
        "Headline | Site" line gives two: the whole line and the part before
        the separator."""
        bounds = self.window(doc)
        if bounds is None:
            return []
        indexes, first, prose = bounds
        kept = doc.kept_lines()
        # (no word spans lines: one search over the lines joined finds every line's words; the lead, the first
        # three lines, is searched once, for its own words and for the counts)
        lead = WORD.findall("\n".join(line.text for line in kept[:3]))
        lead_words = _content(set(map(str.casefold, lead)), self.stopwords)
        counts = Counter(map(str.casefold, lead))
        counts.update(map(str.casefold, WORD.findall("\n".join(line.text for line in kept[3:60]))))
        # the words of the first 60 lines (all of them: a candidate's words meet them after their own content
        # filter, which is quicker run on a candidate's few words than on the page's hundreds)
        body_words = set(counts)
        counts.update(map(str.casefold, WORD.findall("\n".join(line.text for line in kept[60:]))))
        folded = PageLines([line.text.casefold() for line in doc.lines], doc.raw)
        out = []
        heading_rank = 0
        for index in reversed(indexes):
            line = doc.lines[index]
            removal = line.removal
            if removal is not None and (removal.field in META_FIELDS or removal.rule_id == BREADCRUMB_ID):
                continue
            text = BULLET.sub("", line.text)
            undated = _undated(text)
            text = undated or text
            if not self.shape_ok(text) or self.prose(text):
                continue
            mine = _content_words(text, self.stopwords)
            features = self.features(doc, index, text, first, folded, lead_words, body_words, mine)
            features["undated_part"] = float(undated is not None)
            self._article_features(features, mine, index, prose, counts)
            if index < first:
                features["heading_rank"] = min(heading_rank, 5) / 5
                heading_rank += 1
            for part, kind in _parts(text):
                mine = _content_words(part, self.stopwords)
                split = self.features(doc, index, part, first, folded, lead_words, body_words, mine)
                self._article_features(split, mine, index, prose, counts)
                split["heading_rank"], split[kind] = features["heading_rank"], 1.0
                if kind == "split_part":
                    self._dropped_features(split, SITE_SEPARATOR.split(text, maxsplit=1)[1].strip(), folded)
                out.append((line, split, part))
            out.append((line, features, text))
        out.reverse()
        for name, best in (("tf_score", "tf_best"), ("overlap_lead", "lead_best")):
            top = max((features[name] for _, features, _ in out), default=0.0)
            for _, features, _ in out:
                features[best] = float(top > 0 and features[name] == top)
        return out

    @staticmethod
    def _dropped_features(f: dict[str, float], dropped: str, folded: PageLines) -> None:
        """What the part before a separator leaves out. A site's name ("| Coastline
        Media") is printed elsewhere on the page too (logo, footer); a subtitle
        ("– and what it means for you") is not, and often goes on in lower case."""
        f["dropped_elsewhere"] = float(folded.joined.count(dropped.casefold()) > 1)
        f["dropped_lower"] = float(dropped[:1].islower())
        # a site's name is short ("| Coastline Media"), a subtitle a phrase ("– Ten Walks for a Winter Day");
        # a chain of parts ("| News | Coastline Media") is a trail of sections and a site
        f["dropped_words"] = min(len(dropped.split()), 10) / 10
        f["dropped_chain"] = float(bool(SITE_SEPARATOR.search(dropped)))

    @staticmethod
    def _article_features(f: dict[str, float], mine: set[str], index: int, prose: int, counts: dict[str, int]) -> None:
        """How much the article speaks of the candidate's words (``mine``, its
        content words), and where the candidate stands from the first prose paragraph."""
        if mine:
            f["tf_score"] = sum(math.log1p(counts.get(w, 0)) for w in mine) / len(mine) / 3
        distance = prose - index
        f["prose_distance"] = math.log1p(max(distance, 0))
        f["just_above_prose"] = float(distance == 1)
        f["after_prose"] = float(distance < 0)

    def features(self, doc: Document, index: int, text: str, first: int, folded: PageLines,
                 lead_words: set[str], body_words: set[str], mine: set[str]) -> dict[str, float]:
        """The features of candidate ``text`` (from line ``index``), whose content words are ``mine``."""
        tokens = text.split()
        n = len(tokens)
        line = doc.lines[index]
        me = line.text.casefold()
        f: dict[str, float] = dict.fromkeys(FEATURES, 0.0)
        f["bias"] = 1.0
        f["log_words"] = math.log1p(n)
        f["few_words"] = float(n <= 2)
        f["many_words"] = float(n > 16)
        f["headline_length"] = float(20 <= len(text) <= 160)
        f["capitalised"] = sum(1 for t in tokens if t[:1].isupper()) / n
        f["all_upper"] = float(text.isupper() and n >= 2)
        f["ends_period"] = float(text.endswith((".", ",", ";")))
        f["ends_question"] = float(text.endswith(("?", "!")))
        f["ends_colon"] = float(text.endswith(":"))
        f["bullet"] = float(line.text != text and bool(BULLET.match(line.text)))
        below = next((other.text for other in doc.lines[index + 1: index + 3] if other.removal is None or other.removal.field is None), "")
        f["next_is_body"] = float(len(below.split()) >= 15 and bool(SENTENCE_END.search(below)))
        above = doc.lines[index - 1].text if index > 0 else ""
        f["prev_is_list"] = float(bool(BULLET.match(above)) or bool(MENU.search(above)))
        self._layout_features(f, doc, index, text.casefold(), folded)
        f["has_separator"] = float(bool(SEPARATOR.search(text)))
        f["starts_digit"] = float(text[:1].isdigit())
        f["numbered_item"] = float(bool(NUMBERED.match(text)))
        f["digits"] = sum(map(str.isdigit, text)) / len(text)
        f["chrome"] = float(self.chrome(text))
        words = [t.casefold() for t in WORD.findall(text)]
        f["stopwords"] = sum(w in self.stopwords for w in words) / len(words) if words else 0.0
        f["date_like"] = float(n <= 12 and date_line(text) is not None)
        f["name_like"] = float(bool(NAME_LIKE.match(text)))
        f["alt_text"] = float(bool(ALT_TEXT.search(text)))
        f["menu"] = float(bool(MENU.search(text)))
        f["repeated_exact"] = float(folded.count[me] > 1)
        f["repeated_inside"] = float(len(me) >= 12 and folded.joined.count(me) > folded.count[me])
        f["inside_other"] = float(folded.contains_other_line(me))
        distance = first - index
        f["log_distance"] = math.log1p(max(distance, 0))
        f["just_above"] = float(distance == 1)
        f["near"] = float(2 <= distance <= 3)
        f["mid"] = float(4 <= distance <= 10)
        f["far"] = float(distance > 10)
        f["in_article"] = float(distance <= 0)
        f["deep_in_article"] = float(-distance > self.config.title_inside_reach)  # reached from another anchor
        f["rel_position"] = index / max(1, len(doc.lines))
        f["meta_below"] = float(any(self._meta_line(doc, k) for k in range(index + 1, min(index + 4, len(doc.lines)))))
        f["meta_above"] = float(any(self._meta_line(doc, k) for k in range(max(0, index - 3), index)))
        if mine:
            f["overlap_lead"] = len(mine & lead_words) / len(mine)
            f["overlap_body"] = len(mine & body_words) / len(mine)
        removal = line.removal
        if removal is None:
            f["kept"] = 1.0
        elif removal.rule_id in STATE_IDS:
            f[STATE_IDS[removal.rule_id]] = 1.0
        return f

    def _layout_features(self, f: dict[str, float], doc: Document, index: int, mine: str, folded: PageLines) -> None:
        """How the line stands on the page. A whole-page scrape prints a
        heading as a block of its own, with a blank line above and below and
        no indentation, while the items of a menu or a teaser list follow each
        other without blank lines, indented under their list; a headline is
        often printed again close by (ending a breadcrumb, repeated above the
        text), where a teaser's title is repeated far away, if at all."""
        line = doc.lines[index]
        f["indented"] = float(folded.indented(line))
        f["tight_above"] = float(index > 0 and doc.lines[index - 1].number == line.number - 1)
        f["tight_below"] = float(index + 1 < len(doc.lines) and doc.lines[index + 1].number == line.number + 1)
        reach = self.config.title_echo_reach
        f["echo_near"] = float(len(mine) >= 12 and any(
            mine in folded.lines[k]
            for k in range(max(0, index - reach), min(len(doc.lines), index + reach + 1)) if k != index))

    @staticmethod
    def _meta_line(doc: Document, index: int) -> bool:
        removal = doc.lines[index].removal
        return removal is not None and removal.field in ("authors", "published")


class RankedTitle(Annotator):
    """The best-scoring candidate line becomes the title (unless the page
    declared one, ``doc.title_confirmed``; a breadcrumb repeating a line is
    evidence for the ranking, not a decision)."""

    name = "title.ranked"

    def __init__(self, candidates: TitleCandidates, model: RankingModel):
        self.candidates = candidates
        self.model = model

    def annotate(self, doc: Document) -> None:
        if doc.title_confirmed:
            return
        best = self.model.best(((line, text), features) for line, features, text in self.candidates.candidates(doc))
        if best is None:
            return
        (line, text), score, features = best
        doc.meta.title = text
        doc.meta.evidence["title"] = f"line {line.number}, {self.model.explain(score, features)}"


def title_line(doc: Document) -> int | None:
    """The index of the line the title was taken from, if any (the date and
    authors steps measure distances from it)."""
    title = doc.meta.title
    if not title:
        return None
    return next((line.index for line in doc.lines if title in line.text), None)
