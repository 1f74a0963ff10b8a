"""The line classifier as a pipeline step: every kept line is judged by
:class:`~cleaner.strippers.classifier.LineClassifier` (features, then the
article region), and the lines it rejects are removed with its rule id and
evidence. Needs the document's language for the stopword features, so it asks
the run's language detector about the text kept so far.

The classifier judges a line by its neighbours, and removing lines changes
the neighbours of the rest; so the step classifies again until a pass removes
nothing (at most ``Config.classifier_max_passes``). The result is a fixed
point, which is what makes cleaning idempotent: the output, cleaned again,
is left as it is."""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..metadata.language import LanguageDetector, language_sample
from ..steps import Stripper
from .classifier import LineClassifier, PassMemo


class ClassifierStripper(Stripper):
    name = "classifier"

    def __init__(self, classifier: LineClassifier, detector: LanguageDetector, config: Config = Config()):
        self.classifier = classifier
        self.detector = detector
        self.config = config

    def strip(self, doc: Document) -> None:
        kept = doc.kept_lines()
        if not kept:
            return
        language, _ = self.detector.detect(language_sample(doc.text, self.config.language_sample_chars))
        threshold = None  # the region threshold of the first pass holds for the later ones
        memo = PassMemo()  # what the first pass found about this document's lines, for the later ones
        for attempt in range(self.config.classifier_max_passes):
            verdicts, threshold = self.classifier.judge([line.text for line in kept], language, threshold, memo)
            removed = False
            for line, verdict in zip(kept, verdicts, strict=True):
                if not verdict.keep:
                    note = f" (pass {attempt + 1})" if attempt else ""
                    removed |= doc.remove(line, verdict.rule_id, f"score={verdict.score:.2f} {verdict.evidence}{note}")
            if not removed:
                return
            kept = doc.kept_lines()
