"""The header step: title, byline, date and section lines at the top of a page."""

from __future__ import annotations


def test_comment_headers_are_no_byline_or_date_and_start_the_thread():
    from cleaner import Cleaner

    article = ["Harbour basin to be dredged after twenty years",
               "The harbour authority approved a plan on Tuesday to dredge the inner basin for the first time in twenty "
               "years, clearing silt that has left fishing boats stranded at low tide, officials said.",
               "Work will begin in the autumn and take about six weeks, during which the slipway and the fish market "
               "will stay open, the authority said in a statement on Tuesday afternoon."]
    thread = ["Tom Reed on March 12, 2024 at 9:14 am said:", "Great news for the harbour, about time somebody did it.",
              "Ana Ruiz on March 12, 2024 at 10:02 am said:", "Agreed, the boats have been stuck for years at every low tide."]
    doc = Cleaner().clean_text("\n\n".join(article + thread))
    assert doc.meta.authors == []
    assert doc.text == "\n\n".join(article[1:])
    by_text = {doc.lines[r.line].text: r.rule_id for r in doc.removals}
    assert by_text[thread[0]] == by_text[thread[2]] == "generic.comment-header"  # not taken for a date line


STORY = ["The harbour authority approved a plan on Tuesday to dredge the inner basin for the first time in twenty years, "
         "clearing silt that has left fishing boats stranded at low tide, officials said.",
         "Work will begin in the autumn and take about six weeks, during which the slipway and the fish market will "
         "stay open, the authority said in a statement on Tuesday afternoon."]


def test_a_list_item_is_never_the_title():
    from cleaner.config import Config
    from cleaner.document import Document
    from cleaner.strippers.header import HeaderStripper

    timetable = "\n".join(["Stage 1: 10 March – inner basin", "Stage 2: 8 April – outer basin and the old pier",
                           "Stage 3: 22 April – slipway and fish market"])
    doc = Document.from_text("t.txt", "\n\n".join(["Harbour works", timetable, *STORY]))
    HeaderStripper(Config()).strip(doc)
    assert doc.meta.title == "Harbour works"  # not "Stage 3: …", the list's last item, nor its middle one


def test_a_long_paragraph_above_a_guessed_title_is_left_to_the_classifier():
    from cleaner import Cleaner
    from cleaner.document import Document
    from cleaner.strippers.header import HeaderStripper

    header = next(step for step in Cleaner().pipeline.steps if isinstance(step, HeaderStripper))  # with stoplists

    lost_stop = ("The plan was first drawn up in the spring after a long winter in which the boats of the inner "
                 "basin could not leave the harbour at low tide for weeks on end and the fishermen said that "
                 "they had lost most of the season because of it and that the council had done nothing")
    doc = Document.from_text("t.txt", "\n\n".join([lost_stop, "Harbour basin to be dredged", *STORY]))
    header.strip(doc)
    assert doc.meta.title == "Harbour basin to be dredged"
    assert doc.lines[0].kept  # it lost its full stop, yet it reads as prose
    short = Document.from_text("t.txt", "\n\n".join(["Home and garden and the news of the day",
                                                     "Harbour basin to be dredged", *STORY]))
    header.strip(short)
    assert not short.lines[0].kept


def test_a_by_label_on_its_own_line_and_the_standfirst_above_it():
    from cleaner.config import Config
    from cleaner.document import Document
    from cleaner.strippers.header import BYLINE_ID, STANDFIRST_ID, HeaderStripper

    page = ["Harbour basin to be dredged after twenty years",
            "The plan ends two decades of silt, and boats stranded at every low tide.",  # the standfirst
            "By", "Mara Quill", *STORY]
    doc = Document.from_text("t.txt", "\n\n".join(page))
    HeaderStripper(Config()).strip(doc)
    assert doc.meta.title == page[0] and doc.meta.authors == ["Mara Quill"]
    assert {doc.lines[r.line].text: r.rule_id for r in doc.removals} == {
        page[0]: "heuristic.header.title", page[1]: STANDFIRST_ID, "By": BYLINE_ID, "Mara Quill": BYLINE_ID}
    assert doc.text == "\n\n".join(STORY)
    # without a byline or date under it, the line under the title may be the story's first sentence: it stays
    plain = Document.from_text("t.txt", "\n\n".join([page[0], page[1], *STORY]))
    HeaderStripper(Config()).strip(plain)
    assert plain.text == "\n\n".join([page[1], *STORY])


def test_a_breadcrumb_title_is_evidence_a_declared_title_is_final():
    """A breadcrumb ending with the next line makes that line the header's title,
    but the title ranker still weighs it against the other candidates (a sidebar
    entry may end with its neighbour too); a title the page declared is final."""
    from cleaner.config import Config
    from cleaner.document import Document
    from cleaner.strippers.header import BREADCRUMB_ID, TITLE_ID, HeaderStripper

    page = ["Home › Harbour › Harbour basin to be dredged after twenty years",
            "Harbour basin to be dredged after twenty years", *STORY]
    doc = Document.from_text("t.txt", "\n\n".join(page))
    HeaderStripper(Config()).strip(doc)
    assert [line.removal.rule_id for line in doc.lines[:2]] == [BREADCRUMB_ID, TITLE_ID]
    assert doc.meta.title == "Harbour basin to be dredged after twenty years" and not doc.title_confirmed

    declared = Document.from_text("t.txt", "\n\n".join(page[1:]))
    declared.meta.title = "Harbour basin to be dredged after twenty years"
    HeaderStripper(Config()).strip(declared)
    assert declared.title_confirmed


def test_comment_header_reads_the_line_end_as_the_pattern_does():
    """comment_header searches a line's last characters only: the same answer as COMMENT_HEADER over the whole line."""
    from hypothesis import given
    from hypothesis import strategies as st

    from cleaner.strippers.header import COMMENT_HEADER, comment_header

    pieces = st.sampled_from(["said", "SAYS", "wrote", "Replied", "ſaid", "İ", "un", "x", "-", " ", "\u00a0", "\t", ":",
                              "é", "_", "1", "on March 3, 2024 at 4:47 pm", "Jane Roe"])

    @given(st.lists(pieces, max_size=8).map("".join))
    def same(text):
        assert comment_header(text) == bool(COMMENT_HEADER.search(text))

    same()
    assert comment_header("Tom Reed on March 12, 2024 at 9:14 am said:")
    assert not comment_header("Tom Reed said: ") and not comment_header("unsaid")
