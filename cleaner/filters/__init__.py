"""Filters decide whether a cleaned document is kept. They never change it."""

from __future__ import annotations

from ..config import Config
from ..document import Document
from ..steps import Drop, Filter

__all__ = ["NoArticle", "TooShort"]


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


class TooShort(Filter):
    """Less than ``Config.min_article_words`` words are left."""

    name = "filter.too-short"

    def __init__(self, config: Config = Config()):
        self.config = config

    def filter(self, doc: Document) -> Drop | None:
        words = len(doc.text.split())
        if words < self.config.min_article_words:
            return Drop(self.name, f"{words} words left, fewer than min_article_words={self.config.min_article_words}")
        return None
