"""Separator lines: rules drawn with characters (``___``, ``***``, ``-----``,
``* * *``, ``• • •``). They carry no words, so they never belong to the text."""

from __future__ import annotations

import re

from ..document import Document
from ..steps import Stripper

SEPARATOR_ID = "heuristic.separator"
_SEPARATOR = re.compile(r"^[\s_\-–—=*•·~#+.|/\\<>]{3,}$")


class Separators(Stripper):
    name = "separators"

    def strip(self, doc: Document) -> None:
        for line in doc.kept_lines():
            if _SEPARATOR.match(line.text):
                doc.remove(line, SEPARATOR_ID, f"only separator characters: {line.text[:20]!r}")
