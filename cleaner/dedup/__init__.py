"""Deduplication across the corpus: exact and near-duplicate articles.

* :mod:`.text`: normalisation, exact keys, word shingles;
* :mod:`.minhash`: MinHash signatures (datasketch's scheme) as uint32 arrays, LSH band keys;
* :mod:`.index`: map (one entry per document) → group by band key → verify →
  union-find → one kept member per cluster;
* :mod:`.stage`: :class:`DedupStage`, the corpus stage of a run.

The algorithm and the keep rule are described in ``docs/algorithm.md``
("Deduplication").

Only the config is imported here (``cleaner.config`` needs it): the rest
loads numpy, which a run without dedup never needs. Import
from the modules: ``from cleaner.dedup.stage import DedupStage``.
"""

from .config import DedupConfig

__all__ = ["DedupConfig"]
