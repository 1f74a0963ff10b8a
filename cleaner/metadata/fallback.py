"""Metadata the container of a page gave (a WARC record's ``WARC-Date``),
used only where the page itself gave nothing."""

from __future__ import annotations

from ..document import Document
from ..steps import Annotator


class ContainerFallback(Annotator):
    """Fill ``published`` from ``doc.fallback`` when no step found a date.

    >>> doc = Document.from_text("a.warc#record-1", "Text")
    >>> doc.fallback["published"] = ("2026-01-02T03:04:05Z", "2026-01-02T03:04:05Z", "warc-date")
    >>> ContainerFallback().annotate(doc); doc.meta.published, doc.meta.published_resolved_by
    ('2026-01-02T03:04:05Z', 'warc-date')
    """

    name = "metadata.container-fallback"

    def annotate(self, doc: Document) -> None:
        published = doc.fallback.get("published")
        if published and doc.meta.offer_published(*published):
            doc.meta.evidence["published"] = f"no date on the page: the container's date ({published[2]}) stands in"
