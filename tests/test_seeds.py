"""Golden test: the two real scrapes produce exactly their expected records.

The seeds and their expected records live in ../shared (never copied here).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner, RuleOptions
from cleaner.writers import to_record

FIELDS = ("text", "title", "authors", "published", "language", "captions", "credits")


def expected_records(shared: Path) -> dict[str, dict]:
    out = {}
    for seed in sorted((shared / "seeds").glob("*.txt")):
        exp_path = shared / "seeds-expected" / (seed.stem + ".json")
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        assert exp.get("source") == seed.name, f"{exp_path} describes {exp.get('source')}, not {seed.name}"
        out[seed.name] = exp
    return out


@pytest.fixture(scope="module")
def seed_records(shared):
    cleaner = Cleaner()
    records = {Path(doc.source).name: to_record(doc) for doc in cleaner.run([shared / "seeds"])}
    return records


@pytest.mark.parametrize("field", FIELDS)
def test_seed_records_exact(shared, seed_records, field):
    expected = expected_records(shared)
    assert set(seed_records) == set(expected)
    for name, exp in expected.items():
        assert seed_records[name][field] == exp[field], f"{name}: {field}"


def test_seed_bodies_without_site_rules(shared):
    """Generic rules and heuristics alone get both bodies exactly right."""
    cleaner = Cleaner(rule_options=RuleOptions(site_rules=False))
    assert any(rule.scope.is_site for rule in Cleaner().rules.rules)
    assert not any(rule.scope.is_site for rule in cleaner.rules.rules)
    expected = expected_records(shared)
    for doc in cleaner.run([shared / "seeds"]):
        assert doc.text == expected[Path(doc.source).name]["text"], doc.source
