"""Template lines: a line that recurs across many *different* documents of
one site is site chrome (the consular banner printed on every page).

Observations behind it:

* a site prints the same banner, menus, footer and share lines on every page,
  around an article that differs from page to page;
* a syndicated article recurs too, on several sites with different chrome:
  its paragraphs are content and must survive in every copy (dedup decides
  about copies, later);
* the two differ in what the documents carrying the line have in common: the
  pages carrying a banner have different *longest lines* (their articles),
  the copies of one article share them.

Map → group by key → reduce, so one process, a pool or Ray give one answer:

1. map, :func:`template_keys` (pure, one document): for every distinct
   eligible line a key, ``hash(site, normalised line)``, with the document's
   content sketch: ``sketch_seeds`` min-hash values over its
   ``sketch_lines`` longest lines, leaving the line itself out (so that a long
   banner cannot make every page of its site look alike);
2. reduce, :class:`TemplateIndex`: per key the number of documents and, per
   seed, the distinct sketch values, capped to the smallest ``min_docs``
   (bottom-k: the state depends on the set of documents, not on their order
   or on how they were split, so ``merge`` is associative and commutative);
3. a line is template when every seed saw at least ``min_docs`` distinct
   values. A line of 10 copies of one article has (nearly) one value.

The site is the URL host (``www.`` dropped); without one, the whole input is
one group ``*``, where stricter thresholds apply: unrelated articles share
short subheadings ("Conclusion", "Ingredients"), which are content.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..document import Document
from ..steps import Stripper

RULE_ID = "heuristic.template.line"
UNKNOWN_SITE = "*"

_DIGIT = re.compile(r"\d+")
_MASK32 = 0xFFFF_FFFF
_MASK64 = 0xFFFF_FFFF_FFFF_FFFF
_GOLDEN = 0x9E37_79B9_7F4A_7C15


@dataclass(frozen=True, slots=True)
class TemplateConfig:
    #: a line is template when it recurs in at least this many different documents of one site
    min_docs: int = 4
    #: the same for documents without a known site (the whole input is one group)
    min_docs_unknown_site: int = 4
    #: shorter lines (normalised characters) are never template: "|", "»", "1."
    min_chars: int = 3
    #: longer lines are never template: paragraphs, also when an article is quoted on many pages
    max_chars: int = 300
    #: lines of fewer words (tokens with a letter or digit: a bullet is no word) are not counted
    #: for a known site ("Menu", "Search" are chrome there)
    min_words: int = 1
    #: lines of fewer words are not counted when the site is unknown: short subheadings
    #: ("Conclusion", "Final Thoughts") recur across unrelated articles of different sites and are content
    min_words_unknown_site: int = 6
    #: a document's content sketch is taken from this many of its longest lines
    sketch_lines: int = 8
    #: lines shorter than this (normalised characters) stay out of the sketch (unless fewer than two
    #: are longer): short lines are more often chrome, which makes copies of one article look
    #: different and pages of one site alike
    sketch_min_chars: int = 120
    #: independent min-hash values per sketch; a line must recur in different documents under every one
    #: (more seeds: fewer syndicated lines mistaken for template, a little less chrome found)
    sketch_seeds: int = 2
    #: the counting table holds at most this many keys; past that it is pruned (see TemplateIndex.prune)
    max_entries: int = 2_000_000

    def __post_init__(self):
        if min(self.min_docs, self.min_docs_unknown_site) < 2:
            raise ValueError("min_docs and min_docs_unknown_site must be at least 2")
        if not 1 <= self.sketch_seeds <= 4 or self.sketch_lines < 1 or self.max_entries < 2:
            raise ValueError("need 1 <= sketch_seeds <= 4, sketch_lines >= 1 and max_entries >= 2")

    def needed(self, site: str) -> int:
        """Distinct documents a line must recur in, for the site key ``site``."""
        return self.min_docs_unknown_site if site == UNKNOWN_SITE else self.min_docs


def normalise(text: str) -> str:
    """The form of a line that is counted: NFKC, case folded, white space
    collapsed, every run of digits one 0 (so years and page numbers do not matter).

    >>> normalise("© 2024  Example   News") == normalise("© 2023 example news")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _DIGIT.sub("0", " ".join(folded.split()))


def site_key(site: str | None) -> str:
    """The group a document's lines are counted in: its host without
    ``www.``, or ``*`` when unknown.

    >>> site_key("WWW.Example.com"), site_key(None)
    ('example.com', '*')
    """
    if not site:
        return UNKNOWN_SITE
    host = site.strip().lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _hash64(text: str) -> int:
    """A stable 64-bit hash (not the salted built-in ``hash``)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _mix(value: int) -> int:
    """splitmix64's finaliser: derives independent hashes from one."""
    value = ((value ^ (value >> 30)) * 0xBF58_476D_1CE4_E5B9) & _MASK64
    value = ((value ^ (value >> 27)) * 0x94D0_49BB_1331_11EB) & _MASK64
    return value ^ (value >> 31)


