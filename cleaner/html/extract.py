"""The article text of an HTML page: trafilatura, with a fallback.

trafilatura (with the settings of :class:`HtmlConfig`) gives the main text and
the page's metadata. When its text looks wrong (empty, or much shorter than the
text of the page's paragraphs found by ``trafilatura.baseline``: JSON-LD
``articleBody``, ``<article>``, or every ``<p>``), the page's paragraphs are
used instead, one line per paragraph, and the document is cleaned as a text
scrape (``KIND_PAGE_TEXT``), where the line classifier removes what is not the
article. Measured on both dev sets in ``docs/algorithm.md`` (HTML section).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .config import HtmlConfig

#: document kind of text extracted by trafilatura (the gentle HTML step list)
KIND_EXTRACTED = "html"
#: document kind of the fallback: the page's paragraphs, cleaned like a text scrape
KIND_PAGE_TEXT = "html-page-text"

_WORD = re.compile(r"\w+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(slots=True)
class Extraction:
    """What the extractors found on one page."""

    text: str = ""
    kind: str = KIND_EXTRACTED
    #: why the fallback was taken (None: trafilatura's text is used)
    fallback_reason: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None
    hostname: str | None = None
    extra: dict = field(default_factory=dict)


def _paragraph_lines(body) -> str:
    """The baseline's <body>: one line per paragraph element."""
    lines = []
    for child in body:
        text = " ".join("".join(child.itertext()).split())
        if text:
            lines.append(text)
    if not lines:
        text = " ".join("".join(body.itertext()).split())
        lines = [text] if text else []
    return "\n".join(lines)


def _page_words_exceed(tree, ld_body: str | None, limit: float) -> bool:
    """Whether an upper bound of the words the baseline can find (every text
    of the page's body outside scripts and styles, plus the JSON-LD article
    body) exceeds ``limit``; counting stops as soon as it does."""
    total = word_count(ld_body) if ld_body else 0
    if total > limit:
        return True
    for text in tree.xpath("//body//text()[not(parent::script) and not(parent::style)]"):
        total += word_count(text)
        if total > limit:
            return True
    return False


def _is_article_block(text: str, tree, ld_body: str | None) -> bool:
    """The baseline's one paragraph is the page's JSON-LD ``articleBody`` or
    the text of its ``<article>`` element, not the whole page's text."""
    if ld_body:
        head = " ".join(ld_body.split()[:12])
        if head and head in " ".join(text.split()[:40]):
            return True
    words = word_count(text)
    for article in tree.iter("article"):
        if 0.8 * words <= word_count("".join(article.itertext())) <= 1.2 * words:
            return True
    return False


def extract(tree, config: HtmlConfig, ld_body: str | None = None) -> Extraction:
    """Run trafilatura on the parsed page ``tree`` (an lxml element, left
    untouched: both extractors copy it) and choose the text. ``ld_body`` is
    the page's JSON-LD ``articleBody``: the fallback may be that one paragraph."""
    import trafilatura

    result = trafilatura.bare_extraction(  # copies the tree
        tree, with_metadata=True, include_comments=config.include_comments, include_tables=config.include_tables,
        favor_precision=config.favor_precision, favor_recall=config.favor_recall)
    out = Extraction()
    if result is not None:
        out.text = result.text or ""
        out.title, out.author, out.date = result.title, result.author, result.date
        out.url, out.sitename, out.hostname = result.url, result.sitename, result.hostname
    words = word_count(out.text)
    if config.fallback_ratio <= 0 or not _page_words_exceed(tree, ld_body, config.fallback_ratio * words):
        return out  # even all of the page's text could not trigger the fallback: skip the baseline
    body, _, _ = trafilatura.baseline(tree)  # copies the tree
    page_text = _paragraph_lines(body)
    page_words = word_count(page_text)
    if (page_words > config.fallback_ratio * words and page_words >= config.fallback_min_words
            and (page_text.count("\n") + 1 >= config.fallback_min_paragraphs or _is_article_block(page_text, tree, ld_body))):
        out.fallback_reason = (f"trafilatura kept {words} words, the page's paragraphs hold {page_words} "
                               f"(over {config.fallback_ratio:g}x): page paragraphs cleaned as a text scrape")
        out.text, out.kind = page_text, KIND_PAGE_TEXT
    return out
