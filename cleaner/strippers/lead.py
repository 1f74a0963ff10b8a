"""Short labels left above the article's first sentence.

Once the header and the classifier are done, what is still kept above the
first line that ends a sentence is, on most pages, a leftover of the page
around the article: an image's alt text ("Woman using laptop"), a section
label, a kicker, a "Breadcrumb" heading, a table row of a comparison widget.
Both benchmarks' golds leave such lines out, and a corpus builder wants the
article to start with its first sentence. Only a run of lines that end no
sentence and have at most ``lead_label_max_words`` words goes, at most
``lead_label_max_lines`` of them, and only when at least
``lead_label_min_lines_after`` kept lines follow (on a short page they may be
all there is). The article's own first sentence and everything after it stay,
so cleaning the output again changes nothing.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..steps import Stripper
from .line_features import SENTENCE_END

LEAD_ID = "heuristic.lead-label"


class LeadLabels(Stripper):
    name = "lead-labels"

    def __init__(self, config: Config = Config()):
        self.config = config

    def strip(self, doc: Document) -> None:
        kept = doc.kept_lines()
        run = []
        for line in kept:
            if SENTENCE_END.search(line.text) or len(line.text.split()) > self.config.lead_label_max_words:
                break
            run.append(line)
        if not run or len(run) > self.config.lead_label_max_lines \
                or len(kept) - len(run) < self.config.lead_label_min_lines_after:
            return
        first = kept[len(run)] if len(run) < len(kept) else None
        for line in run:
            doc.remove(line, LEAD_ID, f"a label above the first sentence (line {first.number if first else '?'})")
