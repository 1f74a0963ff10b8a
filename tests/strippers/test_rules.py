"""Rule strippers: cut_section ends where the article's prose resumes (``stop_at_prose``)."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.config import Config
from cleaner.document import Document
from cleaner.errors import RuleFileError
from cleaner.ruleset import builtin_rules_dir, load_rules
from cleaner.strippers.rules import RuleStripper, SectionCutter

LEAD = [
    "The harbour authority approved a plan on Tuesday to dredge the inner basin for the first time in twenty "
    "years, clearing silt that has left fishing boats stranded at low tide for most of the past winter.",
    "Work will begin in the autumn and take about six weeks, during which the slipway and the fish market will "
    "stay open to the public, the authority said in a statement issued after the vote.",
]
BOX = ["More in Harbour News", "Ferry fares rise again next month"]
REST = [
    "Skippers welcomed the decision but said the delay had already cost them a season of early-morning landings, "
    "and several of them asked the authority to waive this year's mooring fees in compensation.",
    "The authority's chair said the fees would be reviewed in the spring, once the cost of the dredging was known "
    "and the contractor had confirmed that the work could be finished before the summer season.",
]
TEASERS = ["Lighthouse keeper retires after forty years", "Council votes on new bus routes",
           "Storm damages sea wall at the north pier", "Fish market to open on Sundays"]


def cut(lines: list[str]) -> list[str]:
    """The lines the section step keeps (every line kept before it: the step alone is tested)."""
    doc = Document.from_text("a.txt", "\n".join(lines))
    SectionCutter(load_rules([builtin_rules_dir()]), Config()).strip(doc)
    return [line.text for line in doc.lines if line.kept]


def test_box_inside_the_article_is_cut_but_the_story_goes_on():
    assert cut([*LEAD, *BOX, *REST]) == LEAD + REST


def test_trailing_teaser_list_is_still_cut():
    assert cut([*LEAD, *REST, "More in Harbour News", *TEASERS]) == LEAD + REST


def test_one_long_paragraph_after_the_heading_is_not_enough():
    """One long blurb under "More in ..." is a teaser; prose resumes only with paragraphs in a row."""
    assert cut([*LEAD, "More in Harbour News", REST[0], *TEASERS]) == LEAD


def test_comment_sections_do_not_stop_at_prose():
    """Comments are prose too: generic.comments-section has no stop_at_prose."""
    assert cut([*LEAD, "Comments", *REST]) == LEAD


def test_end_to_end_box_inside_an_article():
    text = Cleaner().clean_text("\n\n".join(["Harbour basin to be dredged", *LEAD, *BOX, *REST])).text
    assert all(paragraph in text for paragraph in LEAD + REST)


def test_stop_at_prose_must_be_a_boolean(tmp_path):
    (tmp_path / "r.toml").write_text('''[[rule]]
id = "x.cut"
rationale = "test"
kind = "cut_section"
start = "^More$"
stop_at_prose = "yes"
''', encoding="utf-8")
    with pytest.raises(RuleFileError, match="stop_at_prose"):
        load_rules([tmp_path])


@pytest.mark.parametrize(("line", "rule_id", "field"), [
    ("In this photo released by the harbour authority, a dredger works the inner basin.", "generic.caption-in-this-photo", "captions"),
    ("In this Nov. 5, 2019, file photo, boats wait for the tide.", "generic.caption-in-this-photo", "captions"),
    ("Ana Ruiz | Harbour Post | Getty Images", "generic.credit-photo-agency", "credits"),
    ("AP Photo/Tom Reed", "generic.credit-photo-agency", "credits"),
    ("£89 at Paperleaf", "generic.deal-button", None),
    ("Check price", "generic.deal-button", None),
    ("airpods-pro-2.jpg", "generic.file-name-line", None),
    ("• medium-wide-browser-and-larger", "generic.file-name-line", None),
    ("milano-design-week-2018-flos-Arrangements-01", "generic.file-name-line", None),
])
def test_generic_chrome_rules(line, rule_id, field):
    doc = Document.from_text("a.txt", "\n".join([LEAD[0], line, LEAD[1]]))
    RuleStripper(load_rules([builtin_rules_dir()]), Config()).strip(doc)
    removed = doc.lines[1].removal
    assert removed is not None and removed.rule_id == rule_id and removed.field == field
    assert doc.lines[0].kept and doc.lines[2].kept


@pytest.mark.parametrize("line", ["By Ana Ruiz, Reuters", "In this article we explain the dredging plan.",
                                  "The meeting was at noon", "Best-of-Breed", "ESPHome-Seeed-Xiao-ESP32-C6-Config",
                                  "pg_stat_statements", "project_final_v2.py", "02-751-1500", "415-561-0230",
                                  "2019-11-18", "1-2-3-4"])
def test_generic_chrome_rules_leave_text_alone(line):
    doc = Document.from_text("a.txt", "\n".join([LEAD[0], line, LEAD[1]]))
    RuleStripper(load_rules([builtin_rules_dir()]), Config()).strip(doc)
    assert doc.lines[1].kept


@pytest.mark.parametrize("heading", ["More World", "• More Blog Stories", "More From The Web", "Recent posts",
                                     "Popular Articles", "More videos", "Related topics", "Explore more"])
def test_more_headings_cut_a_trailing_teaser_list(heading):
    assert cut([*LEAD, *REST, heading, *TEASERS]) == LEAD + REST


@pytest.mark.parametrize("line", ["More rain is expected", "more world news"])
def test_lines_that_only_start_with_more_cut_nothing(line):
    """A sentence ("More rain is expected") is no heading; "More X" must name a capitalised section."""
    assert cut([*LEAD, *REST, line, *TEASERS]) == [*LEAD, *REST, line, *TEASERS]


def test_a_japanese_article_counts_its_words_and_sentences_too():
    """Two characters count as a word (word_estimate): a related heading after a Japanese article cuts."""
    article = ["港の浚渫工事が二十年ぶりに始まることが決まり、漁師たちは干潮のたびに船が動けなくなる問題が解決すると期待している。",
               "工事は秋に始まり約六週間かかる予定で、その間も魚市場と船着き場は通常どおり営業すると当局は説明した。"]
    assert cut([*article, "関連記事", "• 灯台守が四十年の勤めを終える", "• 新しいバス路線が決まる"]) == article


def test_a_document_that_begins_with_a_comment_thread_heading_is_that_thread():
    """A scrape of only the comments ("Discussion about this post", then comments) holds no article."""
    thread = ["Discussion about this post", "Ana Ruiz's avatar", REST[0], "Expand full comment", REST[1]]
    assert cut(thread) == []
    doc = Cleaner().clean_text("\n\n".join(thread))
    assert doc.status.value == "dropped"
    # a box that ends where prose resumes ("Trending" over a whole page) does not swallow the article
    assert cut(["Trending", *TEASERS[:2], *LEAD, *REST]) == ["Trending", *TEASERS[:2], *LEAD, *REST]
    assert cut([*LEAD, *REST, "Discussion about this post", "Great piece, thanks."]) == LEAD + REST


def test_references_heading_cuts_the_works_cited():
    refs = ["References", "1. Roe J. Silt in small harbours. Coastal Engineering Notes. 2019;12:44-51.",
            "2. Reed T, Ruiz A. Dredging and the inshore fleet. Fisheries Review. 2021;7:3-9."]
    doc = Cleaner().clean_text("\n\n".join([*LEAD, *REST, *refs]))
    assert doc.text.endswith(REST[-1])
    assert any(r.rule_id == "generic.references-section" for r in doc.removals)
