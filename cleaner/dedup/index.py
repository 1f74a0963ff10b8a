"""The dedup index: map → group by key → reduce.

* **map** (:class:`DedupMapper`, a pure function of one document, run in
  the worker that cleaned it when there are workers): the document's
  :class:`Entry`: its source, the keep-rule facts (metadata completeness,
  text length), its record id, the exact key of its normalised text and, in
  ``near`` mode, its MinHash signature (one row of a uint32 matrix);
* **merge** (:meth:`DedupIndex.merge`): indexes built by different workers
  on disjoint sets of documents are concatenated; nothing depends on which
  worker saw which document, nor on the order;
* **reduce** (:meth:`DedupIndex.resolve`): entries are sorted by source (so
  every later step sees the same numbering whatever the input order); equal
  exact keys are merged; in ``near`` mode every signature is cut into band
  keys, entries are grouped by (band, key), the candidate pairs of each group
  are verified by their estimated Jaccard similarity, and verified pairs are
  merged with a union-find; a cluster is a connected component. One member
  per cluster is kept (:func:`keep_order`), the others point to it.

A later parallel backend shards the group-by on the band key (each shard
verifies its buckets and emits verified pairs) and unions the pairs in one
place: the components, and so the clusters, are the same, because a
component does not depend on the order its edges are added in, and an edge
skipped because its two ends were already connected changes no component.

Memory per document (``nbytes``; measured by ``bench/dedup_scale.py``): the
signature (``4 * num_perm`` bytes, 512 at the default), 25 bytes of keys and
keep facts, and the source path string: 623 bytes on the generated corpus.
Resolving adds about 100 bytes (canonical order, union-find, one band's keys
at a time, the compact :class:`Resolution`); peak RSS grows by 948 bytes per
document on 100,000 documents.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..document import Document, content_id, fold
from .config import DedupConfig
from .minhash import Signer, band_keys
from .text import exact_key, normalise

#: metadata fields counted by the keep rule: a copy with more of them filled is kept
COMPLETENESS_FIELDS = ("title", "authors", "published", "language", "url")

EXACT, NEAR = "dedup.exact", "dedup.near"


def completeness(doc: Document) -> int:
    """How many of :data:`COMPLETENESS_FIELDS` the document has (non-empty)."""
    return sum(1 for name in COMPLETENESS_FIELDS if getattr(doc.meta, name))


@dataclass(slots=True)
class Verdict:
    """What dedup decided about one entry. ``kept`` is the entry number of
    the cluster's kept member (itself when it is kept)."""

    kept: int
    kept_source: str
    kept_id: str
    rule_id: str | None = None  # dedup.exact / dedup.near for a duplicate, None when kept
    similarity: float = 1.0  # estimated Jaccard similarity to the kept member
    via: tuple[str, float] | None = None  # the verified pair that linked it, when not similar enough to the kept one
    duplicate_sources: tuple[str, ...] = ()  # for the kept member: the other members' sources, sorted


@dataclass(slots=True)
class Entry:
    """The map of one document: what the index keeps of it."""

    source: str
    record_id: int  # the record id (content_id of the text) as an integer
    exact: int  # exact key of the normalised text
    complete: int  # metadata completeness, for the keep rule
    length: int  # text length, for the keep rule
    signature: np.ndarray | None  # MinHash signature (near mode, text with words), else None


class DedupMapper:
    """The map side: one finished document → its :class:`Entry`; a pure
    function of the document, so it gives the same entry in the worker that
    cleaned the document or in the driver. Picklable: the
    :class:`~cleaner.dedup.minhash.Signer` is built where it first runs."""

    def __init__(self, config: DedupConfig = DedupConfig(), signer: Signer | None = None):
        self.config = config
        self.near = config.mode == "near"
        self._signer = signer

    def __getstate__(self):
        return {"config": self.config}

    def __setstate__(self, state):
        self.__init__(state["config"])

    def __call__(self, doc: Document) -> Entry:
        return self.entry(doc.source, doc.text, completeness(doc))

    def entry(self, source: str, text: str, complete: int = 0) -> Entry:
        """The entry of one clean text (with the keep rule's metadata count)."""
        folded = fold(text)  # once for the record id and the normalised text
        norm = normalise(folded, folded=True)
        signature = None
        if self.near:
            if self._signer is None:
                self._signer = Signer(self.config)
            signature = self._signer.signature(norm, normalised=True)
        record_id = int(content_id(folded, folded=True), 16)
        return Entry(source, record_id, exact_key(norm, normalised=True), complete, len(text), signature)


class _Rows:
    """A growable uint array (amortised doubling) of ``width`` columns."""

    def __init__(self, width: int, dtype):
        self.data = np.empty((16, width) if width else 16, dtype=dtype)
        self.size = 0

    def _reserve(self, size: int) -> None:
        if size > len(self.data):
            grown = np.empty((max(size, 2 * len(self.data)),) + self.data.shape[1:], dtype=self.data.dtype)
            grown[: self.size] = self.data[: self.size]
            self.data = grown

    def append(self, value) -> None:
        self._reserve(self.size + 1)
        self.data[self.size] = value
        self.size += 1

    def extend(self, values: np.ndarray) -> None:
        self._reserve(self.size + len(values))
        self.data[self.size : self.size + len(values)] = values
        self.size += len(values)

    def view(self) -> np.ndarray:
        return self.data[: self.size]


