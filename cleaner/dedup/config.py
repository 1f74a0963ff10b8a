"""The thresholds of deduplication (a field of :class:`cleaner.config.Config`)."""

from __future__ import annotations

from dataclasses import dataclass

MODES = ("exact", "near")


@dataclass(frozen=True, slots=True)
class DedupConfig:
    #: "near" (exact copies and near copies, MinHash + LSH) or "exact" (same normalised text only)
    mode: str = "near"
    #: two documents are near duplicates when their estimated Jaccard similarity (word shingles of the
    #: clean text) is at least this; an update with one changed paragraph of eight is about 0.75
    threshold: float = 0.7
    #: words per shingle: longer shingles make two different articles about one event (same names,
    #: same quotes) look less alike, shorter ones make copies with small edits look more alike
    shingle_words: int = 5
    #: MinHash permutations: 4 bytes each per document (128: 512 bytes); the estimate's standard error
    #: is sqrt(J(1-J)/num_perm), 0.04 at J = 0.7
    num_perm: int = 128
    #: LSH bands × rows (at most num_perm); None: the most rows per band that still make a pair at the
    #: threshold a candidate with probability ``lsh_recall``, and as many bands as fit
    bands: int | None = None
    rows: int | None = None
    #: with bands/rows chosen automatically: the least chance that a pair exactly at the threshold shares a band
    lsh_recall: float = 0.95
    #: seed of the MinHash permutations (datasketch's)
    seed: int = 1

    def __post_init__(self):
        if self.mode not in MODES:
            raise ValueError(f"dedup mode must be one of {MODES}, not {self.mode!r}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("dedup threshold must be in (0, 1]")
        if self.shingle_words < 1 or self.num_perm < 2:
            raise ValueError("need shingle_words >= 1 and num_perm >= 2")
        if (self.bands is None) != (self.rows is None):
            raise ValueError("give both bands and rows, or neither")
        if self.bands is not None and (self.bands < 1 or self.rows < 1 or self.bands * self.rows > self.num_perm):
            raise ValueError("need bands >= 1, rows >= 1 and bands * rows <= num_perm")
        if not 0.0 < self.lsh_recall < 1.0:
            raise ValueError("lsh_recall must be in (0, 1)")

    def banding(self) -> tuple[int, int]:
        """``(bands, rows)``: the configured ones, or chosen for ``threshold``.

        A pair with Jaccard similarity J shares at least one band with
        probability 1 - (1 - J^rows)^bands. Candidates are verified, so a
        spurious candidate costs only a comparison, while a missed one is a
        missed duplicate: take the most rows (fewest spurious candidates) that
        still reach ``lsh_recall`` at the threshold.

        >>> DedupConfig().banding()
        (25, 5)
        """
        if self.bands is not None:
            return self.bands, self.rows
        best = (self.num_perm, 1)
        for rows in range(1, self.num_perm + 1):
            bands = self.num_perm // rows
            if 1 - (1 - self.threshold**rows) ** bands >= self.lsh_recall:
                best = (bands, rows)
        return best
