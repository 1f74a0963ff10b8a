"""Signer computes datasketch's MinHash (affine32, crc32) without datasketch: checked against it."""

from __future__ import annotations

import re
import zlib

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given
from hypothesis import strategies as st

from cleaner.dedup.config import DedupConfig
from cleaner.dedup.index import DedupMapper
from cleaner.dedup.minhash import Signer, permutations
from tests.dedup.test_text import TEXTS, reference_normalise, reference_shingles

CONFIGS = st.builds(
    DedupConfig,
    shingle_words=st.sampled_from([1, 2, 5]),
    num_perm=st.sampled_from([2, 16, 128]),
    seed=st.sampled_from([0, 1, 42]),
)


def datasketch_signature(text: str, config: DedupConfig) -> np.ndarray | None:
    """The signature as first computed: datasketch's MinHash over the distinct shingles."""
    grams = reference_shingles(re.findall(r"\w+", reference_normalise(text)), config.shingle_words)
    if not grams:
        return None
    sketch = MinHash(num_perm=config.num_perm, seed=config.seed, hashfunc=zlib.crc32, scheme="affine32")
    sketch.update_batch(grams)
    return np.asarray(sketch.hashvalues, dtype=np.uint32)


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (2, 0), (64, 7), (256, 2**31)])
def test_permutations_are_datasketchs(num_perm, seed):
    a, b = permutations(num_perm, seed)
    expected = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    assert a.dtype == b.dtype == np.uint32
    assert np.array_equal(a, expected[0]) and np.array_equal(b, expected[1])


@given(TEXTS, CONFIGS)
def test_signature_is_datasketchs(text, config):
    expected = datasketch_signature(text, config)
    for signature in (Signer(config).signature(text), DedupMapper(config).entry("s", text).signature):
        if expected is None:
            assert signature is None
        else:
            assert signature.dtype == np.uint32 and np.array_equal(signature, expected)


@given(st.lists(st.sampled_from(["a", "b", "c", "ü", "x_1"]), min_size=1, max_size=60).map(" ".join), CONFIGS)
def test_repeated_shingles_count_once(text, config):
    """Few distinct words: many repeated shingles, which must not change the signature."""
    assert np.array_equal(Signer(config).signature(text), datasketch_signature(text, config))
