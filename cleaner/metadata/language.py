"""Language of the clean text, with langdetect.

langdetect is random by design; we own a seeded ``DetectorFactory`` per
detector (not langdetect's module-global one), so results depend only on the
text. Profiles load lazily on first use (about 0.3 s), once per run.
A sample of the text (``Config.language_sample_chars``) keeps it fast.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..steps import Annotator


class LanguageDetector:
    """Seeded, lazily loaded langdetect. ``detect(text) -> (code, prob)``."""

    def __init__(self, seed: int = 0):
        self.seed = seed
        self._factory = None

    def _prepare(self):
        if self._factory is None:
            from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.set_seed(self.seed)
            self._factory = factory
        return self._factory

    def detect(self, text: str) -> tuple[str | None, float | None]:
        from langdetect.lang_detect_exception import LangDetectException

        if not any(ch.isalpha() for ch in text):
            return None, None
        detector = self._prepare().create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return None, None
        return best.lang, round(best.prob, 4)


def language_sample(text: str, limit: int) -> str:
    """Up to ``limit`` characters, cut at a word boundary, from the start."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit]


class LanguageAnnotator(Annotator):
    name = "language"

    def __init__(self, config: Config = Config(), detector: LanguageDetector | None = None):
        self.config = config
        self.detector = detector or LanguageDetector()

    def annotate(self, doc: Document) -> None:
        sample = language_sample(doc.text, self.config.language_sample_chars)
        code, prob = self.detector.detect(sample)
        if code is not None and prob is not None and prob >= self.config.language_min_prob:
            doc.meta.language = code.split("-")[0] if code not in ("zh-cn", "zh-tw") else code
            doc.meta.language_prob = prob
