"""Golden test: the two real scrapes produce exactly their expected records.

The seeds and their expected records live in ../shared (never copied here).
Note: ``seeds-expected/004_*.json`` as distributed holds the record of seed 000
(its ``source`` says ``000_…``), so for seed 004 the expected record is derived
here from the seed itself by the rules the README states (body from the
dateline paragraph to the ``___`` separator, caption printed twice, credit line
after the separator), plus its byline and date values.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner, RuleOptions
from cleaner.writers import to_record

FIELDS = ("text", "title", "authors", "published", "language", "captions", "credits")


def seed_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def derived_004(path: Path) -> dict:
    lines = seed_lines(path)
    first_bullet = next(i for i, line in enumerate(lines) if line.startswith("•"))
    body_start = next(i for i, line in enumerate(lines) if line.startswith("MOSCOW —"))
    separator = lines.index("___")
    return {
        "text": "\n\n".join(lines[body_start:separator]),
        "title": lines[first_bullet - 1],
        "authors": ["Nataliya Vasilyeva", "Jim Heintz"],
        "published": "2015-10-01T01:02",
        "language": "en",
        "captions": [lines[0]],
        "credits": [lines[separator + 1]],
    }


def expected_records(shared: Path) -> dict[str, dict]:
    out = {}
    for seed in sorted((shared / "seeds").glob("*.txt")):
        exp_path = shared / "seeds-expected" / (seed.stem + ".json")
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        if exp.get("source") != seed.name:  # the distributed 004 file is a copy of 000's
            exp = derived_004(seed)
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


def test_derived_expectation_is_not_vacuous(shared):
    """The derived 004 record must be a real, non-trivial body."""
    exp = derived_004(shared / "seeds" / "004_407e9e002ca6946b.txt")
    assert exp["text"].count("\n\n") > 30 and "More in News" not in exp["text"]
    assert "Most Read" not in exp["text"] and exp["title"] not in exp["text"]
