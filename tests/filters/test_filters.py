"""Filters: what is left decides whether a document is kept."""

from __future__ import annotations

from cleaner import Cleaner
from cleaner.config import Config
from cleaner.document import Document
from cleaner.filters import NoProse, TooShort, word_estimate

ARTICLE = [
    "The harbour authority approved a plan on Tuesday to dredge the inner basin for the first time in twenty years.",
    "Work will begin in the autumn and take about six weeks, the authority said in a statement.",
]


def test_headline_list_is_no_article():
    doc = Document.from_text("a.txt", "\n".join(["Popular right now", "Teachers vote to accept revised pay offer",
                                                  "Water company fined over sewage spills into the River Lenn"]))
    drop = NoProse().filter(doc)
    assert drop is not None and drop.filter_id == "filter.no-prose"
    assert NoProse().filter(Document.from_text("b.txt", "\n".join(ARTICLE))) is None


def test_one_sentence_is_enough_and_cjk_sentences_count():
    assert NoProse().filter(Document.from_text("a.txt", "Menu\n" + ARTICLE[1])) is None
    japanese = "先日、不正に改造したスマートフォンを販売したとして男性が逮捕されたというニュースを耳にしました。"
    assert NoProse().filter(Document.from_text("j.txt", japanese)) is None


def test_short_brief_is_kept_but_fragments_are_not():
    assert TooShort(Config()).filter(Document.from_text("a.txt", "\n".join(ARTICLE))) is None
    assert TooShort(Config()).filter(Document.from_text("b.txt", ARTICLE[1])) is not None


def test_words_are_estimated_in_unspaced_scripts():
    assert word_estimate("Ferry fares rise again") == 4
    assert word_estimate("商標権侵害と判断される") == 5
    assert word_estimate("Kindle for PCの起動ホットキー") == 3 + 4  # "PC" joins the spaced words


def test_comment_thread_heading_cuts_the_comments():
    page = ["Harbour basin to be dredged", *ARTICLE,
            "Skippers welcomed the decision but said the delay had already cost them a season of landings.",
            "3 responses to “Harbour basin to be dredged”", "Tom Reed on March 12, 2024 at 9:14 am said:",
            "Great news for the harbour, about time somebody did something about the silt.",
            "Ana Ruiz on March 12, 2024 at 10:02 am said:", "Agreed, the boats have been stuck for years now, every low tide."]
    doc = Cleaner().clean_text("\n\n".join(page))
    assert doc.text.endswith("a season of landings.")
    assert any(r.rule_id == "generic.comments-count-heading" for r in doc.removals)


def test_article_printed_as_one_line_is_prose():
    """A whole article on one line that ends with a link label, not a full stop."""
    blob = " ".join(ARTICLE) + " Read in browser »"
    assert NoProse().filter(Document.from_text("a.txt", "Menu\n" + blob)) is None
    assert NoProse().filter(Document.from_text("b.txt", "Menu\nHome. News. Sport. Weather. Read in browser »")) is not None


def test_wordpress_says_header_cuts_the_comments():
    page = ["Harbour basin to be dredged", *ARTICLE,
            "Skippers welcomed the decision but said the delay had already cost them a season of landings.",
            "1. Tom Reed says:", "Great news for the harbour, about time somebody did something about the silt.",
            "2. Ana Ruiz says:", "Agreed, the boats have been stuck for years now, every low tide."]
    doc = Cleaner().clean_text("\n\n".join(page))
    assert doc.text.endswith("a season of landings.")
    assert any(r.rule_id == "generic.comment-says" for r in doc.removals)
    # a headline that ends with "Says" is not a comment
    story = Cleaner().clean_text("\n\n".join([*ARTICLE, "What the Harbour Master Says", *ARTICLE[:1]]))
    assert not any(r.rule_id == "generic.comment-says" for r in story.removals)
