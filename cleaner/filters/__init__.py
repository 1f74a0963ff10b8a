"""Filters decide whether a cleaned document is kept. They never change it."""

from __future__ import annotations

import re

from ..config import Config
from ..document import Document
from ..steps import Drop, Filter

__all__ = ["NoArticle", "NoProse", "TooShort"]

#: a sentence ends with . ! ? or … (CJK 。！？ too; perhaps inside quotes or brackets)
SENTENCE_END = re.compile(r"[.!?…。！？]['\"”’»)\]」』）]*$")
#: a sentence that ends inside a line (the next one follows after a space; none in Chinese or Japanese)
INNER_SENTENCE = re.compile(r"[^.!?…。！？]+(?:[。！？]|[.!?…]['\"”’»)\]」』）]*\s)")
#: scripts written without spaces between words (Chinese, Japanese; Thai, Lao, Khmer)
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1780-\u17ff]")


def word_estimate(text: str) -> int:
    """Words in ``text``; in scripts written without spaces, two characters count as one word.

    >>> word_estimate("Ferry fares rise again"), word_estimate("商標権侵害と判断される場合があります。")
    (4, 10)
    """
    unspaced = len(UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    return len(UNSPACED.sub(" ", text).split()) + unspaced // 2


class NoArticle(Filter):
    """Nothing is left after stripping: the page had no article (an index,
    an error page, a login wall) or the input was empty."""

    name = "filter.no-article"

    def filter(self, doc: Document) -> Drop | None:
        if doc.kept_lines():
            return None
        if not doc.lines:
            return Drop(self.name, "empty input: no text at all")
        return Drop(self.name, f"no article found: all {len(doc.lines)} lines were chrome")


class NoProse(Filter):
    """No line left reads as a sentence (``Config.prose_min_words`` words or
    more, ending with sentence punctuation, at the end of the line or inside
    it): what is left is a list of
    headlines or links (an index page, a "Popular right now" box under an
    error message), not an article."""

    name = "filter.no-prose"

    def __init__(self, config: Config = Config()):
        self.config = config

    def filter(self, doc: Document) -> Drop | None:
        minimum = self.config.prose_min_words
        if any(self._reads_as_prose(line.text, minimum) for line in doc.kept_lines()):
            return None
        return Drop(self.name, f"no sentence of {minimum} words or more left: a list of headlines or links, not an article")

    @staticmethod
    def _reads_as_prose(text: str, minimum: int) -> bool:
        """The line ends a sentence of ``minimum`` words or more, or holds one
        followed by more text (a whole article printed as one line that ends
        with "Read in browser »" is prose too)."""
        if word_estimate(text) < minimum:
            return False
        if SENTENCE_END.search(text):
            return True
        return any(word_estimate(m.group()) >= minimum for m in INNER_SENTENCE.finditer(text))


class TooShort(Filter):
    """Less than ``Config.min_article_words`` words are left (see :func:`word_estimate`)."""

    name = "filter.too-short"

    def __init__(self, config: Config = Config()):
        self.config = config

    def filter(self, doc: Document) -> Drop | None:
        words = word_estimate(doc.text)
        if words < self.config.min_article_words:
            return Drop(self.name, f"{words} words left, fewer than min_article_words={self.config.min_article_words}")
        return None
