"""The record that flows through the pipeline.

A :class:`Document` is made by a reader from one input, then strippers mark
lines as removed (never rewrite them), metadata steps fill :class:`Metadata`,
filters decide keep or drop, and a writer turns it into a JSON record.

Every removal is a :class:`Removal` on the document: the id of the rule or
heuristic that fired, the line it removed and the evidence. Replaying the
removals on the lines gives the output text (``tests/test_document.py``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import Enum


class Status(str, Enum):
    """What became of a document. ``kept`` goes to the output, the others to
    the rejects file."""

    KEPT = "kept"
    DROPPED = "dropped"  # a filter decided: no article, too short, ...
    ERROR = "error"  # the input could not be read or processing failed
    DUPLICATE = "duplicate"  # dedup: a copy of another document's article, kept there (duplicate_of)


@dataclass(slots=True)
class Removal:
    """One removed line: which rule or heuristic removed it, and why."""

    rule_id: str
    line: int  # index into Document.lines
    evidence: str
    field: str | None = None  # metadata field the line's content went to

    def to_json(self, doc: Document) -> dict:
        line = doc.lines[self.line]
        out = {"rule": self.rule_id, "line": line.number, "text": line.text, "evidence": self.evidence}
        if self.field:
            out["field"] = self.field
        return out


@dataclass(slots=True)
class Line:
    """A non-blank line of the input: the unit strippers keep or remove."""

    index: int  # position among the document's lines (0-based)
    number: int  # line number in the input text (1-based), for people
    text: str  # the line with surrounding white space stripped
    removal: Removal | None = None

    @property
    def kept(self) -> bool:
        return self.removal is None


@dataclass(slots=True)
class Metadata:
    """What the metadata steps found. ``published`` is ISO 8601 or None;
    ``published_raw`` keeps the date as printed, also when it was ambiguous
    and could not be resolved."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_raw: str | None = None
    published_resolved_by: str | None = None
    language: str | None = None
    language_prob: float | None = None
    captions: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    url: str | None = None
    site: str | None = None
    #: how a field was found, for people (``explain``): field name → evidence
    evidence: dict[str, str] = field(default_factory=dict)

    def offer_published(self, iso: str | None, raw: str, resolved_by: str) -> bool:
        """Take a publication date unless one (even an unresolved one) was
        found before: the first date of a page is its publication date."""
        if self.published is not None or self.published_raw is not None:
            return False
        self.published, self.published_raw, self.published_resolved_by = iso, raw, resolved_by
        return True


