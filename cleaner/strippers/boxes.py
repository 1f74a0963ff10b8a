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
        for i, line in enumerate(lines):
            if not line.kept or len(line.text.split()) > self.config.box_max_words:
                continue
            reach = self.config.box_edge_reach
            above = self._box_edge(doc, range(i - 1, max(-1, i - 1 - reach), -1))
            below = self._box_edge(doc, range(i + 1, min(len(lines), i + 1 + reach)))
            # a box is a heading and a button of one widget: one rule, two different lines
            if (above is not None and below is not None and above.removal.rule_id == below.removal.rule_id
                    and above.text != below.text):
                doc.remove(line, BOX_ID, f"enclosed by {above.removal.rule_id} (line {above.number}) "
                                         f"and {below.removal.rule_id} (line {below.number})")

    def _box_edge(self, doc: Document, indexes: range):
        """The nearest line in ``indexes`` removed by a box rule, passing over lines other rules
        removed (an ad marker inside the box) but stopping at any kept line."""
        for k in indexes:
            other = doc.lines[k]
            if other.removal is None:
                return None
            if other.removal.rule_id in self.config.box_rule_ids:
                return other
        return None
