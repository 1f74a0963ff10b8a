"""Captions belong to the article they illustrate.

A photo-credit rule recognises captions wherever they are, including in the
lists of other stories printed after the article ("More in News", teaser
cards). Once the article's extent is known (after the classifier and the
section cuts), captions found below its last paragraph belong to those other
stories and are forgotten (their lines stay removed).
"""

from __future__ import annotations

from ..document import Document
from ..steps import Annotator


class TrailingCaptions(Annotator):
    name = "captions.trailing"

    def annotate(self, doc: Document) -> None:
        kept = doc.kept_lines()
        if kept:
            doc.discard_list_values_from(
                kept[-1].index + 1, f"not kept: below the article's last paragraph (line {kept[-1].number})", names=("captions",))
