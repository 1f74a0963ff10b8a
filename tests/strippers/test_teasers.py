"""Teaser lists: a headline-like line every 2 or 3 lines with short blurbs between."""

from __future__ import annotations

from cleaner.strippers.line_features import line_features, load_resources, teaser_blocks

PROSE = ("The council voted on Tuesday to keep the harbour ferry running through the winter, after a campaign by "
         "islanders who said the boat was the only way for their children to reach the school on the mainland.")
TEASERS = [
    "Ferry Fares Rise Again", "Operators blame the price of fuel.",
    "New Pier Opens In May", "Work finished two weeks early.",
    "Storm Closes Coastal Road", "Drivers were told to avoid the area.",
    "Lifeboat Crew Honoured", "The crew saved four sailors in March.",
]


def _flags(lines: list[str]) -> list[bool]:
    resources = load_resources()
    return teaser_blocks(line_features(lines, resources.stoplist("en"), resources, {}))


def test_teaser_list_after_the_story_is_flagged():
    flags = _flags([PROSE, *TEASERS])
    assert not flags[0] and all(flags[1:])


def test_block_that_paragraphs_enclose_is_a_listicle_item_not_teasers():
    flags = _flags([PROSE, *TEASERS, PROSE.replace("Tuesday", "Wednesday")])
    assert not any(flags)
