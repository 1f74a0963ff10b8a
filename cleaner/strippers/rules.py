"""Apply the declarative rules of ``rules/`` to a document.

Rule kinds (``docs/rules.md``): ``date_order`` sets the site's numeric date
order; ``drop_line`` removes matching lines; ``cut_section`` removes a
trailing section from its heading to the end (or to a stop line);
``extract_field`` moves a matching line into a metadata field.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document, Line
from ..filters import SENTENCE_END, word_estimate
from ..metadata.authors import normalise_name, split_names
from ..metadata.dates import find_date
from ..ruleset import Rule, RuleSet
from ..ruleset.pattern_set import PatternSet
from ..ruleset.safe_regex import SafePattern
from ..steps import Stripper


def scope_matches(rule: Rule, doc: Document, hits: LineHits | None = None) -> bool:
    scope = rule.scope
    if scope.site is not None:
        host = (doc.meta.site or "").lower()
        if not (host == scope.site or host.endswith("." + scope.site)):
            return False
    if scope.fingerprint is not None:
        lines = doc.lines if hits is None else hits.lines_for(scope.fingerprint)
        if not any(scope.fingerprint.search(line.text) for line in lines):
            return False
    return True


class LineHits:
    """For one document: the lines each rule pattern can match (in document
    order), from one :class:`~cleaner.ruleset.pattern_set.PatternSet` pass
    over its lines. A line the set cannot tell about counts for every pattern."""

    def __init__(self, prefilter: PatternSet, doc: Document):
        self.index = prefilter.index
        every = range(len(prefilter.patterns))
        self.by_pattern: list[list[Line]] = [[] for _ in every]
        for line in doc.lines:
            found = prefilter.candidates(line.text)
            for i in (every if found is None else found):
                if i < len(self.by_pattern):  # not the set's always-matching pattern
                    self.by_pattern[i].append(line)

    def lines_for(self, pattern: SafePattern) -> list[Line]:
        """The document's lines that ``pattern`` can match."""
        return self.by_pattern[self.index[pattern]]


