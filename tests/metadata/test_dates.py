"""Dates printed in short lines: forms, times, ambiguity, and what is not a date."""

from __future__ import annotations

import datetime
import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner.metadata.dates as dates_module
from cleaner import Cleaner
from cleaner.metadata.dates import ParsedDate, date_line, find_date, find_dates, page_order


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("October 1, 2015", "2015-10-01"),
        ("Thursday, October 1, 2015 1:02am", "2015-10-01T01:02:00"),
        ("1 October 2015", "2015-10-01"),
        ("Oct. 1, 2015", "2015-10-01"),
        ("Sept. 1st, 2015", "2015-09-01"),
        ("1st of October, 2015", "2015-10-01"),
        ("1. Oktober 2015", "2015-10-01"),
        ("Donnerstag, 1. Oktober 2015", "2015-10-01"),
        ("1 de octubre de 2015", "2015-10-01"),
        ("jueves, 1 de octubre de 2015", "2015-10-01"),
        ("1er octobre 2015", "2015-10-01"),
        ("jeudi 1er octobre 2015", "2015-10-01"),
        ("1 ottobre 2015", "2015-10-01"),
        ("giovedì 1° ottobre 2015", "2015-10-01"),
        ("1 de outubro de 2015", "2015-10-01"),
        ("quinta-feira, 1 de outubro de 2015", "2015-10-01"),
        ("1 oktober 2015", "2015-10-01"),
        ("donderdag 1 oktober 2015", "2015-10-01"),
        ("1 mars 2015", "2015-03-01"),
        ("01-Oct-2015", "2015-10-01"),
        ("2015-10-01", "2015-10-01"),
        ("2015/10/01", "2015-10-01"),
        ("01.10.2015", "2015-10-01"),  # dotted numeric: day first
        ("25/12/2015", "2015-12-25"),  # a part > 12 settles it
        ("12/25/2015", "2015-12-25"),
        ("10/10/2015", "2015-10-10"),  # day == month
        ("Jan 5, 2019", "2019-01-05"),
        ("MAY 5, 2019", "2019-05-05"),
    ],
)
def test_date_forms(line, iso):
    parsed = find_date(line)
    assert parsed is not None
    assert parsed.iso == iso
    assert parsed.resolved_by == "unambiguous"


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Thursday, October 1, 2015 1:02am", "2015-10-01T01:02:00"),
        ("Jan 5, 2019 at 3:04 pm", "2019-01-05T15:04:00"),
        ("Jan 5, 2019 at 3:04 p.m.", "2019-01-05T15:04:00"),
        ("1 October 2015 13:45", "2015-10-01T13:45:00"),
        ("1 Oct 2015 12am", "2015-10-01T00:00:00"),
        ("1 Oct 2015 12pm", "2015-10-01T12:00:00"),
        ("01.10.2015 um 13:45 Uhr", "2015-10-01T13:45:00"),
        ("1er octobre 2015 à 13h45", "2015-10-01T13:45:00"),
        ("1 de octubre de 2015 a las 13:45", "2015-10-01T13:45:00"),
        ("2015-10-01T13:45:00Z", "2015-10-01T13:45:00Z"),
        ("2015-10-01T13:45:00.123+02:00", "2015-10-01T13:45:00+02:00"),
        ("2015-10-01 13:45:00+0200", "2015-10-01T13:45:00+02:00"),
        ("2015-10-01 13:45", "2015-10-01T13:45:00"),
        ("Thu, 01 Oct 2015 13:45:00 GMT", "2015-10-01T13:45:00"),  # zone names add no offset
        ("9 February 2024, 21:47 GMT", "2024-02-09T21:47:00"),
    ],
)
def test_times(line, iso):
    assert find_date(line).iso == iso


def test_raw_and_span_point_into_the_line():
    line = "• Posted Thursday, October 1, 2015 1:02am by staff"
    parsed = find_date(line)
    assert parsed.raw == "Thursday, October 1, 2015 1:02am"
    assert line[parsed.span[0]:parsed.span[1]] == parsed.raw


def test_zone_name_stays_in_raw():
    line = "Published: 9 February 2024, 21:47 GMT | Updated: 10 February 2024, 08:05 GMT"
    parsed = date_line(line)
    assert (parsed.iso, parsed.raw) == ("2024-02-09T21:47:00", "9 February 2024, 21:47 GMT")


