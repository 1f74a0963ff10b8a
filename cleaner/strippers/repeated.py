"""Paragraphs printed twice.

A naive HTML-to-text step prints a photo caption twice: once from the image's
alt text, once from the caption under it. Two identical lines in a row are
therefore a caption: both copies leave the body, one goes to ``captions``. A
long line repeated further away (a pull quote, a teaser repeating the lede)
keeps its first occurrence; later copies are removed. Lines of a code
listing or a table (:mod:`cleaner.strippers.structured`) repeat for a reason
("WHERE status = 'open'" in two queries, "}" twice in a row) and are left alone.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..steps import Stripper
from .structured import structured_runs

CAPTION_ID = "heuristic.repeated.caption"
COPY_ID = "heuristic.repeated.copy"


class RepeatedParagraphs(Stripper):
    name = "repeated"

    def __init__(self, config: Config = Config()):
        self.config = config

    def strip(self, doc: Document) -> None:
        kept = doc.kept_lines()
        min_words = self.config.caption_repeat_min_words
        first_seen: dict[str, int] = {}
        listing_lines = self.config.classifier.structured_min_lines
        structured = structured_runs([line.text for line in kept], listing_lines) if listing_lines else [False] * len(kept)
        for position, line in enumerate(kept):
            if len(line.text.split()) < min_words or structured[position]:
                continue
            nxt = kept[position + 1] if position + 1 < len(kept) else None
            if nxt is not None and nxt.text == line.text and line.kept:
                doc.add_to_list("captions", line.text, line)
                evidence = f"printed twice in a row (lines {line.number} and {nxt.number}): a photo caption"
                doc.remove(line, CAPTION_ID, evidence, field="captions")
                doc.remove(nxt, CAPTION_ID, evidence, field="captions")
                continue
            if line.text in first_seen and line.kept:
                doc.remove(line, COPY_ID, f"repeats line {first_seen[line.text]}")
            else:
                first_seen.setdefault(line.text, line.number)
