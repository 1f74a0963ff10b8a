"""The title: the best-ranked candidate line around the article."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.api import RunResources
from cleaner.config import Config
from cleaner.document import Document
from cleaner.metadata.ranking import RankingModel
from cleaner.metadata.title import FEATURES, PageLines, RankedTitle, TitleCandidates, _parts, _undated
from tests.metadata.pages import BODY


def ranked_title(model: RankingModel | None = None) -> RankedTitle:
    resources = RunResources()
    candidates = TitleCandidates(Config(), resources.is_chrome_line, resources.get().merged_stoplist)
    return RankedTitle(candidates, model or resources.model("title"))




def test_title_is_taken_from_just_above_the_article():
    doc = Document.from_text("a.txt", "\n".join(["Harbour basin to be dredged after twenty years", *BODY]))
    doc.meta.title = "Weather Sport Business Culture"  # a poor guess by an earlier step
    doc.remove(doc.lines[0], "heuristic.region.outside", "the classifier left the headline out")
    ranked_title().annotate(doc)
    assert doc.meta.title == "Harbour basin to be dredged after twenty years"
    assert doc.meta.evidence["title"].startswith("line 1, score")


def test_confirmed_title_is_kept():
    doc = Document.from_text("a.txt", "\n".join(["Harbour basin to be dredged after twenty years", *BODY]))
    doc.meta.title, doc.title_confirmed = "Declared title", True
    ranked_title().annotate(doc)
    assert doc.meta.title == "Declared title"


def test_whole_page_with_menus_end_to_end():
    page = ["Skip to content", "Home", "News", "Sport", "Weather", "Subscribe", "Log in",
            "Harbour basin to be dredged after twenty years", "By Ana Ruiz", *BODY,
            "Share this article", "More in News", "Ferry fares rise again", "New lifeboat named after volunteer",
            "© 2024 Coastline Media. All rights reserved."]
    doc = Cleaner().clean_text("\n\n".join(page))
    assert doc.meta.title == "Harbour basin to be dredged after twenty years"
    assert doc.meta.authors == ["Ana Ruiz"]
    assert doc.text == "\n\n".join(BODY)


def test_headline_beats_menu_lines_and_teasers():
    lines = ["Home", "World", "Business", "Subscribe now", "Harbour basin to be dredged after twenty years", *BODY,
             "More in News", "Ferry fares rise again next month"]
    doc = _page_outside("\n".join(lines), 5)
    for line in doc.lines[-2:]:
        doc.remove(line, "heuristic.region.outside", "outside the article")
    ranked_title().annotate(doc)
    assert doc.meta.title == "Harbour basin to be dredged after twenty years"


def test_headline_with_site_name_gives_the_part_before_the_separator():
    doc = Document.from_text("a.txt", "\n".join(["Harbour basin to be dredged after twenty years | Coastline Media", *BODY]))
    doc.remove(doc.lines[0], "heuristic.region.outside", "outside the article")
    texts = [text for _, features, text in ranked_title().candidates.candidates(doc)]
    assert texts[:2] == ["Harbour basin to be dredged after twenty years | Coastline Media", "Harbour basin to be dredged after twenty years"]


def test_model_weights_decide(tmp_path):
    """The ranking follows the weights: a model that prefers far lines picks the top one (the helper can fail)."""
    doc = _page_outside("\n".join(["Ferry fares rise again next month", "Harbour basin to be dredged", *BODY]), 2)
    ranked_title(RankingModel({"just_above": 5.0})).annotate(doc)
    assert doc.meta.title == "Harbour basin to be dredged"
    ranked_title(RankingModel({"just_above": -5.0})).annotate(doc)
    assert doc.meta.title == "Ferry fares rise again next month"


def test_shipped_model_uses_only_known_features():
    model = RunResources().model("title")
    assert model.weights and set(model.weights) <= set(FEATURES)


def test_unknown_feature_in_model_file_is_an_error():
    with pytest.raises(ValueError, match="no_such_feature.*refit"):
        RankingModel.from_json(json.dumps({"weights": {"no_such_feature": 1.0}}), "title_model.json", FEATURES)


def test_prose_is_no_title():
    doc = Document.from_text("a.txt", "\n".join(BODY))
    ranked_title().annotate(doc)
    assert doc.meta.title is None


def test_headline_far_below_the_first_kept_line_is_a_candidate():
    """A kept line at the top of the page (a menu the classifier let through)
    must not put the headline out of reach: the first prose paragraph is an
    anchor of the candidate window too."""
    menu = [f"Menu entry number {k}" for k in range(100)]
    doc = Document.from_text("a.txt", "\n".join(["Welcome to the harbour site", *menu,
                                                  "Harbour basin to be dredged after twenty years", *BODY]))
    for line in doc.lines[1:101]:
        doc.remove(line, "heuristic.region.outside", "menu")
    texts = [text for _, _, text in ranked_title().candidates.candidates(doc)]
    assert "Harbour basin to be dredged after twenty years" in texts
    window = ranked_title().candidates.window(doc)
    assert window is not None and 101 in window[0] and 50 not in window[0]


def test_label_and_breadcrumb_prefixes_give_shorter_candidates():


    assert _parts("Blog: Harbour basin to be dredged") == [("Harbour basin to be dredged", "tail_part")]
    assert _parts("Home / Harbour basin to be dredged") == [("Harbour basin to be dredged", "tail_part")]
    assert _parts("Harbour basin to be dredged | Harbour Post") == [("Harbour basin to be dredged", "split_part")]
    assert _parts("Harbour basin to be dredged") == []


def _page_outside(page: str, chrome: int) -> Document:
    """The page as a document whose first ``chrome`` lines the classifier left outside the article."""
    doc = Document.from_text("a.txt", page)
    for line in doc.lines[:chrome]:
        doc.remove(line, "heuristic.region.outside", "outside the article")
    return doc


def _features_of(doc: Document, text: str) -> dict[str, float]:
    return next(features for _, features, candidate in ranked_title().candidates.candidates(doc) if candidate == text)


def test_layout_features_tell_a_heading_block_from_list_items():
    """A heading stands alone between blank lines at the left margin; the items
    of a menu follow each other, indented under their list."""
    page = "\n".join(["  • Harbour news and notices", "  • Ferry timetables for winter", "  • Lifeboat station open day", "",
                      "Harbour basin to be dredged after twenty years", "", *BODY])
    doc = _page_outside(page, 4)
    item = _features_of(doc, "Ferry timetables for winter")
    heading = _features_of(doc, "Harbour basin to be dredged after twenty years")
    assert (item["indented"], item["tight_above"], item["tight_below"]) == (1.0, 1.0, 1.0)
    assert (heading["indented"], heading["tight_above"], heading["tight_below"]) == (0.0, 0.0, 0.0)


def test_a_headline_printed_again_close_by_is_echoed_near():
    """A breadcrumb ending with the headline, two lines above it: the headline is
    "echoed near"; a teaser title printed once is not."""
    page = "\n\n".join(["Ferry fares rise again next month", "Home / Harbour / Harbour basin to be dredged after twenty years",
                        "Harbour basin to be dredged after twenty years", *BODY])
    doc = _page_outside(page, 3)
    assert _features_of(doc, "Harbour basin to be dredged after twenty years")["echo_near"] == 1.0
    assert _features_of(doc, "Ferry fares rise again next month")["echo_near"] == 0.0


def test_long_headlines_that_end_like_sentences_are_no_prose():
    candidates = ranked_title().candidates
    assert candidates.prose("The harbour basin will be dredged next spring after twenty years of delays.")
    assert not candidates.prose("Twelve Harbour Walks for the Whole Family This Winter (Plus Two Bonus Routes!)")
    assert not candidates.prose("Things to Know Before Visiting the Harbour for the First Time.")
    assert not candidates.prose("Harbour basin to be dredged.")  # short: left to the model (ends_period)


def test_headline_above_a_byline_far_above_the_article_is_a_candidate():
    """The classifier may leave the article's first paragraphs out; the byline
    under the headline still anchors the candidate window."""
    filler = [f"Sidebar teaser number {k} about the coast" for k in range(60)]
    doc = Document.from_text("a.txt", "\n".join(["Harbour basin to be dredged after twenty years", "By Ana Ruiz", *filler, *BODY]))
    doc.remove(doc.lines[0], "heuristic.region.outside", "outside the article")
    doc.remove(doc.lines[1], "heuristic.meta.byline", "byline: Ana Ruiz", field="authors")
    for line in doc.lines[2:62]:
        doc.remove(line, "heuristic.region.outside", "outside the article")
    texts = [text for _, _, text in ranked_title().candidates.candidates(doc)]
    assert "Harbour basin to be dredged after twenty years" in texts


def test_what_the_part_before_a_separator_drops_is_described():
    """A site name dropped from "Headline | Site" is printed elsewhere on the page;
    a subtitle dropped from "Headline – and more" goes on in lower case."""
    page = "\n\n".join(["Coastline Media", "Harbour basin to be dredged | Coastline Media",
                        "Ferry fares rise again next month – and what it means for commuters", *BODY])
    doc = _page_outside(page, 3)
    site = _features_of(doc, "Harbour basin to be dredged")
    subtitle = _features_of(doc, "Ferry fares rise again next month")
    assert (site["split_part"], site["dropped_elsewhere"], site["dropped_lower"]) == (1.0, 1.0, 0.0)
    assert (subtitle["split_part"], subtitle["dropped_elsewhere"], subtitle["dropped_lower"]) == (1.0, 0.0, 1.0)


def test_a_date_glued_to_a_headline_is_left_out():
    """A full date before or after the headline, or a month and year behind a
    separator, is no part of the title; a month and year the headline speaks of
    is, and a line that is mostly a date gives no headline."""
    assert _undated("Harbour basin to be dredged 20 December 2025") == "Harbour basin to be dredged"
    assert _undated("Dec 18 2025 Harbour basin to be dredged") == "Harbour basin to be dredged"
    assert _undated("Harbour basin to be dredged / Dec 2025") == "Harbour basin to be dredged"
    assert _undated("Ferry fares announced in October 2025") is None
    assert _undated("Published on December 18, 2025") is None
    assert _undated("Harbour basin to be dredged") is None


def test_the_headline_candidate_drops_its_glued_date():
    page = "\n\n".join(["Harbour basin to be dredged after twenty years 20 December 2025", *BODY])
    doc = Document.from_text("a.txt", page)
    doc.remove(doc.lines[0], "heuristic.region.outside", "outside the article")
    features = _features_of(doc, "Harbour basin to be dredged after twenty years")
    assert features["undated_part"] == 1.0
    assert "Harbour basin to be dredged after twenty years 20 December 2025" not in [
        text for _, _, text in ranked_title().candidates.candidates(doc)]


def test_placeholder_text_is_no_candidate():
    page = "\n\n".join(["Lorem ipsum dolor sit amet", "Harbour basin to be dredged after twenty years", *BODY])
    doc = _page_outside(page, 2)
    texts = [text for _, _, text in ranked_title().candidates.candidates(doc)]
    assert "Lorem ipsum dolor sit amet" not in texts
    assert "Harbour basin to be dredged after twenty years" in texts


def test_the_length_of_what_a_separator_drops_is_described():
    """A site's name is short; a subtitle is a phrase; a trail of parts is a chain."""
    page = "\n\n".join(["Harbour basin to be dredged | News | Coastline Media",
                        "Ferry fares rise again next month – Ten Things Commuters Should Know Now", *BODY])
    doc = _page_outside(page, 2)
    site = _features_of(doc, "Harbour basin to be dredged")
    subtitle = _features_of(doc, "Ferry fares rise again next month")
    assert (site["dropped_chain"], subtitle["dropped_chain"]) == (1.0, 0.0)
    assert subtitle["dropped_words"] > site["dropped_words"]


