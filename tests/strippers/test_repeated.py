"""Paragraphs printed twice: captions in a row, later copies of a long line; listings are left alone."""

from __future__ import annotations

from cleaner.config import Config
from cleaner.document import Document
from cleaner.strippers.repeated import CAPTION_ID, COPY_ID, RepeatedParagraphs

CAPTION = "Crowds gather on the pier to watch the first ferry of the season leave for the island."
PARA = "The council said the timetable would be reviewed again in the autumn, after the first full season."


def _rules(lines: list[str]) -> list[str]:
    doc = Document.from_text("a.txt", "\n".join(lines))
    RepeatedParagraphs(Config()).strip(doc)
    return [line.removal.rule_id if line.removal else "" for line in doc.lines]


def test_caption_twice_in_a_row_and_a_later_copy():
    assert _rules([CAPTION, CAPTION, PARA, "Something else entirely was said here by the mayor later on.", PARA]) == [
        CAPTION_ID, CAPTION_ID, "", "", COPY_ID]


def test_repeated_lines_of_a_listing_stay():
    listing = ["SELECT id, total FROM orders WHERE status = 'open' AND total > 100;",
               "UPDATE orders SET flagged = true WHERE status = 'open' AND total > 100;",
               "SELECT id, total FROM orders WHERE status = 'open' AND total > 100;"]
    assert _rules([PARA, *listing]) == ["", "", "", ""]
    # the same line outside a listing is a copy (the helper can fail)
    assert _rules([PARA, listing[0], "Then we waited for a week and looked at the numbers again.", listing[0]])[-1] == COPY_ID
