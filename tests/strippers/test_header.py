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
