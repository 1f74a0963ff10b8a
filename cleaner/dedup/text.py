"""What dedup compares: the clean text, normalised, and its word shingles.

Normalisation folds what differs between copies of one article without
changing it: Unicode compatibility forms (NFKC), case, white space, and the
typography of quotes, apostrophes and dashes (one site prints “curly” quotes,
another "straight" ones).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'", "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
})
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The form two exact duplicates share.

    >>> normalise("“Hello”  WORLD — it’s\\n\\nfine") == normalise('"hello" world - it\\'s fine')
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_TYPOGRAPHY)
    return " ".join(folded.split())


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


def shingles(tokens: list[str], size: int) -> set[bytes]:
    """The distinct word ``size``-grams of ``tokens`` (one shingle of all
    of them when there are fewer; none for no words), UTF-8 encoded for hashing.

    >>> sorted(shingles(["a", "b", "c", "d"], 3)), shingles(["a"], 3), shingles([], 3)
    ([b'a b c', b'b c d'], {b'a'}, set())
    """
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}
