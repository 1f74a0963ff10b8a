"""The publication date, ranked among the page's dates."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.api import RunResources
from cleaner.document import Document
from cleaner.metadata.dates import find_dates, page_order
from cleaner.metadata.published import FEATURES, DateCandidates, DateMention, RankedDate
from cleaner.metadata.ranking import RankingModel
from tests.metadata.pages import BODY

PAGE = ["Home", "News", "Harbour basin to be dredged after twenty years", "By Ana Ruiz", "Published March 3, 2024",
        "Updated March 9, 2024", *BODY, "Comments", "Tom Reed says: March 12, 2024 at 9:14 am",
        "Great news for the harbour, about time.", "More in News", "Ferry fares rise again (February 27, 2024)",
        "© 2024 Coastline Media"]


def test_whole_page_publication_date_wins_over_updates_comments_and_teasers():
    doc = Cleaner().clean_text("\n\n".join(PAGE))
    assert doc.meta.published == "2024-03-03"
    assert doc.meta.evidence["published"].startswith("line 9, score")


def test_every_resolved_date_is_a_candidate_in_page_order():
    doc = Document.from_text("a.txt", "\n".join(PAGE))
    days = [mention.parsed.iso for mention, _ in DateCandidates().candidates(doc, title_line=2)]
    assert days == ["2024-03-03", "2024-03-09", "2024-03-12T09:14:00", "2024-02-27"]


def test_ambiguous_numeric_dates_are_never_candidates():
    doc = Document.from_text("a.txt", "\n".join(["Posted 03/04/2024", *BODY]))
    assert DateCandidates().candidates(doc, title_line=None) == []


def test_model_weights_decide():
    """The pick follows the weights (the helper can fail): favour the latest date, then the earliest."""
    doc = Document.from_text("a.txt", "\n".join(PAGE))
    RankedDate(DateCandidates(), RankingModel({"latest": 5.0})).annotate(doc)
    assert doc.meta.published.startswith("2024-03-12")
    RankedDate(DateCandidates(), RankingModel({"earliest": 5.0})).annotate(doc)
    assert doc.meta.published == "2024-02-27"


def test_shipped_model_and_unknown_features():
    assert set(RunResources().model("date").weights) <= set(FEATURES)
    with pytest.raises(ValueError, match="no_such_feature"):
        RankingModel.from_json(json.dumps({"weights": {"no_such_feature": 1.0}}), "date_model.json", FEATURES)


def _features_by_day(lines: list[str]) -> dict[str, dict[str, float]]:
    doc = Document.from_text("a.txt", "\n".join(lines))
    return {mention.parsed.iso[:10]: feats for mention, feats in DateCandidates().candidates(doc, title_line=None)}


def test_each_date_is_read_with_its_own_words():
    """'Updated … Originally published …' on one line: the second date is the published one, not an update."""
    feats = _features_by_day(["Updated Mar 9, 2024 · Published Mar 3, 2024", *BODY])
    assert feats["2024-03-09"]["updated_word"] == 1.0 and feats["2024-03-09"]["published_word"] == 0.0
    assert feats["2024-03-03"]["published_word"] == 1.0 and feats["2024-03-03"]["updated_word"] == 0.0


def test_dates_of_figures_and_of_listings_are_marked():
    feats = _features_by_day([*BODY, "Prices as of March 9, 2024.", "SELECT id FROM orders WHERE day > '2024-03-01';"])
    assert feats["2024-03-09"]["as_of"] == 1.0 and feats["2024-03-09"]["code_line"] == 0.0
    assert feats["2024-03-01"]["code_line"] == 1.0 and feats["2024-03-01"]["as_of"] == 0.0


DATE_LINES = st.sampled_from(["Published 04/05/2024", "Friday 04/05/2024", "24.11.2025", "11.24.2025", "3/4/2024",
                              "March 3, 2024", "Updated 2024-05-01", "Home", "In 2024 the council met", "Tuesday"])


@given(st.lists(DATE_LINES, max_size=8), st.sampled_from([None, "day-first", "month-first"]))
def test_mentions_read_the_page_order_only_when_needed_with_the_same_dates(lines, site_order):
    """The page's order is read once a line prints a numeric date: the mentions are those of the order read first."""
    doc = Document.from_text("d", "\n".join(lines))
    doc.date_order = site_order
    order = site_order or page_order(doc.raw)
    expected = []
    for line in doc.lines:
        for nth, parsed in enumerate(find_dates(line.text, order=order, context=doc.raw)):
            if parsed.iso is not None:
                expected.append((line.index, parsed.iso, parsed.raw, nth))
    found = DateCandidates().mentions(doc)
    assert all(isinstance(m, DateMention) for m in found)
    assert [(m.line, m.parsed.iso, m.parsed.raw, m.nth) for m in found] == expected
