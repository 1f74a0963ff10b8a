"""The published date of an HTML page, ranked among what the page says.

A page states its date in several places that often disagree: the date
printed near the headline (perhaps marked "Updated"), JSON-LD
``datePublished`` / ``dateModified`` / ``dateCreated``, meta tags
(``article:published_time`` and its relatives), ``itemprop="datePublished"``,
the first ``<time datetime>``, a ``/2024/05/12/`` in the canonical URL, and
htmldate's own pick (through trafilatura). The reader collects every source's
day (:func:`date_sources`); the step :class:`RankedHtmlDate` makes one
candidate per distinct day, describes it by which sources name it and where
it stands among the page's days (:data:`FEATURES`), and a small linear model
(``cleaner/data/html_date_model.json``, fitted by ``bench/html_date_dev.py``
with cross-validation by page) picks one. The evidence names the sources.
"""

from __future__ import annotations

import re

from ..document import Document
from ..steps import Annotator

#: where a page states a date; the order breaks ties and picks the printed form of the chosen day
SOURCES = ("visible", "meta_published", "ld_published", "itemprop", "time_published", "time", "url", "htmldate",
           "ld_created", "ld_modified", "meta_modified")
FEATURES = ("bias", *(f"is_{s}" for s in SOURCES), "is_visible_updated", "visible_and_modified", "n_sources",
            "latest", "earliest", "latest_on_updated_page")
PUBLISHED_MARK = re.compile(r"(?i)publish|posted|entry-date|post-date|article-date|byline")
ISO_DAY = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
URL_DAY = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/")
META_MODIFIED = ("article:modified_time", "og:updated_time", "dateModified", "last-modified", "dc.date.modified")
META_PUBLISHED = ("article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publish-date",
                  "parsely-pub-date", "sailthru.date", "dc.date", "dc.date.issued")


def day_of(value: str | None) -> str | None:
    """``YYYY-MM-DD`` of an ISO-like date string, or None."""
    m = ISO_DAY.search(value or "")
    return m.group(0) if m else None


def date_sources(tree, objects, canonical: str | None) -> dict[str, str]:
    """Each markup source's day (``YYYY-MM-DD``); the visible date and
    htmldate's are added by the caller."""
    found: dict[str, str | None] = {}
    for key, name in (("datePublished", "ld_published"), ("dateModified", "ld_modified"), ("dateCreated", "ld_created")):
        found[name] = next((d for o in objects if isinstance(o.get(key), str) and (d := day_of(o[key]))), None)
    published, modified = {k.lower() for k in META_PUBLISHED}, {k.lower() for k in META_MODIFIED}
    found["meta_published"] = found["meta_modified"] = None
    for meta in tree.iter("meta"):  # one pass over the meta tags (an XPath per name costs more than the rest)
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        name = "meta_published" if key in published else "meta_modified" if key in modified else None
        if name and found[name] is None:
            found[name] = day_of(meta.get("content"))
    # a <time> marked as the publication date by its class, or by the words before it ("Published …")
    found["time_published"] = next((d for t in tree.xpath("//time[@datetime]") if PUBLISHED_MARK.search(
        " ".join((t.get("class") or "", t.getparent().get("class") or "" if t.getparent() is not None else "",
                  (t.getprevious().text_content() if t.getprevious() is not None else "")[-40:])))
        and (d := day_of(t.get("datetime")))), None)
    found["itemprop"] = next((d for v in tree.xpath("//*[@itemprop='datePublished']/@datetime") if (d := day_of(v))), None)
    found["time"] = next((d for v in tree.xpath("//time/@datetime") if (d := day_of(v))), None)
    m = URL_DAY.search(canonical or "")
    found["url"] = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
    return {k: v for k, v in found.items() if v}


def candidates(sources: dict[str, str], visible_updated: bool) -> list[tuple[str, dict[str, float]]]:
    """(day, features) of every distinct day the sources name."""
    days = sorted({day for source, day in sources.items() if source in SOURCES})
    out = []
    for day in days:
        f = dict.fromkeys(FEATURES, 0.0)
        f["bias"] = 1.0
        named = [s for s in SOURCES if sources.get(s) == day]
        for source in named:
            f["is_" + source] = 1.0
        if "visible" in named and visible_updated:
            f["is_visible"], f["is_visible_updated"] = 0.0, 1.0
        f["visible_and_modified"] = float("visible" in named and ("ld_modified" in named or "meta_modified" in named))
        f["n_sources"] = len(named) / 3
        f["latest"] = float(day == days[-1])
        f["earliest"] = float(day == days[0])
        f["latest_on_updated_page"] = f["latest"] * float(visible_updated)
        out.append((day, f))
    return out


class RankedHtmlDate(Annotator):
    """``published`` of an HTML page: the best-ranked day its sources name.
    The printed form is kept when the visible date is the chosen day (it may
    carry a time); otherwise the day."""

    name = "html.date-ranked"

    def __init__(self, model):
        self.model = model

    def annotate(self, doc: Document) -> None:
        page = doc.page or {}
        sources = page.get("date_sources") or {}
        best = self.model.best(candidates(sources, bool(page.get("visible_date_updated"))))
        if best is None:
            return
        day, score, features = best
        visible = page.get("visible_date")
        iso = visible if visible and day_of(visible) == day else day
        doc.meta.published, doc.meta.published_raw, doc.meta.published_resolved_by = iso, iso, "html-ranked"
        named = [s for s in SOURCES if sources.get(s) == day]
        doc.meta.evidence["published"] = f"{', '.join(named)}: {self.model.explain(score, features)}"
