"""HTML input: trafilatura extracts the main text and the page's metadata.

The extracted text becomes the document's lines, so the same rules and
heuristics run on HTML and text scrapes alike. (The full HTML path, with
fallbacks and our own metadata, is its own issue; this is the first step.)
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..document import Document


def html_document(source: str, html: str) -> Document:
    """Extract the article of ``html`` with trafilatura into a Document whose
    ``raw`` is the extracted text and whose metadata holds what the page
    declares (title, author, date, URL, site name)."""
    import trafilatura  # heavy import, only for HTML inputs

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, output_format="python"
    )
    text = (getattr(result, "text", None) or "") if result is not None else ""
    doc = Document.from_text(source, text, kind="html")
    if result is None:
        return doc
    meta = doc.meta
    meta.title = result.title or None
    if result.author:
        meta.authors = [a.strip() for a in result.author.split(";") if a.strip()]
    if result.date:
        meta.published = result.date
        meta.published_raw = result.date
        meta.published_resolved_by = "html"
    meta.url = result.url or None
    if meta.url:
        meta.site = urlsplit(meta.url).hostname
    elif result.hostname:
        meta.site = result.hostname
    return doc
