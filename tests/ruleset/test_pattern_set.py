"""The RE2 set prefilter of the line rules: it may only narrow the search, never change a match."""

from __future__ import annotations

from cleaner.config import Config
from cleaner.document import Document
from cleaner.ruleset import builtin_rules_dir, load_rules
from cleaner.ruleset.pattern_set import PatternSet
from cleaner.ruleset.safe_regex import compile_pattern
from cleaner.strippers.rules import RuleStripper, SectionCutter

PATTERNS = [compile_pattern(p) for p in (r"(?i)^share this\b", r"\d{4}$", r"caf\w+")]
LINES = ["Share this story", "Founded in 1999", "The Cafés of Paris", "Nothing here", "bad \ud800 café", ""]


def test_candidates_are_the_patterns_that_search_finds():
    patterns = PatternSet(PATTERNS)
    for line in LINES:
        found = patterns.candidates(line)
        assert found is not None
        assert {i for i, p in enumerate(PATTERNS) if p.search(line)} == found - {len(PATTERNS)}


def test_equal_patterns_share_an_index():
    patterns = PatternSet([PATTERNS[0], compile_pattern(PATTERNS[0].pattern), PATTERNS[1]])
    assert patterns.index == {PATTERNS[0]: 0, PATTERNS[1]: 2}


class _FailingSet:
    """What ``re2.Set.Match`` gives when its DFA runs out of memory: no match at all."""

    def Match(self, text):  # noqa: N802 (re2's name)
        return None


def _strip_all(make_failing: bool, lines: list[str]) -> tuple[list[str], list[str]]:
    rules = load_rules([builtin_rules_dir()])
    doc = Document.from_text("a.txt", "\n".join(lines))
    for step in (RuleStripper(rules, Config()), SectionCutter(rules, Config())):
        if make_failing:
            step.prefilter._set = _FailingSet()
        step.strip(doc)
    return [line.text for line in doc.lines if line.kept], [r.rule_id for r in doc.removals]


def test_a_failing_set_falls_back_to_every_rule():
    lines = ["Council approves the new harbour plan", "Share this article", "By Jane Roe",
             "The council voted on Tuesday to approve the plan, which had been debated for two years. " * 3,
             "Related Articles", "Ferry fares rise again next month", "Storm damages sea wall"]
    with_set = _strip_all(False, lines)
    assert with_set[1]  # the sample exercises some rule
    assert _strip_all(True, lines) == with_set
