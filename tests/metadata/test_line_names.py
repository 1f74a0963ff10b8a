"""The names one line offers (cleaner.metadata.line_names), each with how the line prints it."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleaner.api import RunResources
from cleaner.config import Config
from cleaner.metadata.line_names import LineNames, _undouble
from cleaner.strippers.header import HeaderStripper


def line_names() -> LineNames:
    resources = RunResources()
    header = HeaderStripper(Config(), chrome=resources.is_chrome_line, stopwords=resources.get().merged_stoplist)
    return LineNames(header.name_like, resources.is_chrome_line, header.stopwords)


def test_names_a_page_offers():
    found = line_names().names_in
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
    found = line_names().names_in
    assert (("Ana Ruiz", "Tom Reed"), "list") in found("Ana RuizTom Reed")  # co-authors glued by a flattened page
    assert (("Ana Ruiz",), "segment") in found("March 3, 2024March 8, 2024Ana Ruiz")
    assert found("Ana McDonald") == [(("Ana McDonald",), "bare")]  # "Mc" alone is no name: no split
    assert (("ruizana",), "handle") in found("by ruizana")
    assert found("By the Harbour Notes Team 2–3 minutes") == [(("the Harbour Notes Team",), "org")]
    assert found("Written by Our Editors") == [(("Our Editors",), "org")]
    assert found("By Ask the Harbourmaster") == [(("Ask the Harbourmaster",), "org")]
    assert found("By the end of the year") == [] and found("By Category") == []


def test_copyright_line_names_the_owner():
    found = line_names().names_in
    assert found("© 2025 Ana Ruiz. All rights reserved.") == [(("Ana Ruiz",), "copyright")]
    assert (("Ana Ruiz",), "copyright") in found("Copyright © 2019-2025 Ana Ruiz")
    assert (("Ana Ruiz",), "copyright") in found("© Copyright 2012-2025 Ana Ruiz")
    assert (("Ana Ruiz",), "copyright") in found("Copyright Ana Ruiz 2012-2025. CC BY-NC 4.0.")
    assert (("Ana Ruiz",), "copyright") in found("Ana Ruiz's Tech Blog")  # a personal site's name
    assert found("© 2025 Harbour Media. All rights reserved.") == []  # a publication is no name


def test_inner_byline_ends_where_the_byline_does():
    found = line_names().names_in
    line = "Posted on March 3, 2024 by Ana Ruiz (Harbour Notes) - 5 Comments on Ferry fares rise again next month for all"
    assert (("Ana Ruiz",), "inner") in found(line)


def test_names_with_descriptions_groups_and_sites():
    found = line_names().names_in
    assert found("Ana Ruiz, Harbour University") == [(("Ana Ruiz",), "bare")]  # an affiliation after the comma
    assert found("Dec. 19, 2025 · Ana Ruiz on behalf of the Harbour group")[0] == (("Ana Ruiz",), "segment")
    assert (("Ana Ruiz", "Tom Reed"), "segment") in found("Ana Ruiz and Tom Reed  |  Guest Columnists")
    assert (("Harbour Online",), "segment") in found("March 15, 2022 · 3 min read · By Harbour Online")
    assert found("The Harbour Notes Team") == [(("The Harbour Notes Team",), "org")]
    assert found("By 2030") == [] and found("By 2030 | more") == []  # (no name left once the number is cut)
    assert found("Blog") == [] and found("3. Blog") == []  # a menu's entries are no team
    assert found("Ana Ruiz LinkedIn") == [(("Ana Ruiz",), "bare")]  # an author box's profile link
    assert (("Ana Ruiz",), "alt") in found("Headshot of Ana Ruiz, a reporter at the harbour desk, smiling at the camera")
    assert found("Photo of the harbour at dusk, with the ferry leaving for the island") == []


#: pieces that make lines look like bylines, dates, counters and signatures
PIECES = ["By", "by", "Written by", "©", "Copyright", "Jane", "Roe", "Ana", "Ruiz", "Team", "Staff", "and", "&", ",", "|",
          "·", "-", "2025", "March 3,", "4 Comments", "Headshot of", "Profile", "LinkedIn", "on behalf of", "in", "The",
          "'s Blog", ".", "(", ")", "jroe", "Senior Director", "University"]


@pytest.fixture(scope="module")
def finder() -> LineNames:
    return line_names()


@settings(max_examples=300)
@example(["By", "2025"], False, False)  # an org byline with no name left once the number is cut (raised once)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=14), st.booleans(), st.booleans())
def test_names_come_from_the_line_and_nothing_raises(finder, parts, dated, labelled):
    line = " ".join(parts)
    for names, kind in finder.names_in(line, dated, labelled):
        assert names and kind
        for name in names:
            assert name.strip() and all(token.casefold() in line.casefold() for token in name.split()), (line, name)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(PIECES + [",", "and", "&", ";", "Jane Roe", "Tom Reed", "Dr. Ana Ruiz"]) | st.text(max_size=6),
                max_size=14))
def test_list_stops_at_the_first_part_that_is_no_name(finder, parts):
    """``_list`` gives up at the first part that is no name: as reading every part would."""
    from cleaner.metadata.line_names import BYLINE_MAX_WORDS, LIST_SEPARATOR

    text = " ".join(parts)
    names = [finder._bare(part) for part in LIST_SEPARATOR.split(text)]
    whole = LIST_SEPARATOR.search(text) and len(text.split()) <= BYLINE_MAX_WORDS and len(names) >= 2 and all(names)
    assert finder._list(text) == (tuple(names) if whole else None)
