"""The HTML path: page → :class:`~cleaner.document.Document`.

``html_document`` parses the page once, reads its metadata from the markup
(:mod:`.metadata`), extracts the article with trafilatura and, when that text
looks wrong, falls back to the page's paragraphs (:mod:`.extract`), within the
page's size limit (and the reader's time budget, :mod:`cleaner.limits`). The document then goes
through the HTML step list of :func:`cleaner.api.default_steps` (rules, the
page's captions, title and byline lines), or, for the fallback, through the
text step list. Thresholds: :class:`.config.HtmlConfig` (``Config.html``).
"""

from __future__ import annotations

from ..document import Document
from .config import HtmlConfig
from .dates import day_of
from .extract import KIND_EXTRACTED, KIND_PAGE_TEXT, Extraction, extract
from .metadata import PageFacts, choose_authors, choose_title, read_facts, site_of

__all__ = ["HtmlConfig", "KIND_EXTRACTED", "KIND_PAGE_TEXT", "html_document", "PageFacts"]

#: reason ids of rejected HTML pages
TOO_LARGE = "error.html-too-large"
UNPARSABLE = "error.html-unparsable"


def html_document(source: str, html: str, config: HtmlConfig = HtmlConfig()) -> Document:
    """Extract the article of ``html``. A page over the size limit, or one
    lxml cannot parse, comes back with ``status`` error and the reason.

    Time: extraction runs inside the reader's budget for one input
    (``Config.max_seconds_per_document``, :mod:`cleaner.limits`): a page that
    takes longer is rejected with ``error.timeout`` by
    :func:`cleaner.readers.read_bytes`."""
    if len(html) > config.max_html_chars:
        doc = Document(source=source, raw="", kind=KIND_EXTRACTED)
        doc.fail(TOO_LARGE, f"the page has {len(html)} characters, over the {config.max_html_chars} limit "
                            "(HtmlConfig.max_html_chars); raise it to read this page")
        return doc
    tree = _parse(html)
    if tree is None:
        doc = Document(source=source, raw="", kind=KIND_EXTRACTED)
        doc.fail(UNPARSABLE, "the HTML could not be parsed (empty or not HTML)")
        return doc
    facts = read_facts(tree)
    found = extract(tree, config, facts.ld_body)
    return _document(source, found, facts, config)


def _parse(html: str):
    from trafilatura.utils import load_html

    return load_html(html)


def _document(source: str, found: Extraction, facts: PageFacts, config: HtmlConfig) -> Document:
    doc = Document.from_text(source, found.text, kind=found.kind)
    meta = doc.meta
    meta.url = facts.canonical or found.url or None
    meta.site = site_of(meta.url) or found.hostname or None
    meta.title = choose_title(found.title, facts.h1s, found.sitename, config.min_title_overlap)
    doc.title_confirmed = meta.title is not None
    if meta.title:
        meta.evidence["title"] = "an <h1> of the page" if meta.title in facts.h1s else "the declared title without the site name"
    meta.authors, source = choose_authors(facts, found.author)
    if source:
        meta.evidence["authors"] = f"from {source}"
    if facts.visible_date and not facts.visible_date_updated:
        meta.offer_published(facts.visible_date, facts.visible_date, "html-visible")
        meta.evidence["published"] = "the first date printed near the <h1>"
    elif found.date:
        meta.offer_published(found.date, found.date, "html")
        meta.evidence["published"] = "trafilatura's date (htmldate: JSON-LD, meta tags, the page)"
    elif facts.visible_date:
        meta.offer_published(facts.visible_date, facts.visible_date, "html-visible")
        meta.evidence["published"] = "the first date printed near the <h1> (an update's date; the page gives no other)"
    if day_of(found.date):
        facts.date_sources["htmldate"] = day_of(found.date)
    facts.fallback_reason = found.fallback_reason
    doc.page = facts.for_steps()
    return doc