@dataclass(slots=True)
class Document:
    """One input document on its way through the pipeline."""

    source: str  # the input path as given (or a name chosen by the caller)
    raw: str  # decoded text, newlines normalised to "\n"
    kind: str = "text"  # "text" or "html"
    lines: list[Line] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)
    removals: list[Removal] = field(default_factory=list)
    status: Status = Status.KEPT
    reason: str | None = None  # why the document was dropped or failed
    reason_id: str | None = None  # the id of the filter or error kind
    date_order: str | None = None  # "day-first" / "month-first" when a site rule says so
    title_confirmed: bool = False  # the page confirmed the title (breadcrumb, declared <title>): not a guess
    #: what the page's markup says (HTML inputs: cleaner.html.PageFacts.for_steps(), plain JSON values), for the HTML steps
    page: dict | None = None
    #: line index of each value of the list fields (captions, credits, sections), to keep them in page order
    list_positions: dict[str, list[int]] = field(default_factory=dict)
    #: metadata the container of the input gave (a WARC record's date), used only when the page gives none:
    #: field → (value, raw, resolved_by); see cleaner.metadata.fallback
    fallback: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    #: dedup (cleaner.dedup): the record id of the kept copy, when this document is a duplicate
    duplicate_of: str | None = None
    #: dedup: the sources of the documents found to be copies of this kept one
    duplicate_sources: list[str] = field(default_factory=list)
    #: the map side of the corpus stages, computed where the document was cleaned (a worker): stage name →
    #: what the stage's ``mapper`` made of the finished document. Each stage takes its own entry out; never written
    mapped: dict | None = None

    @classmethod
    def from_text(cls, source: str, text: str, *, kind: str = "text") -> Document:
        """Split ``text`` into its non-blank lines.

        >>> doc = Document.from_text("a.txt", "Title\\n\\n  First para.  \\nSecond\\n")
        >>> [(line.number, line.text) for line in doc.lines]
        [(1, 'Title'), (3, 'First para.'), (4, 'Second')]
        """
        doc = cls(source=source, raw=text, kind=kind)
        for number, line in enumerate(text.split("\n"), 1):
            stripped = line.strip()
            if stripped:
                doc.lines.append(Line(index=len(doc.lines), number=number, text=stripped))
        return doc

    @classmethod
    def unreadable(cls, source: str, reason: str, reason_id: str = "error.input") -> Document:
        """The record of an input that could not be read (``status`` error)."""
        doc = cls(source=source, raw="")
        doc.fail(reason_id, reason)
        return doc

    def kept_lines(self) -> list[Line]:
        return [line for line in self.lines if line.removal is None]

    def remove(self, line: Line, rule_id: str, evidence: str, field: str | None = None) -> bool:
        """Mark ``line`` removed by ``rule_id``. A line already removed keeps
        its first removal (returns False)."""
        if line.removal is not None:
            return False
        removal = Removal(rule_id=rule_id, line=line.index, evidence=evidence, field=field)
        line.removal = removal
        self.removals.append(removal)
        return True

    @property
    def text(self) -> str:
        """The kept lines joined by one blank line."""
        return "\n\n".join(line.text for line in self.lines if line.removal is None)

    def add_to_list(self, name: str, value: str, line: Line) -> None:
        """Add ``value`` to the list field ``name`` of ``meta`` in page order
        (rules and heuristics find values in their own order); duplicates are
        kept once.

        >>> doc = Document.from_text("a", "x\\ny\\nz")
        >>> doc.add_to_list("captions", "late", doc.lines[2]); doc.add_to_list("captions", "early", doc.lines[0])
        >>> doc.meta.captions
        ['early', 'late']
        """
        values: list[str] = getattr(self.meta, name)
        if value in values:
            return
        positions = self.list_positions.setdefault(name, [])
        at = sum(1 for p in positions if p <= line.index)
        values.insert(at, value)
        positions.insert(at, line.index)

    def discard_list_values_from(self, index: int, note: str, names: tuple[str, ...] = ("captions", "credits", "sections")) -> None:
        """Forget the list-field values (captions, credits, sections) taken
        from lines at or after line ``index``: they belonged to a section that
        turned out not to be the article (a caption in a "More in News" list
        belongs to another story). Their removals stay, with ``note`` added."""
        for name, positions in self.list_positions.items():
            if name not in names:
                continue
            values: list[str] = getattr(self.meta, name)
            keep = [i for i, p in enumerate(positions) if p < index]
            if len(keep) == len(positions):
                continue
            setattr(self.meta, name, [values[i] for i in keep])
            self.list_positions[name] = [positions[i] for i in keep]
        for removal in self.removals:
            if removal.line >= index and removal.field in names:
                removal.evidence += f"; {note}"
                removal.field = None

    def drop(self, reason_id: str, reason: str) -> None:
        self.status = Status.DROPPED
        self.reason_id = reason_id
        self.reason = reason

    def fail(self, reason_id: str, reason: str) -> None:
        self.status = Status.ERROR
        self.reason_id = reason_id
        self.reason = reason


def fold(text: str) -> str:
    """``text`` with Unicode compatibility forms (NFKC), case and white space
    folded: what :func:`content_id` hashes. Dedup's normalisation starts from
    it, so dedup folds a text once for both.

    >>> fold("Ｈello \\u00a0 WORLD\\n")
    'hello world'
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_id(text: str, folded: bool = False) -> str:
    """A stable id for a record, derived from its clean text (NFKC, case and
    white space folded), so the same article gets the same id anywhere.
    ``folded``: ``text`` is already :func:`fold` ed.

    >>> content_id("Hello  World") == content_id("hello world") == content_id("hello world", folded=True)
    True
    """
    data = (text if folded else fold(text)).encode("utf-8")
    return hashlib.blake2b(data, digest_size=8).hexdigest()
