"""Authors, ranked among the names the page prints."""

from __future__ import annotations

import json

import pytest

from cleaner import Cleaner
from cleaner.api import RunResources
from cleaner.config import Config
from cleaner.document import Document
from cleaner.metadata.byline import FEATURES, BylineCandidates, RankedAuthors, _box_follows, _first_name, _undouble, given_names
from cleaner.metadata.ranking import RankingModel
from cleaner.strippers.header import HeaderStripper
from tests.metadata.pages import BODY


def candidates() -> BylineCandidates:
    resources = RunResources()
    header = HeaderStripper(Config(), chrome=resources.is_chrome_line, stopwords=resources.get().merged_stoplist)
    return BylineCandidates(Config(), header.name_like, resources.is_chrome_line, header.stopwords)


def test_byline_under_the_title_gives_the_author():
    page = ["Home", "News", "Harbour basin to be dredged after twenty years", "Picture of Ana Ruiz",
            "By Ana Ruiz · March 3, 2024", *BODY, "More from Tom Reed", "Ferry fares rise again next month"]
    doc = Cleaner().clean_text("\n\n".join(page))
    assert doc.meta.authors == ["Ana Ruiz"]
    assert doc.meta.evidence["authors"].startswith("line ")


def test_page_without_names_has_no_author():
    doc = Cleaner().clean_text("\n\n".join(["Harbour basin to be dredged after twenty years", *BODY]))
    assert doc.meta.authors == []
    assert doc.meta.evidence["authors"].startswith("no author")


def test_names_a_page_offers():
    found = candidates().names_in
    assert found("By Ana Ruiz and Tom Reed") == [(("Ana Ruiz", "Tom Reed"), "byline")]
    assert (("Ana Ruiz",), "alt") in found("Headshot of Ana Ruiz")
    assert (("Ana Ruiz",), "alt") in found("Ana Ruiz's avatar")
    assert found("0 · by Ana Ruiz · Updated on 8 January 2026")[0] == (("Ana Ruiz",), "inner")
    assert found("Tom Reed May 18, 2016") == [(("Tom Reed",), "segment")]
    assert found("March 3, 2024 By Ana Ruiz") == [(("Ana Ruiz",), "inner")]
    assert found("By Ana Ruiz   Read the print edition") == [(("Ana Ruiz",), "byline")]  # a wide gap ends it
    assert found("By Ana RuizIn Travel, Guides")[0] == (("Ana Ruiz",), "byline")
    assert found("Photo of Tom King") == [(("Tom King",), "alt")]  # "king" is in some stoplist: no veto
    assert found("Susan") == [] and found("Susan", dated=True) == [(("Susan",), "single")]
    assert found("Susan December 9, 2024 0 Comments") == [(("Susan",), "segment")]
    assert found("Subscribe to our newsletter") == []
    assert _undouble("Colin GrayColin Gray") == "Colin Gray"
    assert _undouble("Colin Gray Colin Gray") == "Colin Gray" and _undouble("Ana Ana Ruiz") == "Ana Ana Ruiz"


def test_glued_names_teams_and_handles():
    found = candidates().names_in
    assert (("Ana Ruiz", "Tom Reed"), "list") in found("Ana RuizTom Reed")  # co-authors glued by a flattened page
    assert (("Ana Ruiz",), "segment") in found("March 3, 2024March 8, 2024Ana Ruiz")
    assert found("Ana McDonald") == [(("Ana McDonald",), "bare")]  # "Mc" alone is no name: no split
    assert (("ruizana",), "handle") in found("by ruizana")
    assert found("By the Harbour Notes Team 2–3 minutes") == [(("the Harbour Notes Team",), "org")]
    assert found("Written by Our Editors") == [(("Our Editors",), "org")]
    assert found("By Ask the Harbourmaster") == [(("Ask the Harbourmaster",), "org")]
    assert found("By the end of the year") == [] and found("By Category") == []


