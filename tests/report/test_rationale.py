"""Every id that can show up in a record or a reject has a one-line rationale."""

from __future__ import annotations

import re

from cleaner.report.rationale import HEURISTICS, REASONS, rationale
from tests.conftest import ROOT

ID_LITERAL = re.compile(r'["\']((?:heuristic|filter|error)\.[a-z0-9.-]+)["\']')


def ids_in_code() -> set[str]:
    found = set()
    for path in (ROOT / "cleaner").rglob("*.py"):
        if path.parent.name != "report":
            found.update(ID_LITERAL.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_heuristic_filter_and_error_id_has_its_own_rationale():
    ids = ids_in_code()
    assert {"heuristic.separator", "filter.too-short", "error.input"} <= ids  # the scan finds ids
    missing = sorted(i for i in ids if i not in HEURISTICS and i not in REASONS)
    assert not missing, f"add a one-line rationale to cleaner/report/rationale.py for: {missing}"


def test_rules_give_their_own_rationale(cleaner):
    rules = cleaner.rules.by_id()
    rule = next(iter(rules.values()))
    assert rationale(rule.id, rules) == rule.rationale
    assert rationale("site.nowhere.rule", rules) is None