class DedupIndex:
    """Entries of documents to deduplicate, and the clustering over them.

    ``resolve()`` returns a :class:`Resolution`: one :class:`Verdict` per
    entry, in entry order (the order of :meth:`add` calls; after
    :meth:`merge`, this index's entries then the other's)."""

    def __init__(self, config: DedupConfig = DedupConfig(), signer: Signer | None = None):
        self.config = config
        self.near = config.mode == "near"
        self.mapper = DedupMapper(config, signer)
        self.sources: list[str] = []
        self.record_ids = _Rows(0, np.uint64)
        self.exact = _Rows(0, np.uint64)
        self.facts = _Rows(2, np.uint32)  # (completeness, text length)
        self.has_signature = _Rows(0, np.bool_)
        self.signatures = _Rows(config.num_perm if self.near else 0, np.uint32) if self.near else None

    def __len__(self) -> int:
        return len(self.sources)

    def add(self, doc: Document, entry: Entry | None = None) -> int:
        """Add ``doc`` (its clean text and metadata): its ``entry`` when the
        map already ran (in the worker that cleaned it), else mapped here.
        Returns its entry number."""
        return self.add_entry(entry if entry is not None else self.mapper(doc))

    def add_text(self, source: str, text: str, complete: int = 0) -> int:
        """Map one clean text (with the keep rule's metadata count) into the index."""
        return self.add_entry(self.mapper.entry(source, text, complete))

    def add_entry(self, entry: Entry) -> int:
        """Add a mapped document (:class:`DedupMapper`); returns its entry number."""
        self.sources.append(entry.source)
        self.record_ids.append(entry.record_id)
        self.exact.append(entry.exact)
        self.facts.append((entry.complete, entry.length))
        self.has_signature.append(entry.signature is not None)
        if self.near:
            self.signatures.append(entry.signature if entry.signature is not None else 0)
        return len(self.sources) - 1

    def merge(self, other: DedupIndex) -> DedupIndex:
        """Add the entries of ``other`` (built on other documents, same config) after this index's own."""
        if other.config != self.config:
            raise ValueError("cannot merge dedup indexes built with different configs")
        self.sources.extend(other.sources)
        for mine, theirs in ((self.record_ids, other.record_ids), (self.exact, other.exact), (self.facts, other.facts),
                             (self.has_signature, other.has_signature), (self.signatures, other.signatures)):
            if mine is not None:
                mine.extend(theirs.view())
        return self

    def nbytes(self) -> int:
        """Bytes held per entry by the arrays, plus the source strings."""
        arrays = [self.record_ids, self.exact, self.facts, self.has_signature] + ([self.signatures] if self.near else [])
        used = sum(rows.view().nbytes for rows in arrays)
        return used + sum(len(s.encode("utf-8")) + 49 + 8 for s in self.sources)  # str header + list slot

    # --- reduce -------------------------------------------------------------

    def resolve(self) -> Resolution:
        """Cluster the entries and choose the kept member of each cluster."""
        n = len(self.sources)
        # canonical numbering (canon → entry): by source, so that nothing below depends on the input order
        order = np.array(sorted(range(n), key=self.sources.__getitem__), dtype=np.int64)
        union = _UnionFind(n)
        exact = self.exact.view()[order]
        by_exact = np.argsort(exact, kind="stable")
        same = exact[by_exact][1:] == exact[by_exact][:-1]
        for pos in np.flatnonzero(same).tolist():
            union.join(int(by_exact[pos]), int(by_exact[pos + 1]), 1.0)
        if self.near:
            # one representative per exact group: its copies have the same signature
            first = self.has_signature.view()[order].copy()
            first[by_exact[1:][same]] = False
            self._verify_candidates(order, np.flatnonzero(first), union)
        return self._resolution(order, union)

    def _verify_candidates(self, order: np.ndarray, members: np.ndarray, union: _UnionFind) -> None:
        """Group ``members`` (canonical numbers) by band key, one band at a
        time, and verify the pairs of every bucket."""
        bands, rows = self.config.banding()
        need = math.ceil(self.config.threshold * self.config.num_perm - 1e-9)
        signatures = self.signatures.view()
        entries = order[members]
        failed: set[tuple[int, int]] = set()
        for band in range(bands):
            keys = band_keys(signatures[entries, band * rows : (band + 1) * rows], 1, rows, first_band=band)[:, 0]
            by_key = np.argsort(keys, kind="stable")
            sorted_keys = keys[by_key]
            starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
            sizes = np.diff(np.r_[starts, len(sorted_keys)])
            for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
                bucket = np.sort(members[by_key[start : start + size]]).tolist()
                self._verify_bucket(signatures, order, bucket, union, need, failed)

    def _verify_bucket(self, signatures, order, bucket: list[int], union: _UnionFind, need: int, failed: set) -> None:
        """Verify the pairs of one LSH bucket, skipping pairs already in one
        component (their edge would change no component) or already refuted."""
        perm = self.config.num_perm
        for pos, a in enumerate(bucket[:-1]):
            rest = [b for b in bucket[pos + 1 :] if (a, b) not in failed and union.find(b) != union.find(a)]
            if not rest:
                continue
            equal = np.count_nonzero(signatures[order[rest]] == signatures[order[a]], axis=1)
            for b, count in zip(rest, equal.tolist()):
                if count >= need:
                    union.join(a, b, count / perm)
                else:
                    failed.add((a, b))

    def _resolution(self, order: np.ndarray, union: _UnionFind) -> Resolution:
        n = len(order)
        record_ids, exact, facts = self.record_ids.view(), self.exact.view(), self.facts.view()
        out = Resolution(self, n)
        roots = np.fromiter((union.find(canon) for canon in range(n)), dtype=np.int64, count=n)
        by_root = np.argsort(roots, kind="stable")
        starts = np.flatnonzero(np.r_[True, roots[by_root][1:] != roots[by_root][:-1]])
        sizes = np.diff(np.r_[starts, n])
        perm = self.config.num_perm
        for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
            canons = by_root[start : start + size].tolist()
            entries = order[canons].tolist()
            kept = min(entries, key=lambda e: keep_order(int(facts[e, 0]), int(facts[e, 1]), self.sources[e], int(record_ids[e]), e))
            out.members[kept] = [e for e in entries if e != kept]
            for canon, entry in zip(canons, entries):
                if entry == kept:
                    continue
                out.kept[entry] = kept
                if exact[entry] == exact[kept]:
                    out.rule[entry] = 1
                    continue
                out.rule[entry] = 2
                sim = float(np.count_nonzero(self.signatures.view()[entry] == self.signatures.view()[kept])) / perm
                out.similarity[entry] = sim
                if sim < self.config.threshold:
                    partner = int(union.partner[canon])
                    out.via[entry] = (int(order[partner]), float(union.partner_similarity[canon]))
        return out


