"""Dedup's normalisation and shingles, against their first (slower, plainer) definitions."""

from __future__ import annotations

import hashlib
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from cleaner.dedup.text import normalise, shingles, straighten, words
from cleaner.document import content_id, fold

#: the typography table as it was first written (str.translate), the reference for straighten()
REFERENCE_TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
})

#: characters that exercise every step: typography, white space NFKC makes or keeps (no-break, en
#: space, ideographic), compatibility forms (fullwidth, ligature, superscript), case folding (ß, Σ),
#: combining marks, the underscore (a word character), digits and punctuation
INTERESTING = "".join(chr(c) for c in REFERENCE_TYPOGRAPHY) + (
    "\u00a0\u2002\u3000\t\n\r\x0b\x0c\x1c\x85 _-.,!?'\"0123456789"
    "aAbBzZéÉßΣσςﬁＨｈ²\u0301\u0308İıǅ漢字кирилл"
)
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=INTERESTING, max_size=80),
    st.lists(st.sampled_from(["a", "B", "é", "“x”", "it’s", "—", " ", "\u00a0", "ﬁ", "Σς", "..."]), max_size=40).map(" ".join),
)


def reference_normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().translate(REFERENCE_TYPOGRAPHY).split())


def reference_shingles(tokens: list[str], size: int) -> set[bytes]:
    """The distinct word ``size``-grams as first defined: a join and an encode each."""
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


@given(TEXTS)
def test_normalise_equals_translate_after_nfkc_and_casefold(text):
    assert normalise(text) == reference_normalise(text)
    assert normalise(fold(text), folded=True) == reference_normalise(text)
    assert straighten(text) == text.translate(REFERENCE_TYPOGRAPHY)


@given(TEXTS)
def test_content_id_of_the_folded_text_is_the_content_id(text):
    reference = hashlib.blake2b(" ".join(unicodedata.normalize("NFKC", text).casefold().split()).encode(), digest_size=8)
    assert content_id(text) == content_id(fold(text), folded=True) == reference.hexdigest()


@given(TEXTS, st.integers(1, 7))
def test_shingles_are_the_word_ngrams_in_order(text, size):
    tokens = words(text)
    grams = shingles(tokens, size)
    assert set(grams) == reference_shingles(tokens, size)
    assert len(grams) == (max(1, len(tokens) - size + 1) if tokens else 0)
    assert all(gram.decode("utf-8").split(" ") == tokens[i : i + size] for i, gram in enumerate(grams))

