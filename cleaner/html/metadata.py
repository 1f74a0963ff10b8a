"""Metadata of an HTML page, from its markup and from trafilatura's findings.

* **title**: the page's ``<h1>`` when it is the article's headline, else the
  declared title (trafilatura's: ``og:title``, ``<title>``...) without the site
  name. An ``<h1>`` that is only the site name is skipped; among several, the
  one sharing most words with the declared title wins, unless it shares fewer
  than ``min_title_overlap`` of its words with it (then the declared title).
* **authors**: JSON-LD ``author`` of the article, else ``<meta name=author>``,
  else trafilatura's; split into names without roles, credentials and
  publications (:func:`cleaner.metadata.authors.split_names`).
* **published**: the first date printed near the ``<h1>`` (what a reader sees
  as the article's date) unless it is marked "Updated", else trafilatura's
  (htmldate: JSON-LD, meta tags, then the page), else the updated date; ISO 8601.
* **url**: ``<link rel=canonical>`` (or ``og:url``), **site**: its host, else
  trafilatura's host name; **declared language**: ``<html lang>``.
* **captions**: the text of every ``<figcaption>``.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..metadata.authors import normalise_name
from ..metadata.dates import find_date
from .dates import date_sources, day_of

_WORD = re.compile(r"\w+")
#: separators between a headline and the site name in a declared title
_TITLE_SEP = re.compile(r"\s+[|\-–—•·»/~:]+\s+|\s*\|\s*")
#: words that may accompany a site name in an <h1> or a title part
_SITE_FILLER = {"the", "com", "www", "blog", "org", "net"}
_ARTICLE_TYPES = ("Article", "BlogPosting", "NewsArticle", "Report", "WebPage", "Posting", "Review", "HowTo", "Recipe")
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,6}|Ph\.?\s?D\.?|M\.?D\.?|MBA|CFP|CEPF|CPA|RN|MSc|BSc|MA|MS|RD|LD|JD|Esq\.?)[®™]?$")


def _tokens(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


@dataclass(slots=True)
class PageFacts:
    """What the markup says, read once from the parsed tree."""

    h1s: list[str] = field(default_factory=list)
    ld_authors: list[str] = field(default_factory=list)
    #: the article's text as its JSON-LD gives it (``articleBody``), if any
    ld_body: str | None = None
    meta_author: str | None = None
    #: short texts of elements marked as the author (class, id, rel, itemprop): the visible byline
    byline_texts: list[str] = field(default_factory=list)
    canonical: str | None = None
    declared_lang: str | None = None
    captions: list[str] = field(default_factory=list)
    #: the first date printed near the headline (ISO 8601), the date a reader sees
    visible_date: str | None = None
    #: the visible date is marked as the date of an update ("Updated …"), not of publication
    visible_date_updated: bool = False
    #: why the page's paragraphs replaced trafilatura's text (None: they did not)
    fallback_reason: str | None = None
    #: the day each source of the markup gives (JSON-LD, meta tags, <time>, the URL, the visible date,
    #: htmldate's): what cleaner.html.dates ranks
    date_sources: dict[str, str] = field(default_factory=dict)

    def for_steps(self) -> dict:
        """What the HTML steps need, as plain JSON values (a Document is
        checkpointed and spooled as JSON; the JSON-LD body is left out)."""
        return {"h1s": list(self.h1s), "captions": list(self.captions), "declared_lang": self.declared_lang,
                "visible_date": self.visible_date, "visible_date_updated": self.visible_date_updated,
                "fallback_reason": self.fallback_reason, "date_sources": dict(self.date_sources)}


def read_facts(tree) -> PageFacts:
    facts = PageFacts()
    for h1 in tree.iter("h1"):
        text = _text(h1)
        if text and text not in facts.h1s:
            facts.h1s.append(text)
    objects = _json_ld_objects(tree)
    facts.ld_authors = _json_ld_authors(objects)
    facts.ld_body = next((o["articleBody"].strip() for o in objects if isinstance(o.get("articleBody"), str) and o["articleBody"].strip()), None)
    author = tree.xpath("//meta[@name='author']/@content")
    facts.meta_author = author[0].strip() or None if author else None
    canonical = tree.xpath("//link[@rel='canonical']/@href") or tree.xpath("//meta[@property='og:url']/@content")
    if canonical and canonical[0].strip().startswith(("http://", "https://")):
        facts.canonical = canonical[0].strip()
    lang = tree.xpath("/html/@lang") or tree.xpath("//meta[@http-equiv='content-language']/@content")
    if lang and lang[0].strip():
        facts.declared_lang = lang[0].strip().split("-")[0].split("_")[0].lower() or None
    facts.byline_texts = _byline_texts(tree)
    facts.date_sources = date_sources(tree, objects, facts.canonical)
    known = frozenset(facts.date_sources.values()) | {d for v in tree.xpath("//time/@datetime") if (d := day_of(v))}
    facts.visible_date, facts.visible_date_updated = _visible_date(tree, known)
    if day_of(facts.visible_date):
        facts.date_sources["visible"] = day_of(facts.visible_date)
    for caption in tree.iter("figcaption"):
        text = _text(caption)
        if text and text not in facts.captions:
            facts.captions.append(text)
    return facts


_AUTHOR_MARK = re.compile(r"author|byline|writer", re.I)
_NOT_BYLINE_MARK = re.compile(r"bio|avatar|img|image|photo|box|desc|about|social|follow|date|time|more|posts|comment", re.I)


_AUTHOR_HREF = re.compile(r"/(?:authors?|writers?|contributors?|people|staff|team|profiles?|producers?|columnists?|by)/[^/?#]+/?(?:[?#]|$)", re.I)
_BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|published|recipe|article|story)\s+by|by|author|authors|author\(s\)|contributors?|von|par|por|door|di)\s*:?$", re.I)
_BYLINE_LEAD = re.compile(r"^(?:(?:written|posted|published|recipe|article|story)\s+by|by|author:|authors:)\s+", re.I)


def _byline_texts(tree, max_words: int = 6) -> list[str]:
    """Visible author names: links to an author page, "By Jane Roe" lines,
    a "Written by" label followed by the name, elements marked as the author."""
    found: list[str] = []
    for index in ("1", "2"):
        label = tree.xpath(f"//meta[@name='twitter:label{index}']/@content")
        if label and label[0].strip().lower() in ("written by", "author", "by"):
            found.extend(v.strip() for v in tree.xpath(f"//meta[@name='twitter:data{index}']/@content")[:1] if v.strip())

    def add(text: str) -> None:
        text = " ".join(text.split()).strip(" ,|·-")
        if text and len(text.split()) <= max_words and not any(ch.isdigit() for ch in text) and text not in found:
            found.append(text)

    for link in tree.iter("a"):
        href = link.get("href")
        if href and (link.get("rel") == "author" or _AUTHOR_HREF.search(href)):
            add(_text(link))
    for element in tree.iter("span", "p", "div", "li", "address", "strong", "b", "em", "h6", "dt"):
        own = element.text.strip() if element.text else ""
        if not own and len(element):
            first = element[0]
            own = first.text.strip() if isinstance(first.tag, str) and first.text else ""
        if not own or len(own) > 40 or not (_BYLINE_LEAD.match(own + " ") or _BYLINE_LABEL.match(own)):
            continue  # cheap test on the element's own first words before reading its whole text
        text = _text(element)
        if len(text.split()) > 10:
            continue
        if _BYLINE_LEAD.match(text) and len(element) <= 3:
            add(_BYLINE_LEAD.sub("", text).split(" | ")[0].split(" - ")[0].split(",")[0])
        elif _BYLINE_LABEL.match(text):
            sibling = element.getnext()
            if element.tail and element.tail.strip():
                add(element.tail)
            elif sibling is not None and isinstance(sibling.tag, str):
                add(_text(sibling))
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "img", "head", "meta", "link"):
            continue
        marks = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("itemprop"))))
        folded = marks.lower()  # a quick test first: most elements are marked, few as an author
        if ("author" in folded or "byline" in folded or "writer" in folded) \
                and _AUTHOR_MARK.search(marks) and not _NOT_BYLINE_MARK.search(marks):
            add(_BYLINE_LEAD.sub("", _text(element)))
    return found


_UPDATED = re.compile(r"^\W*(?:last\s+)?(?:updated|modified|edited|reviewed|aktualisiert|mis à jour|actualizado)", re.I)
_NOT_TEXT = {"script", "style", "noscript", "svg", "template", "head"}


def _visible_date(tree, known: frozenset[str], before: int = 10, after: int = 30,
                  max_chars: int = 80, block_depth: int = 3) -> tuple[str | None, bool]:
    """The first date in the short texts around the first ``<h1>``: ``before``
    text nodes above it to ``after`` below it (dates are printed with the
    headline and the byline); and whether it is marked as the date of an
    update ("Updated March 3, 2024", or an "Updated:" label just before it).
    A numeric date such as 03/01/2017 is read in the order that gives a day
    the markup names (``known``: JSON-LD, meta, ``<time datetime>``...).
    Above the ``<h1>`` only texts inside its block (its ancestor
    ``block_depth`` levels up) count: a sidebar's list of dated stories
    printed before the headline is not the article's date."""
    h1 = next(tree.iter("h1"), None)
    if h1 is None:
        return None, False
    block = h1
    for _ in range(block_depth):
        block = block.getparent() if block.getparent() is not None else block
    #: (text, the day of the <time datetime> the text is printed in, if any)
    window: deque[tuple[str, str | None]] = deque(maxlen=before)
    for element in block.iter():  # above the headline: its block only
        if element is h1:
            break
        window.extend(_short_texts(element, max_chars))
    remaining = after
    for element in _from(h1):
        for entry in _short_texts(element, max_chars):
            window.append(entry)
            previous = ""
            for candidate, day in window:
                found = find_date(candidate, known=known)
                if found and found.iso:
                    updated = bool(_UPDATED.match(candidate) or (len(previous) < 25 and _UPDATED.match(previous)))
                    # printed in a <time>, the machine-readable datetime is the day meant
                    return (day if day and day != found.iso[:10] else found.iso), updated
                previous = candidate
            window.clear()
            window.append(entry)  # the label of a date in the next text
            remaining -= 1
            if remaining <= 0:
                return None, False
    return None, False


