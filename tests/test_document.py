"""The Document record: lines, removals, replay."""

from __future__ import annotations

from cleaner.document import Document, content_id


def test_lines_keep_numbers_and_strip():
    doc = Document.from_text("a", "  one  \n\n\ttwo\n")
    assert [(line.index, line.number, line.text) for line in doc.lines] == [(0, 1, "one"), (1, 3, "two")]


def test_remove_logs_once_and_text_skips_removed():
    doc = Document.from_text("a", "one\ntwo\nthree")
    assert doc.remove(doc.lines[1], "rule.x", "because")
    assert not doc.remove(doc.lines[1], "rule.y", "again")
    assert doc.text == "one\n\nthree"
    assert [(r.rule_id, r.line) for r in doc.removals] == [("rule.x", 1)]


def test_replaying_removals_gives_the_text():
    doc = Document.from_text("a", "a\nb\nc\nd")
    doc.remove(doc.lines[0], "r1", "e")
    doc.remove(doc.lines[2], "r2", "e")
    removed = {r.line for r in doc.removals}
    replay = "\n\n".join(line.text for line in doc.lines if line.index not in removed)
    assert replay == doc.text == "b\n\nd"


def test_content_id_is_stable_and_content_based():
    assert content_id("A  b") == content_id("a b") != content_id("a c")
    assert len(content_id("x")) == 16
