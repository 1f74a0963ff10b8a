"""MinHash signatures (datasketch's scheme) and LSH band keys, as compact numpy arrays.

The map side of near-duplicate detection: a pure function of one document's
clean text, so any worker computes the same signature for the same text.

* :class:`Signer` computes a document's signature exactly as datasketch's
  ``MinHash(num_perm, seed, hashfunc=zlib.crc32, scheme="affine32")`` fed
  the text's shingles would (``tests/dedup/test_minhash.py`` checks it
  against datasketch): ``num_perm`` uint32 values, ``4 * num_perm`` bytes,
  never a MinHash object per document. Shingles are hashed with
  ``zlib.crc32`` (stable across processes and machines, unlike ``hash``;
  datasketch's default SHA-1 was 1.5 times slower), pre-mixed with the
  MurmurHash3 finaliser, then each permutation ``h -> a * h + b mod 2^32``
  keeps its least value. Doing this with numpy directly, from permutations
  drawn as datasketch draws them, avoids importing datasketch (0.3 s of CPU
  per worker) and a MinHash copy and update per document: 370 µs per
  signature of a 5,000-character scrape instead of 600 (CPU time, shingling
  included). Hashing each word once and mixing the hashes of 5 consecutive
  words with numpy was tried: no faster.
* :func:`band_keys` turns a matrix of signatures into one 64-bit key per band:
  two documents are LSH candidates when they share a key in some band.
"""

from __future__ import annotations

import zlib

import numpy as np

from .config import DedupConfig
from .text import shingles, words

_M1 = np.uint64(0xBF58_476D_1CE4_E5B9)
_M2 = np.uint64(0x94D0_49BB_1331_11EB)
_GOLDEN = np.uint64(0x9E37_79B9_7F4A_7C15)


def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``(a, b)`` uint32 arrays of datasketch's ``affine32`` permutations
    ``h -> a * h + b mod 2^32`` (``MinHash._init_permutations``: the same
    draws from the same generator; ``a`` odd, so each is a bijection)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser on a uint32 array (datasketch's pre-mix
    of the input hashes: it spreads weakly mixed ones such as crc32's)."""
    values = (values ^ (values >> np.uint32(16))) * np.uint32(0x85EB_CA6B)
    values = (values ^ (values >> np.uint32(13))) * np.uint32(0xC2B2_AE35)
    return values ^ (values >> np.uint32(16))


class Signer:
    """Computes signatures for one configuration. Owned by the run (it holds
    the permutations), cheap to build, safe to pickle to workers."""

    def __init__(self, config: DedupConfig = DedupConfig()):
        self.config = config
        a, b = permutations(config.num_perm, config.seed)
        # one row per permutation: the minimum is then taken along contiguous rows (faster than down columns)
        self._a, self._b = a[:, np.newaxis], b[:, np.newaxis]

    def signature(self, text: str, normalised: bool = False) -> np.ndarray | None:
        """The MinHash signature of ``text``'s word shingles (uint32,
        ``num_perm`` values), or None when the text has no words.
        ``normalised``: ``text`` is already :func:`~cleaner.dedup.text.normalise` d."""
        grams = shingles(words(text, normalised), self.config.shingle_words)
        if not grams:
            return None
        return self.minhash(np.fromiter(map(zlib.crc32, grams), dtype=np.uint32, count=len(grams)))

    def minhash(self, hashes: np.ndarray) -> np.ndarray:
        """Each permutation's least value over the (pre-mixed) input ``hashes``
        (uint32, at least one): datasketch's ``update_batch`` on a fresh
        MinHash, whose initial values (2^32 - 1) never beat a real one."""
        values = self._a * fmix32(hashes)  # num_perm × len(hashes), wrapping mod 2^32
        values += self._b
        return values.min(axis=1)


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
