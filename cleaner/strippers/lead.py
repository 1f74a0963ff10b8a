"""Short labels left at the edges of the article: above its first sentence
and below its last.

Once the header and the classifier are done, what is still kept above the
first line that ends a sentence is, on most pages, a leftover of the page
around the article: an image's alt text ("Woman using laptop"), a section
label, a kicker, a "Breadcrumb" heading. Below the last sentence it is the
same on the other side: "Tags", a category, "Share this", a row of a widget.
Both benchmarks' golds leave such lines out, and a corpus builder wants the
article to run from its first sentence to its last. A run of lines that end
no sentence and have at most ``edge_label_max_words`` words goes (at most
``lead_label_max_lines`` at the top, ``tail_label_max_lines`` at the end),
only when at least ``edge_label_min_lines_left`` kept lines remain (on a
short page they may be all there is). The sentences stay, so cleaning the
output again changes nothing.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document, Line
from ..steps import Stripper
from .line_features import SENTENCE_END

LEAD_ID = "heuristic.lead-label"
TAIL_ID = "heuristic.tail-label"


class EdgeLabels(Stripper):
    name = "edge-labels"

    def __init__(self, config: Config = Config()):
        self.config = config

    def _label(self, line: Line) -> bool:
        return not SENTENCE_END.search(line.text) and len(line.text.split()) <= self.config.edge_label_max_words

    def _run(self, lines: list[Line], limit: int) -> list[Line]:
        run = []
        for line in lines:
            if not self._label(line):
                break
            run.append(line)
        return run if len(run) <= limit else []

    def strip(self, doc: Document) -> None:
        kept = doc.kept_lines()
        lead = self._run(kept, self.config.lead_label_max_lines)
        tail = self._run(kept[::-1], self.config.tail_label_max_lines) if len(lead) < len(kept) else []
        if len(kept) - len(lead) - len(tail) < self.config.edge_label_min_lines_left:
            return
        for line in lead:
            doc.remove(line, LEAD_ID, f"a label above the first sentence (line {kept[len(lead)].number})")
        for line in tail:
            doc.remove(line, TAIL_ID, f"a label below the last sentence (line {kept[-len(tail) - 1].number})")