def test_consecutive_names_are_co_authors():
    page = ["Harbour basin to be dredged after twenty years", "• Ana Ruiz", "• Tom Reed", "", "• Lea Kim", *BODY]
    doc = Cleaner().clean_text("\n".join(page))
    stacks = [cand for cand, _ in candidates().candidates(doc, None) if cand.kind == "stack"]
    assert [cand.names for cand in stacks] == [("Ana Ruiz", "Tom Reed", "Lea Kim")]
    team = ["Harbour basin to be dredged after twenty years", *(f"{n} Reed" for n in
            ("Ana", "Tom", "Lea", "Ian", "Eva", "Max", "Kim")), *BODY]
    doc = Cleaner().clean_text("\n".join(team))
    assert not [cand for cand, _ in candidates().candidates(doc, None) if cand.kind == "stack"]  # a team page


def test_reviewer_is_the_name_after_the_label():
    page = ["Harbour basin to be dredged after twenty years", "By Ana Ruiz · Medically reviewed by Tom Reed",
            "Fact checked by", "Lea Kim", *BODY]
    doc = Cleaner().clean_text("\n".join(page))
    found = {cand.names: f for cand, f in candidates().candidates(doc, None)}
    assert found["Ana Ruiz",]["reviewer"] == 0 and found["Tom Reed",]["reviewer"] == 1
    assert found["Lea Kim",]["reviewer"] == 1


def test_names_with_descriptions_groups_and_sites():
    found = candidates().names_in
    assert found("Ana Ruiz, Harbour University") == [(("Ana Ruiz",), "bare")]  # an affiliation after the comma
    assert found("Dec. 19, 2025 · Ana Ruiz on behalf of the Harbour group")[0] == (("Ana Ruiz",), "segment")
    assert (("Ana Ruiz", "Tom Reed"), "segment") in found("Ana Ruiz and Tom Reed  |  Guest Columnists")
    assert (("Harbour Online",), "segment") in found("March 15, 2022 · 3 min read · By Harbour Online")
    assert found("The Harbour Notes Team") == [(("The Harbour Notes Team",), "org")]
    assert found("By 2030") == [] and found("By 2030 | more") == []  # (no name left once the number is cut)


def test_a_label_alone_makes_the_next_line_a_byline():
    found = candidates().names_in
    assert found("Ana Ruiz", labelled=True) == [(("Ana Ruiz",), "byline")]
    assert found("Ana Ruiz") == [(("Ana Ruiz",), "bare")]
    assert found("The Harbour Notes", labelled=True) == [(("The Harbour Notes",), "org")]
    page = ["Harbour basin to be dredged after twenty years", "By", "", "Ana Ruiz", *BODY]
    doc = Cleaner().clean_text("\n".join(page))
    kinds = {cand.names: cand.kind for cand, _ in candidates().candidates(doc, None)}
    assert kinds["Ana Ruiz",] == "byline"


def test_user_name_next_to_a_date():
    found = candidates().names_in
    assert found("ruizana", dated=True) == [(("ruizana",), "handle")]
    assert found("ruizana") == []
    page = ["Harbour basin to be dredged after twenty years", "• ruizana", "• March 3, 2024", *BODY]
    doc = Cleaner().clean_text("\n".join(page))
    assert ("ruizana",) in {cand.names for cand, _ in candidates().candidates(doc, None)}


def test_author_box_after_the_name():
    page = ["Harbour basin to be dredged after twenty years", *BODY, "Ana Ruiz",
            "Ana is a reporter who covers the harbour and its ferries.", "Tom Reed", "Subscribe today"]
    doc = Cleaner().clean_text("\n".join(page))
    found = {cand.names: cand for cand, _ in candidates().candidates(doc, None)}
    assert _box_follows(doc, found["Ana Ruiz",]) and not _box_follows(doc, found["Tom Reed",])


