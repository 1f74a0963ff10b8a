"""What dedup compares: the clean text, normalised, and its word shingles.

Normalisation folds what differs between copies of one article without
changing it: Unicode compatibility forms (NFKC), case, white space
(:func:`~cleaner.document.fold`, the form record ids are computed on), and
the typography of quotes, apostrophes and dashes (one site prints “curly”
quotes, another "straight" ones).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from ..document import fold

#: typographic character → its plain form. Applied with one str.replace per
#: character the text contains: str.translate with a mapping takes ~30 times
#: longer on long non-ASCII texts (the usual case: curly quotes, dashes)
_TYPOGRAPHY = (
    ("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u2032", "'"), ("\u00b4", "'"), ("`", "'"),
    ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u201f", '"'), ("\u2033", '"'), ("\u00ab", '"'), ("\u00bb", '"'),
    ("\u2039", "'"), ("\u203a", "'"),
    ("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\u2013", "-"), ("\u2014", "-"), ("\u2015", "-"),
)
_WORD = re.compile(r"\w+")


def straighten(text: str) -> str:
    """``text`` with typographic quotes, apostrophes and dashes made plain.

    >>> straighten("“it’s” — fine")
    '"it\\'s" - fine'
    """
    for fancy, plain in _TYPOGRAPHY:
        if fancy in text:
            text = text.replace(fancy, plain)
    return text


def normalise(text: str, folded: bool = False) -> str:
    """The form two exact duplicates share: :func:`~cleaner.document.fold`,
    then :func:`straighten` (the other order gives the same: no typographic
    character is or becomes white space). ``folded``: ``text`` is already
    folded.

    >>> normalise("“Hello”  WORLD — it’s\\n\\nfine") == normalise('"hello" world - it\\'s fine')
    True
    """
    return straighten(text if folded else fold(text))


def exact_key(text: str, normalised: bool = False) -> int:
    """A 64-bit key of the normalised text: equal for exact duplicates."""
    norm = text if normalised else normalise(text)
    return int.from_bytes(hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest(), "big")


def words(text: str, normalised: bool = False) -> list[str]:
    """The words of the normalised text (punctuation dropped).

    >>> words("It’s a “test”—of  WORDS.")
    ['it', 's', 'a', 'test', 'of', 'words']
    """
    return _WORD.findall(text if normalised else normalise(text))


def shingles(tokens: list[str], size: int) -> list[bytes]:
    """The word ``size``-grams of ``tokens`` (:func:`words`: non-empty, no
    spaces), UTF-8 encoded for hashing, in order and repeats included (a
    MinHash of a multiset is the MinHash of its set); one shingle of all of
    them when there are fewer; none for no words.

    The words are joined and encoded once and each shingle is a slice of that
    (its words are separated by one space, as in ``" ".join``): a join and an
    encode per shingle took twice as long.

    >>> shingles(["a", "b", "c", "d"], 3), shingles(["é"], 3), shingles([], 3)
    ([b'a b c', b'b c d'], [b'\\xc3\\xa9'], [])
    """
    joined = " ".join(tokens).encode("utf-8")
    starts, stops = _shingle_spans(joined, size)
    return [joined[start:stop] for start, stop in zip(starts, stops)]


def _shingle_spans(joined: bytes, size: int) -> tuple[list[int], list[int]]:
    """Start and stop offsets in ``joined`` (UTF-8 words separated by one
    space) of its word ``size``-grams. The words are found by their space
    bytes: in UTF-8, byte 0x20 is never part of another character."""
    if not joined:
        return [], []
    spaces = np.flatnonzero(np.frombuffer(joined, dtype=np.uint8) == ord(" "))
    if len(spaces) < size:
        return [0], [len(joined)]
    starts = np.concatenate(([0], spaces[: len(spaces) - size + 1] + 1))
    stops = np.concatenate((spaces[size - 1 :], [len(joined)]))
    return starts.tolist(), stops.tolist()
