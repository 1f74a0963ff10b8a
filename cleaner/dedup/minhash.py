"""MinHash signatures (datasketch) and LSH band keys, as compact numpy arrays.

The map side of near-duplicate detection: a pure function of one document's
clean text, so any worker computes the same signature for the same text.

* :func:`shingle_hashes`: the distinct 32-bit hashes of a text's word
  n-grams. Each distinct word is hashed once (``zlib.crc32``: stable across
  processes and machines, unlike ``hash``), and the hash of an n-gram is a
  mix of its words' hashes, computed for all n-grams at once with numpy,
  instead of joining every n-gram into a string and hashing that (2x faster
  per document, measured on the 400-word documents of
  ``bench/dedup_corpus.py``; two different n-grams collide with probability
  2^-32, as with any 32-bit shingle hash);
* :class:`Signer` turns them into a signature with datasketch's
  :class:`~datasketch.MinHash` (scheme ``affine32``: ``num_perm`` uint32
  values) and keeps only the array, ``4 * num_perm`` bytes, never a MinHash
  object per document.
* :func:`band_keys` turns a matrix of signatures into one 64-bit key per band:
  two documents are LSH candidates when they share a key in some band.
"""

from __future__ import annotations

import zlib

import numpy as np

from .config import DedupConfig
from .text import words

_M1 = np.uint64(0xBF58_476D_1CE4_E5B9)
_M2 = np.uint64(0x94D0_49BB_1331_11EB)
_GOLDEN = np.uint64(0x9E37_79B9_7F4A_7C15)


class Signer:
    """Computes signatures for one configuration. Owned by the run (it holds
    datasketch's permutations), cheap to build, safe to pickle to workers."""

    def __init__(self, config: DedupConfig = DedupConfig()):
        from datasketch import MinHash  # here, not at import: it takes half a second to load

        self.config = config
        # the inputs are already 32-bit shingle hashes: datasketch's hash function is the identity
        self._template = MinHash(num_perm=config.num_perm, seed=config.seed, hashfunc=int, scheme="affine32")

    def signature(self, text: str, normalised: bool = False) -> np.ndarray | None:
        """The MinHash signature of ``text``'s word shingles (uint32,
        ``num_perm`` values), or None when the text has no words.
        ``normalised``: ``text`` is already :func:`~cleaner.dedup.text.normalise` d."""
        hashes = shingle_hashes(words(text, normalised), self.config.shingle_words)
        if not len(hashes):
            return None
        sketch = self._template.copy()
        sketch.update_batch(hashes.tolist())  # Python ints: datasketch calls its hash function on each
        return np.asarray(sketch.hashvalues, dtype=np.uint32)


def shingle_hashes(tokens: list[str], size: int) -> np.ndarray:
    """The distinct 32-bit hashes of the word ``size``-grams of ``tokens``
    (one of all of them when there are fewer; none for no tokens), sorted.

    >>> a = shingle_hashes("the cat sat on the mat".split(), 3)
    >>> b = shingle_hashes("a cat sat on the mat".split(), 3)
    >>> len(a), len(np.intersect1d(a, b)), len(shingle_hashes([], 3)), len(shingle_hashes(["x"], 3))
    (4, 3, 0, 1)
    """
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    ids = {token: zlib.crc32(token.encode("utf-8")) for token in set(tokens)}
    word = np.fromiter(map(ids.__getitem__, tokens), dtype=np.uint64, count=len(tokens))
    span = min(size, len(tokens))
    count = len(tokens) - span + 1
    with np.errstate(over="ignore"):
        acc = np.full(count, np.uint64(span) * _GOLDEN, dtype=np.uint64)
        for offset in range(span):
            acc = _mix(acc ^ word[offset : offset + count])
    return np.unique((acc >> np.uint64(32)).astype(np.uint32))


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser on a uint64 array."""
    values = (values ^ (values >> np.uint64(30))) * _M1
    values = (values ^ (values >> np.uint64(27))) * _M2
    return values ^ (values >> np.uint64(31))


def band_keys(signatures: np.ndarray, bands: int, rows: int, first_band: int = 0) -> np.ndarray:
    """One uint64 key per (document, band): a hash of the band's ``rows``
    signature values and of the band number, so equal values in different
    bands do not collide. ``signatures`` is (documents × num_perm) uint32,
    or a slice of columns starting at band ``first_band``.

    >>> sig = np.arange(12, dtype=np.uint32).reshape(2, 6)
    >>> keys = band_keys(np.vstack([sig, sig[:1]]), bands=3, rows=2)
    >>> keys.shape, bool((keys[0] == keys[2]).all()), bool((keys[0] == keys[1]).any())
    ((3, 3), True, False)
    """
    n = signatures.shape[0]
    if bands * rows > signatures.shape[1]:
        raise ValueError("bands * rows exceeds the signature length")
    keys = np.empty((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            acc = np.full(n, np.uint64(first_band + band + 1) * _GOLDEN, dtype=np.uint64)
            for column in signatures[:, band * rows : (band + 1) * rows].T:
                acc = _mix(acc ^ column.astype(np.uint64))
            keys[:, band] = acc
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal signature values."""
    return float(np.count_nonzero(a == b)) / len(a)
