"""Lines enclosed by a chrome box.

A newsletter or cookie box prints a heading ("Subscribe to our newsletter"),
a pitch ("Get the top stories every morning.") and a button ("Sign up"). Rules
recognise the heading and the button by their vocabulary; the pitch between
them, a sentence like any other, is only recognisable by where it stands. A
short line whose neighbours above and below were removed by the same box rule
(``Config.box_rule_ids``), as two different lines (heading and button), goes too.

(Not for ads: an "Advertisement" marker above and below a paragraph does not
make the paragraph an ad, which is why only box-forming rules count.)
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..steps import Stripper

BOX_ID = "heuristic.chrome-box"


class ChromeBoxes(Stripper):
    name = "boxes"

    def __init__(self, config: Config = Config()):
        self.config = config

    def strip(self, doc: Document) -> None:
        lines = doc.lines
        reach = self.config.box_edge_reach
        for i, line in enumerate(lines):
            if not line.kept:
                continue
            above = self._box_edges(doc, range(i - 1, -1, -1), reach)
            if not above or len(line.text.split()) > self.config.box_max_words:  # (most lines: a kept line above)
                continue
            below = self._box_edges(doc, range(i + 1, len(lines)), reach)
            # a box is a heading and a button of one widget: one rule, two different lines
            pair = next(((a, b) for a in above for b in below
                         if a.removal.rule_id == b.removal.rule_id and a.text != b.text), None)
            if pair is not None:
                a, b = pair
                doc.remove(line, BOX_ID, f"enclosed by {a.removal.rule_id} (line {a.number}) and line {b.number}")

    def _box_edges(self, doc: Document, indexes: range, reach: int) -> list:
        """The first ``reach`` lines in ``indexes`` removed by a box rule, passing over lines
        other rules removed (ad markers inside the box), up to the first kept line."""
        edges = []
        for k in indexes:
            other = doc.lines[k]
            if other.removal is None or len(edges) >= reach:
                break
            if other.removal.rule_id in self.config.box_rule_ids:
                edges.append(other)
        return edges