def test_weekday_printed_in_date_line():
    parsed = date_line("Updated: Friday 08/03/2024")
    assert (parsed.iso, parsed.resolved_by) == ("2024-03-08", "weekday")


def test_an_impossible_time_is_left_out_of_the_date():
    parsed = find_date("1 Oct 2015 13pm")
    assert (parsed.iso, parsed.raw) == ("2015-10-01", "1 Oct 2015")


def test_first_date_wins():
    assert find_date("Published 1 Oct 2015, updated 2 Oct 2015").iso == "2015-10-01"


@pytest.mark.parametrize(
    "line",
    [
        "5 hours ago",
        "Posted 3 days ago",
        "vor 5 Stunden",
        "hace 2 días",
        "il y a 3 jours",
        "yesterday",
        "about 2,000 people came",
        "In 2015 the company grew by 5%",
        "October 2015",
        "31/31/2015",
        "30 February 2015",
        "1 October 1850",  # before MIN_YEAR
        "1 October 2150",
        "version 1.2.2015.4",
        "call 01/10/15",  # two-digit years are not read
        "",
    ],
)
def test_not_a_date(line):
    assert find_date(line) is None


# 1 Oct 2015 was a Thursday, 10 Jan 2015 a Saturday.
def test_ambiguous_numeric_date_is_unresolved_without_help():
    for line in ("Published on 01/10/2015", "10-01-2015"):
        parsed = find_date(line)
        assert parsed.iso is None
        assert parsed.resolved_by == "unresolved"
        assert parsed.raw in line


@pytest.mark.parametrize(
    ("order", "iso"), [("day-first", "2015-10-01"), ("month-first", "2015-01-10")]
)
def test_site_order_resolves(order, iso):
    parsed = find_date("01/10/2015", order=order)
    assert (parsed.iso, parsed.resolved_by) == (iso, "site-order")
    assert find_date("10-01-2015", order=order).iso == ("2015-01-10" if order == "day-first" else "2015-10-01")


def test_site_order_not_needed_when_unambiguous():
    parsed = find_date("25/12/2015", order="month-first")
    assert (parsed.iso, parsed.resolved_by) == ("2015-12-25", "unambiguous")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Thursday 01/10/2015", "2015-10-01"),
        ("Saturday 01/10/2015", "2015-01-10"),
        ("Thu, 01/10/2015", "2015-10-01"),
        ("Donnerstag, 01/10/2015", "2015-10-01"),
        ("Published 01/10/2015 (jeudi)", "2015-10-01"),
    ],
)
def test_weekday_in_line_resolves(line, iso):
    parsed = find_date(line)
    assert (parsed.iso, parsed.resolved_by) == (iso, "weekday")


def test_weekday_in_context_resolves():
    parsed = find_date("Published on 01/10/2015", context="Thursday's vote was close.")
    assert (parsed.iso, parsed.resolved_by) == ("2015-10-01", "weekday")
    assert find_date("Published on 01/10/2015", context="am Samstag").iso == "2015-01-10"


def test_context_weekday_matching_neither_reading_leaves_it_unresolved():
    parsed = find_date("Published on 01/10/2015", context="Monday and Tuesday")
    assert (parsed.iso, parsed.resolved_by) == (None, "unresolved")


def test_context_weekday_used_only_when_one_reading_matches_and_other_none():
    both = "On Thursday ... on Saturday"
    assert find_date("Published on 01/10/2015", context=both).resolved_by == "unresolved"
    one = "On Thursday ... on Monday"
    assert find_date("Published on 01/10/2015", context=one).iso == "2015-10-01"


def test_weekday_in_line_preferred_over_context():
    parsed = find_date("Saturday, 01/10/2015", context="Thursday and Saturday")
    assert (parsed.iso, parsed.resolved_by) == ("2015-01-10", "weekday")


def test_site_order_beats_weekday():
    parsed = find_date("Thursday 01/10/2015", order="month-first")
    assert (parsed.iso, parsed.resolved_by) == ("2015-01-10", "site-order")