class RuleStripper(Stripper):
    """Line rules: ``date_order``, ``drop_line`` and ``extract_field``, in
    rule order. (Sections are cut later, by :class:`SectionCutter`.)

    One :class:`PatternSet` of the rules' line patterns and fingerprints
    tells which lines each pattern can match; only those are searched."""

    name = "rules"
    kinds: tuple[str, ...] = ("drop_line", "extract_field")

    def __init__(self, rules: RuleSet, config: Config = Config()):
        self.rules = rules
        self.config = config
        patterns = [rule.start if rule.kind == "cut_section" else rule.pattern
                    for rule in rules.rules if rule.kind in self.kinds]
        patterns += [rule.scope.fingerprint for rule in rules.rules if rule.scope.fingerprint is not None]
        self.prefilter = rules.pattern_set(tuple(dict.fromkeys(p for p in patterns if p is not None)))

    def strip(self, doc: Document) -> None:
        hits = LineHits(self.prefilter, doc)
        active = [rule for rule in self.rules.rules if rule.kind in self.kinds and scope_matches(rule, doc, hits)]
        for rule in self.rules.rules:  # date order first: extraction below depends on it
            if rule.kind == "date_order" and doc.date_order is None and scope_matches(rule, doc, hits):
                doc.date_order = rule.order
        for rule in active:
            if rule.kind == "drop_line":
                self._drop(rule, doc, hits)
            elif rule.kind == "cut_section":
                self._cut(rule, doc, hits)
            elif rule.kind == "extract_field":
                self._extract(rule, doc, hits)

    def _drop(self, rule: Rule, doc: Document, hits: LineHits) -> None:
        for line in hits.lines_for(rule.pattern):
            match = line.kept and rule.matches_line(rule.pattern, line.text)
            if match:
                doc.remove(line, rule.id, f"matched /{rule.pattern.pattern}/: {match.group(0)[:60]!r}")

    def _cut(self, rule: Rule, doc: Document, hits: LineHits) -> None:
        """Cut from the first heading that follows ``min_words_before`` kept words (two
        characters of Chinese or Japanese count as a word, :func:`word_estimate`), or from
        the document's first line when the document begins with the heading of a section
        that runs to its end (a scrape of only the comment thread: "Discussion about this
        post", then comments). The heading
        itself may already be removed (the classifier drops a lone "Most Read"): it still marks
        where the section starts."""
        min_words = rule.min_words_before
        if min_words is None:
            min_words = self.config.section_cut_min_words_before
        headings = {line.index for line in hits.lines_for(rule.start)}
        if not headings:
            return  # no line can open the section (most rules on most pages): nothing to count
        words_before = 0
        total = None  # the document's kept words, counted when a removed heading needs them
        for position, line in enumerate(doc.lines):
            # a document that begins with a thread's heading is that thread and nothing else (a box that ends
            # where prose resumes, stop_at_prose, may head a whole-page scrape: "Trending", then the article)
            opens = position == 0 and not rule.stop_at_prose
            if (words_before >= min_words or opens) and line.index in headings and rule.matches_line(rule.start, line.text):
                if not opens and not line.kept and total is None:
                    total = sum(word_estimate(kept.text) for kept in doc.kept_lines())
                if not opens and not line.kept \
                        and (total - words_before) > self.config.section_cut_removed_heading_max_after * words_before:
                    # a heading the classifier removed may be a sidebar's, inside the article: it
                    # starts a cut only when little is left after it (a trailing teaser list)
                    continue
                heading = line.number
                following = doc.lines[position:]
                for k, later in enumerate(following):
                    if rule.stop is not None and later is not line and rule.stop.search(later.text):
                        break
                    if rule.stop_at_prose and later is not line and self._prose_resumes(following[k:]):
                        break
                    if later.kept:
                        doc.remove(later, rule.id, f"in the section that starts at line {heading}: {line.text[:50]!r}")
                return
            if line.kept:
                words_before += word_estimate(line.text)

    def _prose_resumes(self, lines: list[Line]) -> bool:
        """The next kept lines are paragraphs of prose: the article goes on
        after a box ("More in …" with a teaser or two) printed inside it.
        Teaser lists alternate headlines and blurbs; paragraphs follow paragraphs."""
        need = self.config.section_cut_prose_resume_lines
        run = 0
        for line in lines:
            if not line.kept:
                continue
            if word_estimate(line.text) < self.config.section_cut_prose_min_words or not SENTENCE_END.search(line.text):
                return False
            run += 1
            if run >= need:
                return True
        return False

    def _extract(self, rule: Rule, doc: Document, hits: LineHits) -> None:
        for line in hits.lines_for(rule.pattern):
            match = line.kept and rule.matches_line(rule.pattern, line.text)
            if not match:
                continue
            value = (match.groupdict().get("value") if "value" in rule.pattern.groupindex else line.text) or ""
            value = value.strip()
            if store_field(doc, rule.field, value, line):
                doc.remove(line, rule.id, f"{rule.field} from /{rule.pattern.pattern}/", field=rule.field)


class SectionCutter(RuleStripper):
    """``cut_section`` rules, run after the line classifier: a heading such as
    "Most Read" may also head a sidebar printed *before* the article in a
    whole-page scrape, and cutting from there would cut the article; once the
    classifier has removed what lies outside the article, the words before a
    heading are article words, and ``min_words_before`` means what it says."""

    name = "sections"
    kinds = ("cut_section",)


def store_field(doc: Document, field: str, value: str, line: Line) -> bool:
    """Put ``value`` into ``doc.meta.<field>``. Single-valued fields keep the
    first value found. Returns False when the value is unusable (then the line
    stays)."""
    meta = doc.meta
    if not value:
        return False
    if field == "title":
        meta.title = meta.title or value
    elif field == "authors":
        names = [normalise_name(name) for name in split_names(value)]
        if not names:
            return False
        if not meta.authors:
            meta.authors = names
    elif field == "published":
        parsed = find_date(value, order=doc.date_order, context=doc.raw)
        if parsed is None:
            return False
        meta.offer_published(parsed.iso, parsed.raw, parsed.resolved_by)
    else:  # captions, credits, sections
        doc.add_to_list(field, value, line)
    return True