def _short_texts(element, max_chars: int) -> list[tuple[str, str | None]]:
    """An element's own text and its tail, each when short and not empty,
    with the day of the element's ``datetime`` for its own text (a ``<time>``)."""
    if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
        return []
    stamp = day_of(element.get("datetime")) if element.tag == "time" else None
    out = []
    for text, own in ((element.text, True), (element.tail, False)):
        text = text.strip() if text else ""
        if text and len(text) <= max_chars:
            out.append((text, stamp if own else None))
    return out


def _from(element):
    """``element`` and everything after it in document order (lazily)."""
    yield from element.iter()
    node = element
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter()
        node = node.getparent()


def _json_ld_objects(tree) -> list[dict]:
    found = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return found


def _json_ld_authors(objects: list[dict]) -> list[str]:
    people = {o["@id"]: o["name"] for o in objects
              if isinstance(o.get("@id"), str) and isinstance(o.get("name"), str) and "Person" in str(o.get("@type"))}

    def names(value) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            return [n for v in value for n in names(v)]
        if isinstance(value, dict):
            if isinstance(value.get("name"), str):
                return [value["name"]]
            if value.get("@id") in people:
                return [people[value["@id"]]]
        return []

    for obj in objects:
        if any(t in str(obj.get("@type", "")) for t in _ARTICLE_TYPES) and "author" in obj:
            found = [n.strip() for n in names(obj["author"]) if n.strip()]
            if found:
                return found
    return []