def _sketch(hashes: list[int], seeds: int) -> int:
    """One 32-bit min-hash per seed over ``hashes``, packed into one int."""
    packed = 0
    for seed in range(seeds):
        salt = (_GOLDEN * (seed + 1)) & _MASK64
        low = min((_mix(h ^ salt) & _MASK32 for h in hashes), default=_MASK32)
        packed |= low << (32 * seed)
    return packed


def _eligible(norm: str, site: str, config: TemplateConfig) -> bool:
    if not config.min_chars <= len(norm) <= config.max_chars or not any(map(str.isalpha, norm)):
        return False
    min_words = config.min_words_unknown_site if site == UNKNOWN_SITE else config.min_words
    words = 0  # tokens with a letter or digit; stop counting at min_words
    for token in norm.split():
        if any(map(str.isalnum, token)):
            words += 1
            if words >= min_words:
                return True
    return min_words <= 0


def line_key(site: str, norm: str) -> int:
    return _hash64(f"{site}\x1f{norm}")


def template_keys(doc: Document, config: TemplateConfig = TemplateConfig()) -> list[tuple[int, int]]:
    """The map step: ``(key, sketch)`` for every distinct eligible line of
    ``doc`` (all its lines, as read), sorted. A pure function of the document."""
    site = site_key(doc.meta.site)
    hashes: dict[str, int] = {}
    for line in doc.lines:
        norm = normalise(line.text)
        if norm and norm not in hashes:
            hashes[norm] = _hash64(norm)
    width = config.sketch_lines
    longest = sorted(hashes.items(), key=lambda item: (-len(item[0]), item[1]))[: width + 1]
    if sum(len(norm) >= config.sketch_min_chars for norm, _ in longest) >= 2:
        longest = [item for item in longest if len(item[0]) >= config.sketch_min_chars]
    top = {norm for norm, _ in longest[:width]}
    common = _sketch([h for _, h in longest[:width]], config.sketch_seeds)
    pairs = []
    for norm in hashes:
        if not _eligible(norm, site, config):
            continue
        sketch = _sketch([h for other, h in longest if other != norm], config.sketch_seeds) if norm in top else common
        pairs.append((line_key(site, norm), sketch))
    return sorted(pairs)