@pytest.mark.parametrize(
    "line",
    [
        "Published on 01/10/2015",
        "• Thursday, October 1, 2015 1:02am",
        "Posted: October 1, 2015",
        "Last updated on October 1, 2015 at 3:04 pm",
        "Veröffentlicht am 1. Oktober 2015",
        "Aktualisiert am 01.10.2015, 13:45 Uhr",
        "Publicado el 1 de octubre de 2015",
        "Actualizado el 1 de octubre de 2015",
        "Publié le 1er octobre 2015 à 13h45",
        "Mis à jour le 1er octobre 2015",
        "Pubblicato il 1 ottobre 2015",
        "Gepubliceerd op 1 oktober 2015",
        "Published: 2015-10-01 | Updated: 2015-10-02",
        "October 1, 2015 | 5 min read",
        "By Jane Roe | October 1, 2015",
        "2015-10-01",
    ],
)
def test_date_lines(line):
    assert isinstance(date_line(line), ParsedDate)


@pytest.mark.parametrize(
    "line",
    [
        "The vote on October 1, 2015 was close and everyone knew it.",
        "On October 1, 2015, the council met to discuss the budget again.",
        "Posted 5 hours ago",
        "Share this article",
        "By Jane Roe | October 1, 2015 | 5 min read",
    ],
)
def test_not_date_lines(line):
    assert date_line(line) is None


def test_max_extra_words():
    line = "October 1, 2015 | 5 min read"
    assert date_line(line, max_extra_words=3) is not None
    assert date_line(line, max_extra_words=2) is None


def test_date_line_passes_order_and_context_on():
    assert date_line("Published on 01/10/2015", order="month-first").iso == "2015-01-10"
    assert date_line("Published on 01/10/2015", context="jeudi").iso == "2015-10-01"
    assert date_line("Published on 01/10/2015").resolved_by == "unresolved"


def test_parsed_date_is_frozen():
    parsed = find_date("2015-10-01")
    with pytest.raises(AttributeError):
        parsed.iso = "x"


def test_doctests():
    result = doctest.testmod(dates_module)
    assert result.attempted > 0 and result.failed == 0


@given(st.text(max_size=200), st.text(max_size=200))
def test_find_date_never_raises(line, context):
    for parsed in (find_date(line, context=context), date_line(line, context=context)):
        if parsed is not None:
            assert line[parsed.span[0]:parsed.span[1]] == parsed.raw
            assert parsed.resolved_by in ("unambiguous", "site-order", "weekday", "unresolved")


@given(
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31)),
    st.sampled_from(["{d} {B} {Y}", "{B} {d}, {Y}", "{Y}-{m:02d}-{d:02d}", "{d:02d}.{m:02d}.{Y}"]),
)
def test_round_trip(day, form):
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    line = form.format(d=day.day, m=day.month, Y=day.year, B=months[day.month - 1])
    assert find_date(line).iso == day.isoformat()


def test_page_order_from_the_pages_own_dates():
    assert page_order("Posted 09.10.2024 · reply of 11.24.2025") == "month-first"
    assert page_order("Posted 09.10.2024 · reply of 24.11.2025") == "day-first"
    assert page_order("3/4/2024 and 4/3/2024") is None  # no evidence
    assert page_order("13/04/2024 and 04/13/2024") is None  # evidence both ways: trust neither


def test_page_order_resolves_the_ranked_date():
    text = "\n\n".join(["Harbour basin to be dredged", "09.10.2024",
                        "The harbour authority said on Tuesday that dredging would start next spring and take "
                        "two years, after a study found silt had cut the basin's depth by a third.",
                        "Reader comment, 11.24.2025: about time."])
    doc = Cleaner().clean_text(text)
    assert doc.meta.published == "2024-09-10"
    assert doc.meta.published_resolved_by == "page-order"


def test_month_glued_to_a_year():
    assert [d.iso for d in find_dates("May 21, 2025April 24, 2025 by Ana Ruiz")] == ["2025-05-21", "2025-04-24"]


def test_name_tables_are_those_of_dateparser_imported():
    """dateparser's data files, read without importing dateparser, give the tables its imported modules give."""
    import importlib

    from cleaner.metadata import dates

    data = {lang: importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info for lang in dates.LANGUAGES}
    assert dates.MONTHS == dates._name_table(dates.MONTH_KEYS, data)
    assert dates.WEEKDAYS == {k: v - 1 for k, v in dates._name_table(dates.WEEKDAY_KEYS, data).items()}
    assert dates.FULL_WEEKDAYS == dates._full_weekdays(data)
    assert list(dates.MONTHS) == list(dates._name_table(dates.MONTH_KEYS, data))  # (the order the regexes are built in)
