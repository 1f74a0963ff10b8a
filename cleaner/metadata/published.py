"""The publication date, chosen among the page's dates by a small ranking model.

A whole page prints many dates: the article's, an "Updated" date, dates of
comments, of teasers in "More stories", of the copyright line. The header step
takes a date line from the top of the page; once the classifier has found the
article (and the title step its headline), this step looks at every date the
page prints and ranks them with named features (:data:`FEATURES`): where the
date stands (just under the title, just above the article, inside it, far
below), the words before it ("Published", "Updated", "By … on"), the shape of
its line (a date line, a byline with a date, a sentence), whether the header
already took it, how often the page repeats it, and whether it is the
earliest or the latest of the page's dates.

Weights: ``cleaner/data/date_model.json``, fitted by ``bench/metadata_dev.py date`` on
the development pages (conditional logit, like the title model). An ambiguous
numeric date that nothing resolves stays a candidate only in the header's
``published_raw``: it is never guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from ..config import Config
from ..document import Document
from ..steps import Annotator
from ..strippers.structured import structured_line
from .dates import NUMERIC_DATE, ParsedDate, find_dates, has_year, page_order
from .ranking import RankingModel
from .title import title_line as find_title_line

UPDATED = re.compile(
    r"(?i)\b(updated?|last updated|modified|revised|reviewed|edited|aktualisiert|geändert|actualizad[oa]|mise? à jour|modifié"
    r"|aggiornat[oa]|atualizad[oa]|bijgewerkt|uppdaterad)\b")
PUBLISHED = re.compile(
    r"(?i)\b(published|posted|first published|released|written|veröffentlicht|erschienen|publicad[oa]|publiée?|pubblicat[oa]"
    r"|gepubliceerd|geplaatst|publicerad)\b")
BY = re.compile(r"(?i)\bby\b|\bvon\b|\bpor\b|\bpar\b|\bdi\b|\bdoor\b|\bav\b")
COMMENT = re.compile(r"(?i)\b(repl(y|ies)|says|said|comments?|wrote)\b")
AS_OF = re.compile(r"(?i)\b(as of|as at|valid until|expires?( on)?|deadline:?|until|through)\s*$")
COPYRIGHT = re.compile(r"(?i)©|\(c\)|copyright|all rights reserved")

FEATURES = (
    "bias", "above_article", "just_above", "near_above", "in_article", "below_article", "log_distance",
    "rel_position", "title_below_near", "title_above_near", "title_far", "date_line", "short_line", "log_words",
    "has_time", "updated_word", "published_word", "byline", "comment_words", "copyright", "header_pick",
    "was_date_line", "was_outside_region", "kept", "first_of_page", "rank", "earliest", "latest", "repeats",
    "second_in_line", "future_of_others", "code_line", "as_of",
)


@dataclass(frozen=True, slots=True)
class DateMention:
    line: int  # index into Document.lines
    parsed: ParsedDate
    nth: int  # position among the dates of its line
    lead_from: int = 0  # where the words that lead up to it start: the end of the line's previous date, or 0


class DateCandidates:
    """Every resolved date the page prints, with its features."""

    def __init__(self, config: Config = Config()):
        self.config = config

    def mentions(self, doc: Document) -> list[DateMention]:
        out = []
        order = doc.date_order
        # the page's own order is read (a search of the whole page) when a line first prints a numeric date,
        # the only kind of date it decides; most pages print none
        read_order = not order
        for line in doc.lines:
            if not has_year(line.text):
                continue  # (no date without a year: find_dates's own quick test, made before its call)
            if read_order and NUMERIC_DATE.search(line.text):
                order, read_order = page_order(doc.raw), False
            lead_from = 0
            for nth, parsed in enumerate(find_dates(line.text, order=order, context=doc.raw)):
                if doc.date_order is None and parsed.resolved_by == "site-order":
                    parsed = replace(parsed, resolved_by="page-order")
                if parsed.iso is not None:
                    out.append(DateMention(line.index, parsed, nth, lead_from))
                lead_from = parsed.span[1]
                if len(out) >= self.config.date_max_candidates:
                    return out
        return out

    def candidates(self, doc: Document, title_line: int | None) -> list[tuple[DateMention, dict[str, float]]]:
        mentions = self.mentions(doc)
        if not mentions:
            return []
        kept = doc.kept_lines()
        first = kept[0].index if kept else len(doc.lines)
        last = kept[-1].index if kept else len(doc.lines)
        days = [m.parsed.iso[:10] for m in mentions]
        counts = {day: days.count(day) for day in days}
        earliest, latest = min(days), max(days)
        header_day = (doc.meta.published or "")[:10]
        out = []
        for rank, mention in enumerate(mentions):
            out.append((mention, self.features(doc, mention, rank, len(mentions), first, last, title_line,
                                               counts, earliest, latest, header_day)))
        return out

    def features(self, doc: Document, mention: DateMention, rank: int, total: int, first: int, last: int,
                 title_line: int | None, counts: dict[str, int], earliest: str, latest: str, header_day: str) -> dict[str, float]:
        line = doc.lines[mention.line]
        text = line.text
        # "Updated May 3 · Originally published May 1": each date is read with its own words only
        before = text[max(mention.lead_from, mention.parsed.span[0] - 40): mention.parsed.span[0]]
        day = mention.parsed.iso[:10]
        words = len(text.split())
        distance = first - mention.line
        f = dict.fromkeys(FEATURES, 0.0)
        f["bias"] = 1.0
        f["above_article"] = float(distance > 0)
        f["just_above"] = float(1 <= distance <= 2)
        f["near_above"] = float(3 <= distance <= 8)
        f["in_article"] = float(distance <= 0 and mention.line <= last)
        f["below_article"] = float(mention.line > last)
        f["log_distance"] = math.log1p(abs(distance)) / 3
        f["rel_position"] = mention.line / max(1, len(doc.lines))
        if title_line is not None:
            gap = mention.line - title_line
            f["title_below_near"] = float(0 <= gap <= 4)
            f["title_above_near"] = float(-4 <= gap < 0)
            f["title_far"] = float(abs(gap) > 4)
        removal = line.removal
        span = mention.parsed.span[1] - mention.parsed.span[0]
        f["date_line"] = float(span >= 0.5 * len(text))
        f["short_line"] = float(words <= 12)
        f["log_words"] = math.log1p(words) / 3
        f["has_time"] = float("T" in mention.parsed.iso)
        f["updated_word"] = float(bool(UPDATED.search(before)))
        f["published_word"] = float(bool(PUBLISHED.search(before)))
        f["byline"] = float(bool(BY.search(text)) and words <= 20)
        f["comment_words"] = float(bool(COMMENT.search(text)))
        f["copyright"] = float(bool(COPYRIGHT.search(text)))
        f["header_pick"] = float(day == header_day)
        f["was_date_line"] = float(removal is not None and removal.field in ("published", "authors"))
        f["was_outside_region"] = float(removal is not None and removal.rule_id == "heuristic.region.outside")
        f["kept"] = float(removal is None)
        f["first_of_page"] = float(rank == 0)
        f["rank"] = min(rank, 10) / 10
        f["earliest"] = float(day == earliest and earliest != latest)
        f["latest"] = float(day == latest and earliest != latest)
        f["repeats"] = math.log(counts[day])
        f["second_in_line"] = float(mention.nth > 0)
        f["as_of"] = float(bool(AS_OF.search(before)))  # "Data as of Dec 20": the date of figures, not of the story
        f["code_line"] = float(structured_line(text))  # a date in a listing ("WHERE day > '2024-01-01'")
        f["future_of_others"] = float(total > 2 and day == latest and sum(1 for d in counts if d > earliest) == 1 and counts[day] == 1)
        return f


class RankedDate(Annotator):
    """The best-ranked date of the page becomes ``published`` (its printed
    form ``published_raw``). Numeric dates are read in the site's order when a
    rule gives it, as everywhere."""

    name = "date.ranked"

    def __init__(self, candidates: DateCandidates, model: RankingModel):
        self.candidates = candidates
        self.model = model

    def annotate(self, doc: Document) -> None:
        title_line = find_title_line(doc)
        best = self.model.best(self.candidates.candidates(doc, title_line))
        if best is None:
            return
        mention, score, features = best
        parsed = mention.parsed
        doc.meta.published, doc.meta.published_raw, doc.meta.published_resolved_by = parsed.iso, parsed.raw, parsed.resolved_by
        doc.meta.evidence["published"] = f"line {doc.lines[mention.line].number}, {self.model.explain(score, features)}"

