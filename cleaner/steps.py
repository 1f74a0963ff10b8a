"""The kinds of pipeline step, each with one abstract method.

* :class:`Stripper` marks lines of a document as removed (and may move what it
  removed into a metadata field), never rewriting text;
* :class:`Annotator` fills metadata from the kept text without removing anything;
* :class:`Filter` decides keep or drop, never changing the document.

The pipeline (:mod:`cleaner.pipeline`) owns the loop, the counters and the
timing; steps stay small.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass

from .document import Document


class Step:
    #: stable name, used in counters, timings and the report
    name: str = "step"


class Stripper(Step):
    @abstractmethod
    def strip(self, doc: Document) -> None:
        """Mark lines of ``doc`` removed with :meth:`Document.remove`."""


class Annotator(Step):
    @abstractmethod
    def annotate(self, doc: Document) -> None:
        """Fill ``doc.meta`` from the document; remove nothing."""


@dataclass(frozen=True, slots=True)
class Drop:
    """A filter's verdict to drop a document, with the filter id and a reason."""

    filter_id: str
    reason: str


class Filter(Step):
    @abstractmethod
    def filter(self, doc: Document) -> Drop | None:
        """Return a :class:`Drop` to drop ``doc``, None to keep it."""
