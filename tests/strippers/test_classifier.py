"""Line classifier: hand-written examples (our own text, no publisher text)."""

from __future__ import annotations

import dataclasses

import pytest

from cleaner.strippers.classifier import ClassifierConfig, LineClassifier, LineVerdict, best_run

ARTICLE = [
    "The town council voted on Tuesday evening to rebuild the old stone bridge over the river, "
    "ending a debate that had lasted for almost three years.",
    "Engineers had warned last spring that the bridge, which was built in the late nineteenth "
    "century, could no longer carry the weight of modern delivery trucks.",
    "The new design keeps the original arches but adds a steel deck, and the work is expected "
    "to take about eighteen months once the contracts are signed.",
    "Residents who live near the river said they were relieved that the council had finally "
    "reached a decision, although some of them worried about the noise.",
    "The mayor said the town would publish a detailed timetable for the closures in the local "
    "paper and on the notice board outside the library next month.",
]

SUBHEADING = "Funding from the region"
QUOTE = "“We waited long enough,” she said."
MIDDLE = [
    "Most of the money will come from a regional fund for transport projects, which covers two "
    "thirds of the cost of repairs to bridges older than a century.",
    "The rest will be paid from the town's own reserves, and the council said that no new local tax would be needed to finish the project on time.",
]

MENU = ["Home", "News", "Sport", "Business", "Culture", "Weather", "Contact us"]

CHROME_TAIL = [
    "Share this article",
    "Subscribe to our newsletter",
    "Sign up",
    "© 2024 Example Media. All rights reserved.",
    "Privacy policy",
    "Cookie settings",
]

TEASERS = [
    "Library extends its opening hours for the summer",
    "Readers will be able to borrow books until nine in the evening.",
    "Farmers market returns to the main square",
    "Stalls open every Saturday from early morning until noon.",
    "School choir wins regional singing contest",
    "The children beat twelve other choirs from across the valley.",
    "New cycle path links the station and the hospital",
    "The path took two years to build and cost less than planned.",
]


@pytest.fixture(scope="module")
def clf() -> LineClassifier:
    return LineClassifier()


def kept(clf: LineClassifier, lines: list[str], language: str | None = "en") -> list[str]:
    return [line for line, v in zip(lines, clf.classify(lines, language)) if v.keep]


def test_clean_article_unchanged(clf):
    assert kept(clf, ARTICLE) == ARTICLE


def test_clean_article_with_subheading_and_quote_unchanged(clf):
    lines = ARTICLE[:3] + [SUBHEADING] + MIDDLE + [QUOTE] + ARTICLE[3:]
    assert kept(clf, lines) == lines


def test_menu_run_dropped(clf):
    lines = MENU + ARTICLE
    assert kept(clf, lines) == ARTICLE


def test_trailing_teaser_list_without_heading_dropped(clf):
    lines = ARTICLE + TEASERS
    assert kept(clf, lines) == ARTICLE


def test_chrome_vocabulary_lines_dropped(clf):
    lines = ARTICLE + CHROME_TAIL
    assert kept(clf, lines) == ARTICLE


def test_chrome_inside_article_dropped(clf):
    lines = ARTICLE[:3] + ["Advertisement"] + ARTICLE[3:]
    assert kept(clf, lines) == ARTICLE


def test_everything_together(clf):
    body = ARTICLE[:3] + [SUBHEADING] + MIDDLE + [QUOTE] + ARTICLE[3:]
    lines = MENU + body + CHROME_TAIL[:2] + TEASERS + CHROME_TAIL[2:]
    assert kept(clf, lines) == body


def test_removed_lines_carry_rule_and_evidence(clf):
    lines = MENU + ARTICLE + CHROME_TAIL + TEASERS
    verdicts = clf.classify(lines, "en")
    assert len(verdicts) == len(lines)
    for verdict in verdicts:
        assert isinstance(verdict, LineVerdict)
        assert 0.0 <= verdict.score <= 1.0
        assert "words=" in verdict.evidence and "stop=" in verdict.evidence
        if verdict.keep:
            assert verdict.rule_id == ""
        else:
            assert verdict.rule_id.startswith(("heuristic.classifier.", "heuristic.region."))


def test_chrome_rule_names_the_phrase(clf):
    lines = ARTICLE[:3] + ["Share this article"] + ARTICLE[3:]
    verdict = clf.classify(lines, "en")[3]
    assert not verdict.keep
    assert "chrome='share this article'" in verdict.evidence


