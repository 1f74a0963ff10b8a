"""Golden tests: every fixture in fixtures/ produces exactly its expected record.

A case lists `expected` (exact fields) and `with` / `without` snippets (coarse,
readable checks that say what went wrong when `text` differs). Known failures
are listed in KNOWN_FAILURES and run as strict xfails: when one starts
passing, the suite says so.
"""

from __future__ import annotations

import json

import pytest

from cleaner.document import Status
from cleaner.writers import to_record
from tests.conftest import FIXTURES

CASES = sorted(FIXTURES.glob("*.expected.json"))
FIELDS = ("text", "title", "authors", "published", "language", "captions", "credits")

#: fixture name → why it still fails (strict xfail: fixing it makes the suite say so)
KNOWN_FAILURES: dict[str, str] = {}


def load(case_path):
    return json.loads(case_path.read_text(encoding="utf-8"))


def check_case(case: dict, doc) -> list[str]:
    """Every difference between the cleaner's result and the case."""
    expected = case["expected"]
    if expected.get("status") == "rejected":
        if doc.status is Status.KEPT:
            return [f"expected no record, got one with text {doc.text[:80]!r}"]
        return []
    if doc.status is not Status.KEPT:
        return [f"expected a record, got {doc.status.value}: {doc.reason}"]
    record = to_record(doc)
    problems = [f"`with` snippet missing: {s!r}" for s in case.get("with", []) if s not in record["text"]]
    problems += [f"`without` snippet present: {s!r}" for s in case.get("without", []) if s in record["text"]]
    problems += [f"{field}: want {expected[field]!r}, got {record[field]!r}" for field in FIELDS
                 if field in expected and record[field] != expected[field]]
    return problems


def params():
    for path in CASES:
        name = path.name[: -len(".expected.json")]
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[name])] if name in KNOWN_FAILURES else []
        yield pytest.param(path, id=name, marks=marks)


def test_there_are_enough_fixtures():
    assert len(CASES) >= 12


@pytest.mark.parametrize("case_path", list(params()))
def test_fixture(cleaner, case_path):
    case = load(case_path)
    doc = cleaner.clean_document(cleaner.pipeline.read(str(FIXTURES / case["input"])))
    problems = check_case(case, doc)
    assert not problems, "\n".join(problems)


def test_check_case_can_fail(cleaner):
    """The helper must report a wrong record (a test that cannot fail is a defect)."""
    case = load(CASES[0])
    doc = cleaner.clean_text("A completely different article about gardening in spring, with enough words "
                             "to be kept by the filters of the cleaner, and more words about seeds and soil.\n\n"
                             "Second paragraph here, about watering the beds in the evening when the sun is low "
                             "and the wind has dropped, so that the water soaks in before it can evaporate.")
    assert doc.status is Status.KEPT
    assert check_case(case, doc)
    rejected_case = {"expected": {"status": "rejected"}}
    assert check_case(rejected_case, doc)
