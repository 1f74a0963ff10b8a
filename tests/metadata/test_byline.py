"""Authors, ranked among the names the page prints."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cleaner import Cleaner
from cleaner.api import RunResources
from cleaner.config import Config
from cleaner.document import Document
from cleaner.metadata.byline import (
    FEATURES,
    LOWER_WORD,
    BylineCandidates,
    RankedAuthors,
    _box_follows,
    _first_name,
    _LowerWords,
    _repeated,
    given_names,
)
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


def test_a_label_alone_makes_the_next_line_a_byline():
    found = candidates().names_in
    assert found("Ana Ruiz", labelled=True) == [(("Ana Ruiz",), "byline")]
    assert found("Ana Ruiz") == [(("Ana Ruiz",), "bare")]
    assert found("The Harbour Notes Team", labelled=True) == [(("The Harbour Notes Team",), "org")]
    assert found("Updated", labelled=True) == []  # "By" / "Updated on …": a label, not a name
    page = ["Harbour basin to be dredged after twenty years", "By", "", "Ana Ruiz", *BODY]
    doc = Cleaner().clean_text("\n".join(page))
    kinds = {cand.names: cand.kind for cand, _ in candidates().candidates(doc, None)}
    assert kinds["Ana Ruiz",] == "byline"
    page = ["Harbour basin to be dredged after twenty years", *BODY, "Article written by:", "Ana Ruiz"]
    doc = Cleaner().clean_text("\n".join(page))
    assert {cand.names: cand.kind for cand, _ in candidates().candidates(doc, None)}["Ana Ruiz",] == "byline"


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
    for box in ("Ana explores the harbour's history every week.", "After ten years at sea, Ana is a reporter here."):
        doc = Cleaner().clean_text("\n".join(["Harbour basin to be dredged after twenty years", *BODY, "Ana Ruiz", box]))
        found = {cand.names: cand for cand, _ in candidates().candidates(doc, None)}
        assert _box_follows(doc, found["Ana Ruiz",]), box


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


def test_common_words_are_words_the_page_writes_in_lower_case_twice():
    page = ["Harbour basin to be dredged after twenty years", "Podium Staff", *BODY, "Grand Tables",
            "Download the podium app.", "The grand stand and the grand hall reopen."]
    doc = Cleaner().clean_text("\n\n".join(page))
    found = {cand.names: f for cand, f in candidates().candidates(doc, None)}
    assert found["Podium Staff",]["common_words"] == 0  # "podium" once in lower case: the site's name, said casually
    assert found["Grand Tables",]["common_words"] == 0.5  # "grand" twice: a word ("tables" never)


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


@given(st.text(alphabet="ab c-'’.\nAB", max_size=60), st.text(alphabet="abc-'’A", min_size=1, max_size=5))
@example("the page, the page", "page")
def test_lower_words_answer_as_the_page_word_list(raw, word):
    """The words the page writes in lower case more than once, listed only when
    a word could be among them, are those of the whole list."""
    assert (word in _LowerWords(raw)) == (word in _repeated(LOWER_WORD.findall(raw)))
