"""Code listings and tables: runs the region search crosses and keeps."""

from __future__ import annotations

from types import SimpleNamespace

from cleaner import Cleaner
from cleaner.strippers.classifier import LineClassifier
from cleaner.strippers.structured import counted_lists, introduced_lists, structured_line, structured_runs

INTRO = [
    "A partial index is one of the cheapest ways to speed up a table that mostly serves queries about a few rows.",
    "Most of our orders are closed within a day, so the queries that matter only ever look at the open ones.",
    "Here are the statements we ran, with the slow query we started from repeated after each change:",
]
LISTING = [
    "-- Index only the rows that are still open",
    "CREATE INDEX idx_open_orders ON orders(created_at)",
    "WHERE status = 'open';",
    "-- The slow query we started from",
    "SELECT id, customer_id, total FROM orders",
    "WHERE status = 'open' AND created_at > '2024-01-01'",
    "ORDER BY total DESC;",
    "-- Keep the statistics fresh",
    "ANALYZE orders;",
    "-- Compare the plans",
    "EXPLAIN SELECT id FROM orders WHERE status = 'open';",
    "EXPLAIN SELECT id FROM orders WHERE status = 'closed';",
    "-- Drop the old index that nothing uses",
    "DROP INDEX IF EXISTS idx_orders_created;",
    "-- Count what the new index covers",
    "SELECT count(*) FROM orders WHERE status = 'open';",
    "-- Sizes of both",
    "SELECT pg_size_pretty(pg_relation_size('idx_open_orders'));",
    "SELECT pg_size_pretty(pg_relation_size('orders'));",
    "-- A covering variant for the report",
    "CREATE INDEX idx_open_totals ON orders(created_at) INCLUDE (total)",
    "WHERE status = 'open';",
]
OUTRO = [
    "The first run took a full second, but after the index was built the same query returned in a few milliseconds.",
    "Keep in mind that the planner only uses the index when the query repeats the condition the index was built with.",
    "When most rows become open again, the index grows back to the size of the table and loses its advantage.",
]


def test_code_and_table_lines_are_structured_prose_is_not():
    assert structured_line("x = compute(y);")
    assert structured_line("SELECT name FROM users")
    assert structured_line("Ferry\t\t12:40")
    assert not structured_line("We went home early, and the ferry left without us.")
    assert not structured_line("Home | News | Sport | Weather")


def test_runs_need_enough_lines_and_bridge_one_plain_line():
    lines = ["Some words here.", "a = 1", "# set the second value", "b = 2", "c = a + b", "Back to prose."]
    assert structured_runs(lines, 3) == [False, True, True, True, True, False]
    assert structured_runs(lines[:4], 3) == [False] * 4  # only two structured lines
    assert structured_runs(["a = 1", "Prose.", "Prose again.", "b = 2", "c = 3"], 3) == [False] * 5


def test_listing_inside_an_article_does_not_split_it():
    text = "\n\n".join(INTRO) + "\n\n" + "\n".join(LISTING) + "\n\n" + "\n\n".join(OUTRO)
    doc = Cleaner().clean_text(text)
    kept = [line.text for line in doc.kept_lines()]
    for line in INTRO + OUTRO:
        assert line in kept
    assert all(line in kept for line in LISTING)


def test_region_search_crosses_a_structured_run_and_only_then():
    """Low-scoring lines split the region unless they form a structured run (the helper can fail)."""
    clf = LineClassifier()
    stats = [SimpleNamespace(words=12)] * 16
    probs = [0.9] * 4 + [0.1] * 8 + [0.9] * 4
    assert clf.find_regions(stats, probs, 0.6) != [(0, 16)]
    assert clf.find_regions(stats, probs, 0.6, [False] * 4 + [True] * 8 + [False] * 4) == [(0, 16)]
    # a structured run that scores well still counts for the article
    assert clf.find_regions(stats, [0.1] * 4 + [0.9] * 8 + [0.1] * 4, 0.6, [True] * 16) == [(4, 12)]


def test_lists_introduced_by_a_colon_line():
    lines = ["What we packed:", "1. a torch", "2) a map", "- spare socks", "Then we left.", "Sections", "• Home", "• News"]
    assert introduced_lists(lines, 2, 25) == [False, True, True, True, False, False, False, False]
    assert introduced_lists(lines, 4, 25) == [False] * 8  # three items are fewer than four
    long_intro = ["This sentence that ends with a colon runs on for far too many words to be a list's label:", "• a", "• b"]
    assert introduced_lists(long_intro, 2, 10) == [False] * 3


def test_lists_numbered_in_order():
    lines = ["Our picks:", "1) A torch", "amzn.example/1", "2) A map", "amzn.example/2", "3) A stove",
             "4) A tent", "Thanks for reading."]
    assert counted_lists(lines, 4, 2) == [False, True, True, True, True, True, True, False]
    assert counted_lists(lines, 5, 2) == [False] * 8  # four items only
    assert counted_lists(["1) a", "x", "y", "z", "2) b", "3) c", "4) d"], 3, 2) == [False] * 7  # gap too wide


def test_the_call_pretest_never_rules_out_a_call():
    """_may_end_with_call holds for every line CODE_CALL finds a call in (it only spares the search)."""
    from hypothesis import given
    from hypothesis import strategies as st

    from cleaner.strippers.structured import CODE_CALL, _may_end_with_call

    @given(st.lists(st.sampled_from(["f", "(", ")", "x, y", ";", ":", "{", " ", "\t", "\n", ".", "é"]), max_size=10).map("".join))
    def holds(text):
        assert _may_end_with_call(text) or not CODE_CALL.search(text)

    holds()
