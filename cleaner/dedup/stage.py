"""Deduplication as a corpus stage of a run (:mod:`cleaner.runner`).

:class:`DedupStage` sees every finished document, adds the kept ones to a
:class:`~cleaner.dedup.index.DedupIndex` (their entries mapped by the
workers that cleaned them, see :meth:`DedupStage.mapper`, or here), resolves the clusters once the
stream has ended, and gives every document back in the order it came, with the
non-kept members of each cluster turned into ``Status.DUPLICATE``
(``duplicate_of`` = the kept record's id, reason = which copy and how
similar) and the kept one carrying the sources of the others.

The documents wait on disk (a temporary pickle file), not in memory, while the
rest of the corpus is read: what grows with the corpus is only the index.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator

from ..document import Document, Status
from .config import DedupConfig
from .index import EXACT, DedupIndex, DedupMapper, Verdict


class DedupStage:
    """``stage(docs)`` yields every document of ``docs``, deduplicated."""

    name = "dedup"

    def __init__(self, config: DedupConfig = DedupConfig()):
        self.config = config
        self.clusters = 0  # clusters with more than one member, after a call
        self.duplicates = 0  # documents marked duplicate, after a call

    def mapper(self) -> DedupMapper:
        """The map side, for the workers: a document's entry is computed where
        it was cleaned and travels as ``doc.mapped[self.name]``."""
        return DedupMapper(self.config)

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        index = DedupIndex(self.config)
        entries = array("q")  # per document in stream order: its entry, or -1 (not kept); 8 bytes a document
        with tempfile.TemporaryFile(prefix="cleaner-dedup-") as spill:
            for doc in docs:
                mapped = doc.mapped.pop(self.name, None) if doc.mapped else None
                entries.append(index.add(doc, mapped) if doc.status is Status.KEPT else -1)
                pickle.dump(doc, spill, protocol=pickle.HIGHEST_PROTOCOL)
            verdicts = index.resolve()
            self.clusters, self.duplicates = verdicts.clusters, verdicts.duplicates
            spill.seek(0)
            for entry in entries:
                doc = pickle.load(spill)
                if entry >= 0:
                    apply(doc, verdicts[entry])
                yield doc


def apply(doc: Document, verdict: Verdict) -> None:
    """Mark ``doc`` as its verdict says."""
    if verdict.rule_id is None:
        doc.duplicate_sources = list(verdict.duplicate_sources)
        return
    if verdict.rule_id == EXACT:
        reason = f"exact duplicate (same normalised text) of {verdict.kept_source}"
    else:
        reason = f"near duplicate of {verdict.kept_source} (estimated Jaccard similarity {verdict.similarity:.2f})"
        if verdict.via is not None:
            reason += f", linked through {verdict.via[0]} ({verdict.via[1]:.2f})"
    doc.status = Status.DUPLICATE
    doc.reason_id = verdict.rule_id
    doc.reason = reason + "; kept: the most complete metadata, then the longest text, then the smallest source path"
    doc.duplicate_of = verdict.kept_id
