"""Bylines, name lists and name case."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner.metadata.authors as authors_module
from cleaner.metadata.authors import normalise_name, parse_byline, split_names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By NATALIYA VASILYEVA and JIM HEINTZ", ["Nataliya Vasilyeva", "Jim Heintz"]),
        ("By Jane Roe", ["Jane Roe"]),
        ("• By Jane Roe", ["Jane Roe"]),
        ("- By Jane Roe", ["Jane Roe"]),
        ("BY: JANE ROE", ["Jane Roe"]),
        ("by Jane Roe", ["Jane Roe"]),
        ("Written by Jane Roe", ["Jane Roe"]),
        ("Story by Jane Roe", ["Jane Roe"]),
        ("Words by Jane Roe", ["Jane Roe"]),
        ("Author: Jane Roe", ["Jane Roe"]),
        ("Authors: A, B and C", ["A", "B", "C"]),
        ("Authors: Jane Roe, John Doe, and Mary Major", ["Jane Roe", "John Doe", "Mary Major"]),
        ("By Jane Roe, Staff Writer", ["Jane Roe"]),
        ("By Rhiannon Price, Environment Correspondent", ["Rhiannon Price"]),
        ("By Sam Okafor, Senior Reviewer", ["Sam Okafor"]),
        ("By KWAME ASANTE, Sports Reporter", ["Kwame Asante"]),
        ("By Graham Ellery | Community columnist", ["Graham Ellery"]),
        ("By Priya Natarajan · 2 hours ago", ["Priya Natarajan"]),
        ("Par Jeanne Olivier avec AFP", ["Jeanne Olivier"]),
        ("By Jane Roe with John Doe", ["Jane Roe", "John Doe"]),
        ("By Jane Roe, Senior Correspondent", ["Jane Roe"]),
        ("By Jane Roe, Associated Press Writer", ["Jane Roe"]),
        ("By Jane Roe | Reuters", ["Jane Roe"]),
        ("By Jane Roe, Associated Press", ["Jane Roe"]),
        ("By Jane Roe, AP", ["Jane Roe"]),
        ("By Jane Roe (AFP)", ["Jane Roe"]),
        ("By Jane Roe for The Guardian", ["Jane Roe"]),
        ("By Jane Roe and John Doe, The Daily Example", ["Jane Roe", "John Doe"]),
        ("By Jane Roe & John Doe", ["Jane Roe", "John Doe"]),
        ("By Jane Roe, 1 October 2015", ["Jane Roe"]),
        ("By Jane Roe on October 1, 2015", ["Jane Roe"]),
        ("By Jane Roe | Thursday, October 1, 2015 1:02am", ["Jane Roe"]),
        ("Von Hans Müller am 01.10.2015", ["Hans Müller"]),
        ("By J. Roe", ["J. Roe"]),
        ("By Jane R.", ["Jane R."]),
        ("By Bashar al-Assad", ["Bashar al-Assad"]),
        ("By Patrick O'Brien", ["Patrick O'Brien"]),
        ("Von Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"]),
        ("Von Hans Müller, dpa", ["Hans Müller"]),
        ("Text: Hans Müller", ["Hans Müller"]),
        ("Por María López y Juan Pérez", ["María López", "Juan Pérez"]),
        ("POR MARÍA LÓPEZ Y JUAN PÉREZ", ["María López", "Juan Pérez"]),
        ("Por María López, EFE", ["María López"]),
        ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("Di Mario Rossi e Luca Bianchi", ["Mario Rossi", "Luca Bianchi"]),
        ("Di Mario Rossi, ANSA", ["Mario Rossi"]),
        ("Door Jan de Vries en Piet Jansen", ["Jan de Vries", "Piet Jansen"]),
        ("Av Ola Nordmann och Kari Nordmann", ["Ola Nordmann", "Kari Nordmann"]),
        ("Av Ola Nordmann og Kari Nordmann", ["Ola Nordmann", "Kari Nordmann"]),
        ("Written by:Jane Roe", ["Jane Roe"]),  # no space after the colon
        ("Contributors: Jane Roe", ["Jane Roe"]),
        ("By Jane Roe 12 min read", ["Jane Roe"]),
        ("By Jane Roe (Harbour Notes) - 3 Comments", ["Jane Roe"]),
        ("By Jane Roe in Travel", ["Jane Roe"]),
        ("By Jane Roe In", ["Jane Roe"]),  # the category's name was an image
        ("By Jane Roe, Head of Research at the Harbour Trust", ["Jane Roe"]),  # a description, not a co-author
        ("By Jane Roe, Representative to the Ferry Users Committee", ["Jane Roe"]),
        ("Written By: Jane Roe Executive Digital Editor and Master Baker", ["Jane Roe"]),
        ("By Jane Roe, Guest Columnists", ["Jane Roe"]),
        ("From: Jane Roe", ["Jane Roe"]),  # a mailing list's message
        ("Writer: Tom", ["Tom"]),
        ("Posted by Tom at March 3, 2024 11:15 AM", ["Tom"]),
        ("By Jane Roe ⋅ Senior Analyst ⋅ Updated March 5, 2025", ["Jane Roe"]),
        ("By J. R. Roe    Read the print edition", ["J. R. Roe"]),  # a wide gap ends the byline
        # a job title after a comma: what follows it describes the author, "and" + a full name adds one
        ("by Jane Roe, Senior Director, Content & Marketing, Harbour Notes and Example Institute", ["Jane Roe"]),
        ("By Jane Roe, Staff Writer, and John Doe, Editor", ["Jane Roe", "John Doe"]),
        # a long line is a byline when its names end early (here at the dash)
        ("By: Jane Roe, Sr. Director of Operations, Harbour Movers - 10+ Years in the Moving Business", ["Jane Roe"]),
        ("by Jane Roe. — Accessibility", ["Jane Roe"]),  # a period before a separator ends it
        ("By April Fulton", ["April Fulton"]),  # a month that is also a given name
        ("By Harbour Staff", ["Harbour Staff"]),  # a team signs as one
        ("By Great Harbour Editorial Team", ["Great Harbour Editorial Team"]),
        ("By Jane Roe 4 Comments", ["Jane Roe"]),  # counters end the byline whatever their case
    ],
)
def test_bylines(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices rose 5%.",
        "By the end of the year, prices rose 5%",
        "By Jane Roe.",  # sentence punctuation, not an initial
        "By Monday",
        "By Updated",
        "By Car",
        "By Reuters",
        "By Staff Reporter · 2 days ago",
        "By October 1, 2015",
        "By May 2025, the harbour will reopen",
        "By the end of 2015, prices rose",
        "By Jane Roe, Staff Writer!",
        "by using this site you agree to our terms",
        "Von Berlin aus fuhr er nach Hamburg",
        "Von Montag bis Freitag",
        "Par ailleurs, le gouvernement a décidé",
        "Door closes at 5",
        "Por favor",
        "Di solito",
        "Written by",
        "From Monday to Friday",  # "from" is a label only with a colon
        "Share this article",
        "Jane Roe",
        "",
    ],
)
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_max_words():
    line = "By Jane Roe and John Doe and Mary Major and Alan Smithee"
    assert parse_byline(line) == ["Jane Roe", "John Doe", "Mary Major", "Alan Smithee"]
    assert parse_byline(line, max_words=10) is None
    long = "By Jane Roe, Director - " + " ".join(["word"] * 30)
    assert parse_byline(long) is None  # more than twice max_words: not read at all


def test_too_many_name_tokens():
    assert parse_byline("By Jane Anne Maria Louise Roe") is None


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("Jane Roe, John Doe", ["Jane Roe", "John Doe"]),
        ("Jane Roe; John Doe", ["Jane Roe", "John Doe"]),
        ("Jane Roe & John Doe", ["Jane Roe", "John Doe"]),
        ("Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
        ("Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"]),
        ("María López y Juan Pérez", ["María López", "Juan Pérez"]),
        ("Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]),
        ("Mario Rossi e Luca Bianchi", ["Mario Rossi", "Luca Bianchi"]),
        ("Jan de Vries en Piet Jansen", ["Jan de Vries", "Piet Jansen"]),
        ("Ola Nordmann och Kari Nordmann", ["Ola Nordmann", "Kari Nordmann"]),
        ("Ola Nordmann og Kari Nordmann", ["Ola Nordmann", "Kari Nordmann"]),
        ("Jane Roe, , John Doe,", ["Jane Roe", "John Doe"]),
        ("Jane Roe, Staff Writer", ["Jane Roe"]),
        ("Jane Roe Staff Writer", ["Jane Roe"]),
        ("Jane Roe, Reuters", ["Jane Roe"]),
        ("Jane E Roe", ["Jane E Roe"]),  # a capital initial is not the Italian "e"
        ("Jane A. Roe CPP, PSP", ["Jane A. Roe"]),  # credentials without a comma
        ("JANE ROE", ["JANE ROE"]),  # (a name in capitals is no credential)
        ("Jane Roe, Dietitian", ["Jane Roe"]),
        ("Jane Roe Lead Writer", ["Jane Roe"]),
        ("Anderson Cooper and Ethan Hawke", ["Anderson Cooper", "Ethan Hawke"]),
        ("", []),
    ],
)
def test_split_names(value, names):
    assert split_names(value) == names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("NATALIYA VASILYEVA", "Nataliya Vasilyeva"),
        ("jim heintz", "Jim Heintz"),
        ("RONALD MCDONALD", "Ronald McDonald"),
        ("PATRICK O'BRIEN", "Patrick O'Brien"),
        ("JEAN-YVES LE DRIAN", "Jean-Yves Le Drian"),
        ("jean-yves dupont", "Jean-Yves Dupont"),
        ("JAN VAN DER BERG", "Jan van der Berg"),
        ("VAN DER BERG", "Van der Berg"),
        ("JUAN DE LA CRUZ", "Juan de la Cruz"),
        ("LUDWIG VON MISES", "Ludwig von Mises"),
        ("BASHAR AL-ASSAD", "Bashar al-Assad"),
        ("J. R. R. TOLKIEN", "J. R. R. Tolkien"),
        ("MARTIN LUTHER KING III", "Martin Luther King III"),
        ("  JANE   ROE ", "Jane Roe"),
        ("Jane deVries", "Jane deVries"),  # mixed case kept
        ("Jean DUPONT", "Jean DUPONT"),
        ("McDonald", "McDonald"),
        ("ÉMILE ZOLA", "Émile Zola"),
        ("", ""),
    ],
)
def test_normalise_name(name, expected):
    assert normalise_name(name) == expected


def test_doctests():
    result = doctest.testmod(authors_module)
    assert result.attempted > 0 and result.failed == 0


@given(st.text(max_size=200), st.integers(min_value=0, max_value=20))
def test_parse_byline_never_raises(line, max_words):
    names = parse_byline(line, max_words=max_words)
    assert names is None or (names and all(isinstance(n, str) and n for n in names))
    split_names(line)
    normalise_name(line)


@given(st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=40))
def test_parse_byline_never_raises_on_bylike_text(rest):
    for marker in ("By ", "Von ", "Author: ", "Par "):
        parse_byline(marker + rest)