WORDS = st.sampled_from(["home", "news", "the", "headline", "of", "the", "day", "site", "x", "coastline media"])


@given(st.lists(st.lists(WORDS, min_size=1, max_size=5).map(" ".join), max_size=6),
       st.lists(WORDS, min_size=1, max_size=8), st.sampled_from([" ", "  ", " \t"]))
def test_other_line_is_found_as_words_joined_again_would_find_it(lines, words, gap):
    """``contains_other_line`` cuts its parts from the line's words joined once: the parts of the words joined each time."""
    text = gap.join(words)
    words = text.split()
    parts = [part for k in range(1, len(words)) for part in (" ".join(words[:k]), " ".join(words[k:]))]
    assert PageLines(lines).contains_other_line(text) == any(len(p) >= 12 and p in lines for p in parts)


@given(st.dictionaries(st.sampled_from(FEATURES + ("unknown",)), st.floats(-10, 10) | st.just(0.0)),
       st.dictionaries(st.sampled_from(FEATURES), st.floats(-10, 10)))
def test_score_adds_as_a_generator_would(features, weights):
    """The model's score: the weights times the values, added in the features' order."""
    expected = sum(weights.get(name, 0.0) * value for name, value in features.items())
    assert RankingModel(weights).score(features) == expected


@given(st.lists(st.text(max_size=30), max_size=8), st.integers(0, 8))
def test_words_of_lines_joined_are_those_of_each_part_joined(lines, cut):
    """No word spans a line break: the lead's words, searched apart, and the rest's make the words of all."""
    from cleaner.metadata.title import WORD

    assert WORD.findall("\n".join(lines)) == WORD.findall("\n".join(lines[:cut])) + WORD.findall("\n".join(lines[cut:]))
