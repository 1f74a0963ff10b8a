"""Metadata of an HTML page, from its markup and from trafilatura's findings.

* **title**: the page's ``<h1>`` when it is the article's headline, else the
  declared title (trafilatura's: ``og:title``, ``<title>``...) without the site
  name. An ``<h1>`` that is only the site name is skipped; among several, the
  one sharing most words with the declared title wins, unless it shares fewer
  than ``min_title_overlap`` of its words with it (then the declared title).
* **authors**: JSON-LD ``author`` of the article, else ``<meta name=author>``,
  else trafilatura's; split into names without roles, credentials and
  publications (:func:`cleaner.metadata.authors.split_names`).
* **published**: trafilatura's date (htmldate: JSON-LD, meta tags, then the
  page), as ISO 8601.
* **url**: ``<link rel=canonical>`` (or ``og:url``), **site**: its host, else
  trafilatura's host name; **declared language**: ``<html lang>``.
* **captions**: the text of every ``<figcaption>``.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..metadata.authors import normalise_name, split_names

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
    meta_author: str | None = None
    canonical: str | None = None
    declared_lang: str | None = None
    captions: list[str] = field(default_factory=list)
    #: why the page's paragraphs replaced trafilatura's text (None: they did not)
    fallback_reason: str | None = None


def read_facts(tree) -> PageFacts:
    facts = PageFacts()
    for h1 in tree.iter("h1"):
        text = _text(h1)
        if text and text not in facts.h1s:
            facts.h1s.append(text)
    facts.ld_authors = _json_ld_authors(tree)
    author = tree.xpath("//meta[@name='author']/@content")
    facts.meta_author = author[0].strip() or None if author else None
    canonical = tree.xpath("//link[@rel='canonical']/@href") or tree.xpath("//meta[@property='og:url']/@content")
    if canonical and canonical[0].strip().startswith(("http://", "https://")):
        facts.canonical = canonical[0].strip()
    lang = tree.xpath("/html/@lang") or tree.xpath("//meta[@http-equiv='content-language']/@content")
    if lang and lang[0].strip():
        facts.declared_lang = lang[0].strip().split("-")[0].split("_")[0].lower() or None
    for caption in tree.iter("figcaption"):
        text = _text(caption)
        if text and text not in facts.captions:
            facts.captions.append(text)
    return facts


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


def _json_ld_authors(tree) -> list[str]:
    objects = _json_ld_objects(tree)
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


def clean_authors(values: list[str]) -> list[str]:
    """Author names from declared strings: entities decoded, split on "and",
    commas, "&" ...; credentials ("MS, RD", "Ph.D."), roles and publications dropped.

    >>> clean_authors(["Jane Roe, MS, RD", "By John Smith &amp; Ann Lee"])
    ['Jane Roe', 'John Smith', 'Ann Lee']
    """
    names: list[str] = []
    for value in values:
        value = htmllib.unescape(value).strip()
        value = re.sub(r"^(?:by|written by|posted by|author:?)\s+", "", value, flags=re.I)
        if value.startswith(("http://", "https://")):
            continue
        for name in split_names(value):
            name = name.strip(" .,")
            if not name or _CREDENTIAL.match(name) or any(ch.isdigit() for ch in name):
                continue
            name = normalise_name(name)
            if name not in names:
                names.append(name)
    return names


def choose_authors(facts: PageFacts, declared: str | None) -> list[str]:
    for values in (facts.ld_authors, [facts.meta_author] if facts.meta_author else [], declared.split(";") if declared else []):
        names = clean_authors(values)
        if names:
            return names
    return []


def site_of(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