def strip_site_name(title: str, site: str | None) -> str:
    """The headline part of a declared title: parts that are the site name are
    dropped; without a known site name, a short last part (or first part) is.

    >>> strip_site_name("Big storm hits coast | Daily Planet", "Daily Planet")
    'Big storm hits coast'
    >>> strip_site_name("How to bake bread - Crumbs", None)
    'How to bake bread'
    >>> strip_site_name("One: a title with no site", None)
    'One: a title with no site'
    """
    parts = [p.strip() for p in _TITLE_SEP.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    site_words = set(_tokens(site)) | _SITE_FILLER if site else set()
    keep = [p for p in parts if not (site and set(_tokens(p)) <= site_words)]
    if len(keep) == len(parts):
        if len(_tokens(parts[-1])) <= 4:
            keep = parts[:-1]
        elif len(_tokens(parts[0])) <= 3:
            keep = parts[1:]
    if not keep:
        return title
    start, end = title.find(keep[0]), title.rfind(keep[-1]) + len(keep[-1])
    return title[start:end].strip() if 0 <= start < end else " ".join(keep)


def choose_title(declared: str | None, h1s: list[str], site: str | None, min_overlap: float) -> str | None:
    """The headline: an <h1> that is not the site name, else the declared title without the site name.

    >>> choose_title("Storm hits the coast | Planet", ["Planet", "Storm hits coast"], "Planet", 0.2)
    'Storm hits coast'
    >>> choose_title("Storm hits the coast | Planet", [], "Planet", 0.2)
    'Storm hits the coast'
    """
    stripped = strip_site_name(declared, site) if declared else None
    site_words = set(_tokens(site)) | _SITE_FILLER if site else None
    candidates = [h for h in h1s if _tokens(h) and not (site_words and set(_tokens(h)) <= site_words)]
    if not candidates:
        return stripped
    declared_words = set(_tokens(declared))
    if not declared_words:
        return candidates[0]
    overlap, _, best = max((sum(t in declared_words for t in _tokens(h)) / len(_tokens(h)), -i, h) for i, h in enumerate(candidates))
    return best if overlap >= min_overlap else stripped


#: separators between names in a declared author string
_NAME_SEP = re.compile(r"\s*(?:;|\||,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*|\s+[-–—]\s+", re.I)
_BY = re.compile(r"^(?:(?:written|posted|recipe|article|story|words|text|reviewed|edited)\s+)?(?:by|von|par|por|di|door)\s+|^authors?:?\s+", re.I)
#: job-title words: glued after a name they are cut ("Jane Roe Staff Writer"); a later part with one is a title
_TITLE_WORDS = {
    "director", "sr", "senior", "writer", "editor", "expert", "founder", "co-founder", "attorney", "manager", "officer",
    "ceo", "cto", "cfo", "president", "correspondent", "reporter", "contributor", "specialist", "consultant", "analyst",
    "professor", "dietitian", "nutritionist", "veterinarian", "winemaker", "strategist", "chief", "former", "freelance",
    "associate", "assistant", "executive", "coordinator", "producer", "journalist", "columnist", "reviewer", "educator",
    "author", "master", "lead", "head",
}
#: words that, with a title word, make up the rest of a job title or an affiliation in a later part
_AFFILIATION_WORDS = {"editorial", "team", "staff", "certified", "registered", "licensed", "medical", "admin"}


#: a part ending in a month name is a date glued to the byline ("Jane Roe October")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


def _words_of(part: str) -> list[str]:
    return [w.lower().strip(".®™()") for w in part.replace("-", " ").split()]


def _trim_tail(name: str) -> str:
    """Cut a job title or credentials glued after a name ("Jane Roe Staff Writer", "Jane Roe CPP").

    >>> _trim_tail("Jane Roe Senior Writer"), _trim_tail("Jane A. Roe CPP"), _trim_tail("The Example Team")
    ('Jane Roe', 'Jane A. Roe', 'The Example Team')
    >>> _trim_tail("Help Net Security")
    'Help Net Security'
    """
    words = name.split()
    if len(words) > 2 and _CREDENTIAL.match(words[-1]) and words[-1].isupper():
        words.pop()
    if len(words) > 2 and words[-1].lower() in _TITLE_WORDS:
        words.pop()
        while len(words) > 2 and (words[-1].lower() in _TITLE_WORDS or words[-1].lower() in ("staff", "tech", "senior")):
            words.pop()
    return " ".join(words)


def _is_credential_or_role(part: str) -> bool:
    return bool(_CREDENTIAL.match(part)) or any(w in _TITLE_WORDS or w in _AFFILIATION_WORDS for w in _words_of(part))


def clean_authors(values: list[str]) -> list[str]:
    """Author names from declared strings: entities decoded, a leading "By"
    dropped, split on ``;`` ``,`` ``|`` ``&`` "and"; after the first name,
    credentials ("MS, RD", "Ph.D."), job titles and publications ("The
    Texas Newsroom") are dropped. A name is kept as the page writes it
    ("EcoCult Staff" is a byline name); all-capitals names are title-cased.

    >>> clean_authors(["Jane Roe, MS, RD", "By John Smith &amp; Ann Lee"])
    ['Jane Roe', 'John Smith', 'Ann Lee']
    >>> clean_authors(["Sam Poe | The Daily News"]), clean_authors(["The Example Team"]), clean_authors(["May Poe"])
    (['Sam Poe'], ['The Example Team'], ['May Poe'])
    """
    names: list[str] = []
    for value in values:
        value = " ".join(htmllib.unescape(value).split())
        value = _BY.sub("", value)
        if not value or value.startswith(("http://", "https://")) or "@" in value:
            continue
        parts = [_BY.sub("", p.strip(" .:-–—")) for p in _NAME_SEP.split(value)]
        for index, part in enumerate(p for p in parts if p):
            if any(ch.isdigit() for ch in part) or len(part.split()) > 6:
                continue
            if index > 0 and (_is_credential_or_role(part) or part.lower().startswith("the ")):
                if not _CREDENTIAL.match(part):
                    break  # "Jane Roe, Director of Operations, Example Corp": the rest is her title and employer
                continue
            if _CREDENTIAL.match(part):
                continue
            name = _trim_tail(part)
            words = name.lower().split()
            if not words or words[0] in ("updated", "published", "posted") or words[-1] in _MONTHS:
                continue
            name = normalise_name(name)
            if name not in names:
                names.append(name)
    return names


def choose_authors(facts: PageFacts, declared: str | None) -> tuple[list[str], str | None]:
    """The first source that gives names: JSON-LD, ``<meta name=author>``,
    trafilatura's, then the visible byline; and the name of that source. A
    declared name that a visible one starts ("Jane Roe Head Winemaker" /
    "Jane Roe") becomes the visible one."""
    visible = clean_authors(facts.byline_texts)
    sources = (("JSON-LD author", facts.ld_authors), ("<meta name=author>", [facts.meta_author] if facts.meta_author else []),
               ("trafilatura's author", [declared] if declared else []), ("the visible byline", facts.byline_texts[:1]))
    for source, values in sources:
        names = clean_authors(values)
        if names:
            return [next((v for v in visible if name.startswith(v + " ")), name) for name in names], source
    return [], None


def site_of(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
