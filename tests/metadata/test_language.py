"""Language ID: deterministic, and the fast backend agrees with the reference."""

from __future__ import annotations

import pytest

from cleaner.metadata.language import LanguageDetector, language_sample
from tests.conftest import FIXTURES, SHARED

SAMPLES = [line.strip() for path in sorted(FIXTURES.glob("*.txt"))
           for line in path.read_text(encoding="utf-8").split("\n") if len(line.split()) >= 3]


def test_deterministic():
    text = "Der Stadtrat hat am Dienstag den Bau einer neuen Straßenbahnlinie beschlossen."
    assert LanguageDetector().detect(text) == LanguageDetector().detect(text)
    assert LanguageDetector().detect(text)[0] == "de"


def test_no_letters_gives_none():
    assert LanguageDetector().detect("12 34 -- !!") == (None, None)


def test_sample_cuts_at_a_word():
    assert language_sample("alpha beta gamma", 12) == "alpha beta"


def test_unknown_backend_refused():
    with pytest.raises(ValueError, match="backend"):
        LanguageDetector(backend="cld3")


def test_fast_backend_is_bit_identical():
    pytest.importorskip("langdetect_rs", reason="the optional extra cleaner[fast] (langdetect-rs) is not installed")
    texts = list(SAMPLES)
    if SHARED.is_dir():
        pages = sorted((SHARED / "bench" / "wcxb-dev" / "text").glob("*.txt"))[:150]
        texts += [language_sample(p.read_text(encoding="utf-8"), 1000) for p in pages]
    reference, fast = LanguageDetector(backend="langdetect"), LanguageDetector(backend="langdetect-rs")
    assert len(texts) > 100
    differences = [t[:60] for t in texts if reference.detect(t) != fast.detect(t)]
    assert not differences
    assert reference.backend == "langdetect" and fast.backend == "langdetect-rs"


def test_detect_again_answers_as_detect_and_only_once():
    detector, fresh = LanguageDetector(), LanguageDetector()
    german = "Der Stadtrat hat am Dienstag beschlossen, die neue Straßenbahnlinie bis nach Nordheim zu bauen."
    english = "The council decided on Tuesday to build the new tram line as far as the northern suburbs."
    assert detector.detect(german) == fresh.detect(german)
    assert detector.detect_again(german) == fresh.detect(german)  # the classifier's question, asked again
    assert detector._last is None  # then forgotten: the next document asks afresh
    assert detector.detect_again(english) == fresh.detect(english)
    detector.detect(german)
    assert detector.detect_again(english) == fresh.detect(english)  # another sample: detected, not reused