class Resolution:
    """The outcome of :meth:`DedupIndex.resolve`, compact: per entry the kept
    entry of its cluster (``kept``, itself when kept), how it matched
    (``rule``: 0 kept, 1 exact, 2 near) and its estimated similarity to the
    kept one; ``resolution[entry]`` is its :class:`Verdict`."""

    RULES = (None, EXACT, NEAR)

    def __init__(self, index: DedupIndex, n: int):
        self.index = index
        self.kept = np.arange(n, dtype=np.int64)
        self.rule = np.zeros(n, dtype=np.uint8)
        self.similarity = np.ones(n, dtype=np.float32)
        self.via: dict[int, tuple[int, float]] = {}  # entry → (partner entry, similarity): chained members only
        self.members: dict[int, list[int]] = {}  # kept entry → the other members of its cluster

    def __len__(self) -> int:
        return len(self.kept)

    def __getitem__(self, entry: int | slice) -> Verdict | list[Verdict]:
        if isinstance(entry, slice):
            return [self[i] for i in range(len(self))[entry]]
        sources = self.index.sources
        kept = int(self.kept[entry])
        kept_id = f"{int(self.index.record_ids.view()[kept]):016x}"
        if kept == entry:
            others = tuple(sorted(sources[e] for e in self.members.get(entry, ())))
            return Verdict(kept, sources[kept], kept_id, duplicate_sources=others)
        via = self.via.get(entry)
        return Verdict(kept, sources[kept], kept_id, self.RULES[self.rule[entry]], round(float(self.similarity[entry]), 4),
                       (sources[via[0]], round(via[1], 4)) if via else None)

    def __iter__(self):
        return (self[entry] for entry in range(len(self)))

    @property
    def duplicates(self) -> int:
        return int(np.count_nonzero(self.rule))

    @property
    def clusters(self) -> int:
        """Clusters of more than one member."""
        return len(self.members)


def keep_order(complete: int, length: int, source: str, record_id: int = 0, entry: int = 0) -> tuple:
    """The keep rule, as a sort key (the smallest is kept): the most complete
    metadata (:data:`COMPLETENESS_FIELDS`), then the longest clean text, then
    the smallest source path (then record id and entry, which only matter for
    the same path given twice).

    >>> sorted([keep_order(3, 900, "b"), keep_order(4, 100, "c"), keep_order(3, 900, "a")])[0][2:4]
    ('c', 0)
    """
    return (-complete, -length, source, record_id, entry)


class _UnionFind:
    """Disjoint sets over 0..n-1; the smaller root wins (deterministic). Each
    node remembers the first verified pair that joined it and its similarity
    (the evidence of a chained member)."""

    def __init__(self, n: int):
        self.parent = list(range(n))
        self.partner = np.full(n, -1, dtype=np.int64)
        self.partner_similarity = np.zeros(n, dtype=np.float32)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: int, b: int, similarity: float) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        for node, other in ((a, b), (b, a)):
            if self.partner[node] < 0:
                self.partner[node], self.partner_similarity[node] = other, similarity
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