def test_copyright_line_names_the_owner():
    found = candidates().names_in
    assert found("© 2025 Ana Ruiz. All rights reserved.") == [(("Ana Ruiz",), "copyright")]
    assert (("Ana Ruiz",), "copyright") in found("Copyright © 2019-2025 Ana Ruiz")
    assert (("Ana Ruiz",), "copyright") in found("© Copyright 2012-2025 Ana Ruiz")
    assert (("Ana Ruiz",), "copyright") in found("Copyright Ana Ruiz 2012-2025. CC BY-NC 4.0.")
    assert (("Ana Ruiz",), "copyright") in found("Ana Ruiz's Tech Blog")  # a personal site's name
    assert found("© 2025 Harbour Media. All rights reserved.") == []  # a publication is no name


def test_inner_byline_ends_where_the_byline_does():
    found = candidates().names_in
    line = "Posted on March 3, 2024 by Ana Ruiz (Harbour Notes) - 5 Comments on Ferry fares rise again next month for all"
    assert (("Ana Ruiz",), "inner") in found(line)


def test_given_names():
    assert {"ana", "tom", "ryan"} <= given_names()
    assert {"joakim", "ahmet", "matteo"} <= given_names()  # from elsewhere in the world
    assert not {"may", "june", "will", "page", "pool", "news"} & given_names()  # months and common words are left out
    assert _first_name("Dr. Ana Ruiz") == "ana" and _first_name("Prof Tom Reed") == "tom" and _first_name("Dr") == "dr"
    assert _first_name("AI Lab") == "" and _first_name("ANA RUIZ") == "ana"  # an acronym is no first name


def test_page_features():
    """A personal site prints its owner's name as the masthead and in the copyright line; a company owns its site."""
    page = ["Ana Ruiz", "About Notes Projects", "Harbour basin to be dredged after twenty years", *BODY,
            "Pool Tables", "© 2025 Ana Ruiz. All rights reserved.", "© 2025 Harbour Solutions Inc"]
    doc = Cleaner().clean_text("\n\n".join(page))
    found = {cand.names: f for cand, f in candidates().candidates(doc, None)}
    ana = found["Ana Ruiz",]
    assert ana["given_name"] == 1 and ana["page_top"] == 1 and ana["in_copyright"] == 1
    assert found["Pool Tables",]["given_name"] == 0 and found["Pool Tables",]["page_top"] == 0
    assert found["Harbour Solutions Inc",]["company_word"] == 1


def test_none_offset():
    """``byline_none_offset`` moves the *no author* candidate's score, not the fitted weights."""
    doc = Document.from_text("a.txt", "\n".join(["By Ana Ruiz", *BODY]))
    model = RankingModel({"kind_byline": 1.0, "none": 1.2})
    ranked = RankedAuthors(candidates(), model)
    ranked.annotate(doc)
    assert doc.meta.authors == ["Ana Ruiz"] and model.weights["none"] == 1.2  # 1.0 against 1.2 - 0.5
    strict = BylineCandidates(Config(byline_none_offset=0.0), lambda text: True, lambda text: False)
    RankedAuthors(strict, model).annotate(doc)
    assert doc.meta.authors == []


def test_model_weights_decide():
    """The pick follows the weights (the helper can fail)."""
    doc = Document.from_text("a.txt", "\n".join(["Headshot of Tom Reed", "By Ana Ruiz", *BODY]))
    for line in doc.lines[:2]:
        doc.remove(line, "heuristic.region.outside", "outside the article")
    RankedAuthors(candidates(), RankingModel({"kind_alt": 5.0})).annotate(doc)
    assert doc.meta.authors == ["Tom Reed"]
    RankedAuthors(candidates(), RankingModel({"kind_byline": 5.0})).annotate(doc)
    assert doc.meta.authors == ["Ana Ruiz"]
    RankedAuthors(candidates(), RankingModel({"none": 5.0})).annotate(doc)
    assert doc.meta.authors == []


def test_shipped_model_and_unknown_features():
    assert set(RunResources().model("byline").weights) <= set(FEATURES)
    with pytest.raises(ValueError, match="no_such_feature"):
        RankingModel.from_json(json.dumps({"weights": {"no_such_feature": 1.0}}), "byline_model.json", FEATURES)