class TemplateIndex:
    """The reduce step: per key, documents counted and distinct sketch values.

    An entry is the packed sketch (an int) while one document has the key,
    then ``(count, values of seed 0, values of seed 1, ...)``, each a sorted
    tuple of at most ``cap`` distinct values: the smallest ones, so the
    entry is the same whatever the order documents came in.

    Memory (CPython 3.11, 64-bit; :meth:`nbytes`): about 130 bytes per key of
    one document, 500 per key of several. 100,000 synthetic pages (1,000
    sites × 100, 46 lines each) make 3.0 M keys, 386 MB; with
    ``max_entries`` 2 M the table is pruned to 1.0 M keys (120 MB) and every
    chrome line is still found. :meth:`compact` keeps the 16,000 template
    keys (8 MB) for the second pass.
    """

    def __init__(self, config: TemplateConfig = TemplateConfig()):
        self.config = config
        self.cap = max(config.min_docs, config.min_docs_unknown_site)
        self.entries: dict[int, int | tuple] = {}
        self.documents = 0  # documents mapped into this index
        self.pairs = 0  # (key, sketch) pairs added: N of the pruning bound
        self.pruned_by = 0  # total count subtracted by prune(): counts may be this much too low
        self.compacted = False

    def __len__(self) -> int:
        return len(self.entries)

    def _split(self, value: int | tuple) -> tuple[int, tuple[tuple[int, ...], ...]]:
        if isinstance(value, int):
            return 1, tuple(((value >> (32 * s)) & _MASK32,) for s in range(self.config.sketch_seeds))
        return value[0], value[1:]

    def _combine(self, a: int | tuple, b: int | tuple) -> tuple:
        count_a, seeds_a = self._split(a)
        count_b, seeds_b = self._split(b)
        seeds = (tuple(sorted(set(x) | set(y))[: self.cap]) for x, y in zip(seeds_a, seeds_b, strict=True))
        return (count_a + count_b, *seeds)

    def add(self, key: int, sketch: int) -> None:
        """Count one document (with content sketch ``sketch``) carrying ``key``."""
        if self.compacted:
            raise ValueError("a compacted index cannot take more documents")
        old = self.entries.get(key)
        self.entries[key] = sketch if old is None else self._combine(old, sketch)
        self.pairs += 1
        if len(self.entries) > self.config.max_entries:
            self.prune()

    def add_document(self, doc: Document) -> None:
        """Map ``doc`` and add its keys."""
        for key, sketch in template_keys(doc, self.config):
            self.add(key, sketch)
        self.documents += 1

    def merge(self, other: TemplateIndex) -> TemplateIndex:
        """A new index counting the documents of both (disjoint sets of
        documents, e.g. per worker). Associative and commutative."""
        if self.config != other.config:
            raise ValueError("cannot merge template indexes built with different configs")
        if self.compacted or other.compacted:
            # reducers of disjoint key shards (key % R) may be compacted first, then joined
            if not (self.compacted and other.compacted and self.entries.keys().isdisjoint(other.entries)):
                raise ValueError("a compacted index has dropped partial counts: only disjoint key shards can be joined")
        big, small = (self, other) if len(self) >= len(other) else (other, self)
        merged = TemplateIndex(self.config)
        merged.entries = dict(big.entries)
        for key, value in small.entries.items():
            old = merged.entries.get(key)
            merged.entries[key] = value if old is None else self._combine(old, value)
        merged.documents = self.documents + other.documents
        merged.pairs = self.pairs + other.pairs
        merged.pruned_by = self.pruned_by + other.pruned_by
        merged.compacted = self.compacted
        if len(merged.entries) > self.config.max_entries:
            merged.prune()
        return merged

    def prune(self) -> None:
        """Bound memory, Misra-Gries style in batches: let ``cut`` be the
        count of the entry ranked ``max_entries // 2 + 1``; subtract ``cut``
        from every count and drop the entries left at 0 or less.

        Error bound: a prune lowers the sum of counts by at least
        ``cut * (max_entries // 2 + 1)``, and counts sum to at most ``pairs``,
        so ``pruned_by <= 2 * pairs / max_entries``. A key's count is at most
        ``pruned_by`` too low: a key in more documents than that is never lost,
        and its sketch values cover at least its last ``true count -
        pruned_by`` documents. Pruning only loses evidence (it never makes a
        line template); it is the one place where input order can change an
        answer, for lines near the bound. Sharding keys over reducers
        (``key % R``, each with its own table) avoids it.
        """
        keep = self.config.max_entries // 2
        counts = sorted((1 if isinstance(v, int) else v[0] for v in self.entries.values()), reverse=True)
        cut = counts[keep]
        self.entries = {
            key: (value[0] - cut, *value[1:])
            for key, value in self.entries.items()
            if not isinstance(value, int) and value[0] > cut
        }
        self.pruned_by += cut

    def lookup(self, site: str | None, text: str) -> int | None:
        """The documents counted for line ``text`` of ``site`` when it is
        template, else None. ``site`` is a host, None or ``*`` (unknown)."""
        site = site_key(site)
        norm = normalise(text)
        if not _eligible(norm, site, self.config):
            return None
        value = self.entries.get(line_key(site, norm))
        if value is None or isinstance(value, int):
            return None
        count, seeds = value[0], value[1:]
        return count if min(len(values) for values in seeds) >= self.config.needed(site) else None

    def is_template(self, site: str | None, text: str) -> bool:
        return self.lookup(site, text) is not None

    def compact(self) -> TemplateIndex:
        """The index for the second pass: only the template entries. Answers
        like this one; takes no more documents, and merges only with compacted
        indexes of other key shards."""
        out = TemplateIndex(self.config)
        need = min(self.config.min_docs, self.config.min_docs_unknown_site)
        out.entries = {k: v for k, v in self.entries.items() if not isinstance(v, int) and min(map(len, v[1:])) >= need}
        out.documents, out.pairs, out.pruned_by, out.compacted = self.documents, self.pairs, self.pruned_by, True
        return out

    def nbytes(self) -> int:
        """Memory held by the table (dict, keys, values, nested tuples)."""
        size = sys.getsizeof(self.entries)
        for key, value in self.entries.items():
            size += sys.getsizeof(key) + sys.getsizeof(value)
            if isinstance(value, tuple):
                size += sum(sys.getsizeof(t) + sum(sys.getsizeof(v) for v in t) for t in value[1:])
        return size


def build_index(docs: Iterable[Document], config: TemplateConfig = TemplateConfig()) -> TemplateIndex:
    """Map and reduce ``docs`` in one process."""
    index = TemplateIndex(config)
    for doc in docs:
        index.add_document(doc)
    return index


class TemplateStripper(Stripper):
    """Removes the kept lines a finished :class:`TemplateIndex` calls template."""

    name = "templates"

    def __init__(self, index: TemplateIndex, config: TemplateConfig | None = None):
        if config is not None and config != index.config:
            raise ValueError("the stripper's config differs from the one the index was built with")
        self.index = index

    def strip(self, doc: Document) -> None:
        site = site_key(doc.meta.site)
        where = "of the input (site unknown)" if site == UNKNOWN_SITE else f"of site {site}"
        need = self.index.config.needed(site)
        for line in doc.kept_lines():
            count = self.index.lookup(site, line.text)
            if count is not None:
                doc.remove(line, RULE_ID, f"recurs in ≥{need} different documents {where} ({count} documents counted)")
