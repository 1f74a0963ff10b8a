"""Fast paths of the line features: each gives what the general code gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cleaner.strippers.line_features import WORD, line_text_features, load_resources, words_and_lowered

RESOURCES = load_resources()


@given(st.text(alphabet="0123456789 abcXYZ.,:/-²’é٣_", max_size=40))
def test_line_text_features_counts_digits_as_str_isdigit_does(line):
    """The digits of ASCII words are found with a regex; the count is the one str.isdigit gives on the line."""
    digits = sum(map(str.isdigit, line))
    letters = sum(map(len, re.findall(r"\w+", line))) or 1
    assert line_text_features(line, frozenset(), RESOURCES).head["digit_share"] == min(digits / letters, 1.0)


@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
def test_words_and_lowered_split_as_the_word_regex_does(line):
    """ASCII lines are split by bytes.translate: the same words as WORD.findall, and the same lower-cased."""
    words = WORD.findall(line)
    assert words_and_lowered(line) == (words, [w.lower() for w in words])
