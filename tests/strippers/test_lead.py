"""Labels left at the edges of the article (cleaner/strippers/lead.py)."""

from __future__ import annotations

from cleaner.config import Config
from cleaner.document import Document
from cleaner.strippers.lead import LEAD_ID, TAIL_ID, EdgeLabels

BODY = ["The harbour authority approved a plan on Tuesday to dredge the inner basin for the first time in years.",
        "Work will begin in the autumn and take about six weeks, the authority said.",
        "The slipway and the fish market will stay open during the works."]


def stripped(lines: list[str], config: Config = Config()) -> Document:
    doc = Document.from_text("t.txt", "\n\n".join(lines))
    EdgeLabels(config).strip(doc)
    return doc


def test_alt_text_and_kicker_above_the_first_sentence_go():
    doc = stripped(["Fishing boats at low tide", "HARBOUR WORKS", *BODY])
    assert doc.text == "\n\n".join(BODY)
    assert [r.rule_id for r in doc.removals] == [LEAD_ID, LEAD_ID]
    assert "line 5" in doc.removals[0].evidence  # names the first sentence's line


def test_the_article_itself_is_left_alone():
    assert stripped(BODY).removals == []  # starts with a sentence
    question = ["What does the dredging cost?", *BODY]
    assert stripped(question).removals == []  # a question ends a sentence too
    long_label = ["Harbour works " + " ".join(["and"] * 20), *BODY]
    assert stripped(long_label).removals == []  # over lead_label_max_words: not a label


def test_limits_on_the_run_and_on_what_follows():
    labels = ["One label", "Two label", "Three label", "Four label"]
    assert stripped([*labels, *BODY]).removals == []  # more than lead_label_max_lines: a list, left to others
    assert stripped([*BODY, *labels]).removals == []  # more than tail_label_max_lines
    assert stripped(["A label", BODY[0]]).removals == []  # too little is left: it may be all there is
    assert len(stripped(["A label", BODY[0]], Config(edge_label_min_lines_left=1)).removals) == 1


def test_tags_and_share_prompts_below_the_last_sentence_go():
    doc = stripped(["Fishing boats at low tide", *BODY, "Tags", "harbour, dredging, fishing"])
    assert doc.text == "\n\n".join(BODY)
    assert [r.rule_id for r in doc.removals] == [LEAD_ID, TAIL_ID, TAIL_ID]
    assert "line 7" in doc.removals[-1].evidence  # names the last sentence's line


def test_cleaning_again_changes_nothing():
    doc = stripped(["Fishing boats at low tide", *BODY, "Share this story"])
    again = stripped(doc.text.split("\n\n"))
    assert again.text == doc.text