def test_deterministic(clf):
    lines = MENU + ARTICLE + CHROME_TAIL + TEASERS
    first = clf.classify(lines, "en")
    assert all(LineClassifier().classify(lines, "en") == first for _ in range(3))


def test_unknown_language_uses_merged_stoplist(clf):
    assert kept(clf, ARTICLE, None) == ARTICLE
    assert kept(clf, ARTICLE, "xx") == ARTICLE


def test_empty_and_tiny_documents(clf):
    assert clf.classify([], "en") == []
    assert [v.keep for v in clf.classify(["Just one line of text here."], "en")] == [True]


def test_never_empty_when_there_is_text(clf):
    lines = ["Menu", "A short note about the meeting.", "Login"]
    assert any(v.keep for v in clf.classify(lines, "en"))


def test_config_is_frozen_and_named():
    cfg = ClassifierConfig()
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.keep_threshold = 0.1  # type: ignore[misc]


def test_best_run():
    assert best_run([-1.0, 2.0, -0.5, 3.0, -4.0, 1.0]) == (1, 4, 4.5)
    assert best_run([-1.0, -2.0]) == (0, 0, 0.0)


CLOSING = "The first public meeting about the timetable is planned for 4 May."


def test_short_closing_line_kept_at_the_end(clf):
    lines = ARTICLE + [CLOSING]
    assert kept(clf, lines) == lines
    assert kept(clf, lines + CHROME_TAIL) == lines


def test_chrome_words_do_not_condemn_prose(clf):
    prose = ["What happens next",
             "New parking permits will be posted to residents next month, and the council said it would "
             "publish more details about the scheme on its website.",
             "The committee is already talking about a second bridge."]
    lines = ARTICLE[:3] + prose + ARTICLE[3:]
    assert kept(clf, lines) == lines


def test_label_lines_dropped(clf):
    lines = ARTICLE + ["Tags: bridge, river, town council"]
    assert kept(clf, lines) == ARTICLE


def test_affiliate_disclosure_dropped(clf):
    lines = ["We may earn a commission when you buy through links on our site."] + ARTICLE + CHROME_TAIL
    assert kept(clf, lines) == ARTICLE


@pytest.mark.parametrize("lines", [
    ARTICLE + [CLOSING],
    MENU + ARTICLE[:3] + [SUBHEADING] + MIDDLE + [QUOTE] + ARTICLE[3:] + [CLOSING] + CHROME_TAIL[:2] + TEASERS,
    ["Contents"] + ARTICLE[:2] + ["• first item of a list", "• second item", "• third item"] + ARTICLE[2:],
])
def test_kept_lines_are_a_fixed_point(clf, lines):
    """Cleaning is idempotent: the lines kept, classified again, are all kept."""
    first = kept(clf, lines)
    assert kept(clf, first) == first


def _listicle_item(number: int, name: str) -> list[str]:
    """A numbered heading, two paragraphs, then a product card of short, chrome-like lines."""
    card = ["Best for Long Trips on Open Water", "Fast Facts", "• Cost: Starts at $94 per month", "• Seats: four adults",
            "Pros and Cons", "Pros", "• Sturdy hull", "Cons", "• Slow in a headwind", "Starting at $94.00", f"Try {name}",
            "Check price at Example Shop", "Subscribe to our newsletter", "Share this article", "Read our full review",
            "Compare prices"]
    return [f"{number}. {name}", ARTICLE[number % 5], MIDDLE[number % 2], *card]


def test_listicle_cards_do_not_end_the_article():
    """The region search crosses a listicle's product cards (listicle_bridge); without that it stops after item 1."""
    doc = ARTICLE[:2] + [line for n, name in enumerate(("Harbour Skiff", "Island Dory", "Coastal Sloop", "Bay Canoe"), 1)
                         for line in _listicle_item(n, name)]
    paragraphs = [i for i, line in enumerate(doc) if len(line.split()) > 20]
    for bridge, expected in ((True, paragraphs), (False, paragraphs[:4])):
        verdicts = LineClassifier(dataclasses.replace(ClassifierConfig(), listicle_bridge=bridge)).classify(doc, "en")
        assert [i for i in paragraphs if verdicts[i].keep] == expected, bridge
        if bridge:  # the cards' lines are still judged by their own scores
            assert not any(v.keep for line, v in zip(doc, verdicts) if line == "Subscribe to our newsletter")
