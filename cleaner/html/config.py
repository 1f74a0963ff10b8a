"""The thresholds of the HTML path, held by :class:`cleaner.config.Config` as ``html``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HtmlConfig:
    # --- limits -------------------------------------------------------------
    #: HTML larger than this (decoded characters) is rejected (status error) without being parsed
    max_html_chars: int = 5_000_000

    # --- trafilatura settings (measured: docs/algorithm.md, HTML section) ----
    favor_recall: bool = True
    favor_precision: bool = False
    #: comments are not the article (the dev sets' gold excludes them)
    include_comments: bool = False
    include_tables: bool = True

    # --- metadata -------------------------------------------------------------
    #: an <h1> is the headline when at least this share of its words are in the declared title (several <h1>)
    min_title_overlap: float = 0.2
    #: a title or byline line is looked for among the first this many lines of the extracted text
    header_lines: int = 4
    #: a byline line has at most this many words
    byline_max_words: int = 12
    #: the page's declared language replaces langdetect's when langdetect's best probability is below this
    declared_lang_below_prob: float = 0.9

    # --- fallback -----------------------------------------------------------
    #: use the page's paragraphs when they hold more than this many times trafilatura's words (0 = never)
    fallback_ratio: float = 3.0
    #: ... and at least this many words
    fallback_min_words: int = 50
    #: ... in at least this many paragraphs (one huge line is the whole page's text, not its paragraphs)
    fallback_min_paragraphs: int = 3
