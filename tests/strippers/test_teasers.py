"""Teaser lists: a headline-like line every 2 or 3 lines with short blurbs between."""

from __future__ import annotations

from cleaner.strippers.line_features import line_features, load_resources
from cleaner.strippers.teasers import teaser_blocks

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


def _item(number: int, name: str, paragraphs: bool = True) -> list[str]:
    """A listicle's item: a numbered heading, a product card that reads like a teaser list, its paragraphs."""
    card = ["Best for Long Trips on Open Water", f"Jane Roe showing the {name} she rented for a week around the bay.",
            "Image from Jane's April review.", "Fast Facts", "• Cost: Starts at $94 per month", "• Seats: four adults",
            "• Weight: 80 kg", "Boat Details"]
    after = ["Pros and Cons", "Pros", "• Sturdy hull", "• Folds flat", "Cons", "• Slow in a headwind",
             "Starting at $94.00", f"Try {name}", f"If you want to learn more, check out all our {name} reviews."]
    return [f"{number}. {name}", *card, *([PROSE, PROSE.replace("Tuesday", "Monday")] if paragraphs else []), *after]


BOATS = ("Harbour Skiff", "Island Dory", "Coastal Sloop", "Bay Canoe")


def test_numbered_listicle_items_with_paragraphs_are_not_teasers():
    lines = [PROSE, PROSE] + [line for n, name in enumerate(BOATS, 1) for line in _item(n, name)]
    assert not any(_flags(lines))  # (27 of these lines were flagged before listicles were recognised)
    # the same cards without paragraphs between the headings are no listicle: teaser flags stay
    cards = [PROSE, PROSE] + [line for n, name in enumerate(BOATS, 1) for line in _item(n, name, paragraphs=False)]
    assert any(_flags(cards))
