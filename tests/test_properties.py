"""Invariants of a cleaner, checked with hypothesis across the fixture files
and the seeds:

* idempotence: cleaning the output text again changes nothing;
* nothing is invented and order is kept: the output paragraphs are a
  subsequence of the input lines;
* replaying the removal log on the input lines gives the output;
* inserting known chrome around or between paragraphs changes nothing;
* arbitrary bytes and arbitrary text never raise.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.document import Status
from tests.conftest import FIXTURES, SHARED

INPUTS = sorted(FIXTURES.glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
TEXTS = {path.name: path.read_text(encoding="utf-8") for path in INPUTS}
NAMES = sorted(TEXTS)

#: chrome lines that cleaner must remove wherever they are inserted
CHROME = [
    "Advertisement",
    "ADVERTISEMENT",
    "Share this article",
    "Share on Facebook",
    "Facebook Twitter Email",
    "Sign up for our newsletter",
    "© 2024 Example Media Group. All rights reserved.",
    "We use cookies to improve your experience on our site. Accept all",
    "Read more: Council approves new budget for the coming year",
    "Sponsored content",
]


def is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    """True when ``needles`` occur in ``haystack`` in the same order.

    >>> is_subsequence(["a", "c"], ["a", "b", "c"]), is_subsequence(["c", "a"], ["a", "b", "c"])
    (True, False)
    """
    it = iter(haystack)
    return all(any(n == h for h in it) for n in needles)


def input_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_helpers_can_fail():
    assert not is_subsequence(["x"], ["a"])
    assert not is_subsequence(["b", "a"], ["a", "b"])


def test_there_are_inputs():
    assert len(NAMES) >= 12


@given(name=st.sampled_from(NAMES))
def test_idempotent(cleaner, name):
    first = cleaner.clean_text(TEXTS[name], source=name)
    if first.status is not Status.KEPT:
        return
    second = cleaner.clean_text(first.text, source=name)
    assert second.status is Status.KEPT
    assert second.text == first.text


@given(name=st.sampled_from(NAMES))
def test_output_is_an_ordered_subsequence_of_the_input(cleaner, name):
    doc = cleaner.clean_text(TEXTS[name], source=name)
    paragraphs = doc.text.split("\n\n") if doc.text else []
    assert is_subsequence(paragraphs, input_lines(TEXTS[name]))


@given(name=st.sampled_from(NAMES))
def test_replaying_removals_gives_the_output(cleaner, name):
    doc = cleaner.clean_text(TEXTS[name], source=name)
    removed = {removal.line for removal in doc.removals}
    assert len(removed) == len(doc.removals)  # each line removed once
    replay = "\n\n".join(line.text for line in doc.lines if line.index not in removed)
    assert replay == doc.text
    assert all(removal.rule_id and removal.evidence for removal in doc.removals)


@given(name=st.sampled_from(NAMES), data=st.data())
def test_inserting_chrome_changes_nothing(cleaner, name, data):
    original = cleaner.clean_text(TEXTS[name], source=name)
    lines = TEXTS[name].split("\n")
    inserts = data.draw(st.lists(st.tuples(st.integers(0, len(lines)), st.sampled_from(CHROME)), min_size=1, max_size=6))
    for position, chrome in sorted(inserts, reverse=True):
        lines[position:position] = ["", chrome, ""]
    changed = cleaner.clean_text("\n".join(lines), source=name)
    assert changed.status is original.status
    assert changed.text == original.text


@given(st.binary(max_size=4000))
def test_arbitrary_bytes_never_raise(cleaner, data):
    for kind in ("text", "html"):
        doc = cleaner.clean_bytes(data, "fuzz", kind=kind)
        assert doc.status in set(Status)
        if doc.status is not Status.KEPT:
            assert doc.reason


@given(st.text(max_size=3000))
def test_arbitrary_text_never_raises(cleaner, text):
    doc = cleaner.clean_text(text)
    assert doc.status is not Status.ERROR, doc.reason
    assert is_subsequence(doc.text.split("\n\n") if doc.text else [], input_lines(text.replace("\r\n", "\n").replace("\r", "\n")))


@pytest.mark.parametrize("name", NAMES)
def test_idempotent_every_input(cleaner, name):
    """The same property, exhaustively over every input (cheap: a few dozen files)."""
    first = cleaner.clean_text(TEXTS[name], source=name)
    if first.status is Status.KEPT:
        assert cleaner.clean_text(first.text).text == first.text
