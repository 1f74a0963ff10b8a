"""Language of the clean text, with langdetect.

langdetect is random by design; we own a seeded ``DetectorFactory`` per
detector (not langdetect's module-global one), so results depend only on the
text. Profiles load lazily on first use (about 0.3 s), once per run.
A sample of the text (``Config.language_sample_chars``) keeps it fast.

The line classifier asks the detector about a document's text before it
cleans, this module's step asks again at the end; on most pages (426 of 543
text scrapes) the classifier left the sample as it was, so the last answer
is reused once (:meth:`LanguageDetector.detect_again`), then dropped: no
answer outlives its document.

Backends: ``langdetect`` is the reference. ``langdetect-rs`` (the optional
extra ``cleaner[fast]``) is a Rust port with bit-identical results at about
30× the speed (checked by ``tests/metadata/test_language.py`` on every
fixture line and 300 benchmark pages); ``auto`` uses it when installed.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..steps import Annotator


class LanguageDetector:
    """Seeded, lazily loaded langdetect. ``detect(text) -> (code, prob)``."""

    BACKENDS = ("auto", "langdetect", "langdetect-rs")

    def __init__(self, seed: int = 0, backend: str = "auto"):
        if backend not in self.BACKENDS:
            raise ValueError(f"language backend must be one of {self.BACKENDS}, not {backend!r}")
        self.seed = seed
        self.requested = backend
        self.backend: str | None = None  # the one in use, known after the first detection
        self._factory = None
        self._exception: type[Exception] = Exception
        self._last: tuple[str, tuple[str | None, float | None]] | None = None  # the last sample and its answer

    def _modules(self):
        if self.requested in ("auto", "langdetect-rs"):
            try:
                from langdetect_rs import detector_factory, lang_detect_exception

                return "langdetect-rs", detector_factory, lang_detect_exception
            except ImportError:
                if self.requested == "langdetect-rs":
                    raise
        from langdetect import detector_factory, lang_detect_exception

        return "langdetect", detector_factory, lang_detect_exception

    def _prepare(self):
        if self._factory is None:
            self.backend, module, exceptions = self._modules()
            self._exception = exceptions.LangDetectException
            factory = module.DetectorFactory()
            factory.load_profile(module.PROFILES_DIRECTORY)
            factory.set_seed(self.seed)
            self._factory = factory
        return self._factory

    def detect(self, text: str) -> tuple[str | None, float | None]:
        self._last = text, self._detect(text)
        return self._last[1]

    def detect_again(self, text: str) -> tuple[str | None, float | None]:
        """:meth:`detect`, answered from the last question when it was ``text``
        (a detection depends on the text alone); the answer is then forgotten,
        so that the step that asks last about a document never hands it to the next."""
        last, self._last = self._last, None
        return last[1] if last is not None and last[0] == text else self._detect(text)

    def _detect(self, text: str) -> tuple[str | None, float | None]:
        if not any(map(str.isalpha, text)):
            return None, None
        detector = self._prepare().create()
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except (self._exception, IndexError):
            return None, None
        return best.lang, round(best.prob, 4)

    def candidates(self, text: str) -> list[tuple[str, float]]:
        """Every language langdetect considers, most probable first."""
        if not any(map(str.isalpha, text)):
            return []
        detector = self._prepare().create()
        detector.append(text)
        try:
            return [(c.lang, round(c.prob, 4)) for c in detector.get_probabilities()]
        except self._exception:
            return []


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
        self.detector = detector or LanguageDetector(backend=config.language_backend)

    def annotate(self, doc: Document) -> None:
        sample = language_sample(doc.text, self.config.language_sample_chars)
        code, prob = self.detector.detect_again(sample)  # (the classifier's question, when it left the sample as it was)
        if code is not None and prob is not None and prob >= self.config.language_min_prob:
            doc.meta.language = code.split("-")[0] if code not in ("zh-cn", "zh-tw") else code
            doc.meta.language_prob = prob
