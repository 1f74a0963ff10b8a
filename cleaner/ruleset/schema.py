"""The rule language: what a rule file may say, and the compiled rule.

Rule files are TOML (``tomllib`` is in the standard library, parses data only,
and has no implicit typing surprises such as YAML's ``no`` → False). Each file
holds ``[[rule]]`` tables; see ``docs/rules.md`` for the language with a worked
example per kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .safe_regex import SafePattern

#: kind → (required keys, optional keys), besides the common keys
KIND_KEYS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "drop_line": (frozenset({"pattern"}), frozenset({"max_words"})),
    "cut_section": (frozenset({"start"}), frozenset({"stop", "stop_at_prose", "min_words_before", "max_words"})),
    "extract_field": (frozenset({"field", "pattern"}), frozenset({"max_words"})),
    "date_order": (frozenset({"order"}), frozenset()),
}
COMMON_REQUIRED = frozenset({"id", "rationale", "kind"})
COMMON_OPTIONAL = frozenset({"site", "fingerprint"})
#: metadata fields an ``extract_field`` rule may fill
FIELDS = ("title", "authors", "published", "captions", "credits", "sections")
DATE_ORDERS = ("day-first", "month-first")
ID_FORMAT = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: keys whose values are regular expressions
PATTERN_KEYS = ("pattern", "start", "stop", "fingerprint")


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a rule applies: a site by URL host (the host or a subdomain of
    it), or by a fingerprint line that identifies the site in a text scrape.
    A rule with neither applies everywhere."""

    site: str | None = None
    fingerprint: SafePattern | None = None

    @property
    def is_site(self) -> bool:
        return self.site is not None or self.fingerprint is not None

    def describe(self) -> str:
        parts = []
        if self.site:
            parts.append(f"site={self.site}")
        if self.fingerprint is not None:
            parts.append(f"fingerprint=/{self.fingerprint.pattern}/")
        return " ".join(parts) or "everywhere"


@dataclass(frozen=True, slots=True)
class Rule:
    """One validated, compiled rule."""

    id: str
    rationale: str
    kind: str
    file: str
    line: int
    scope: Scope = Scope()
    pattern: SafePattern | None = None  # drop_line, extract_field
    start: SafePattern | None = None  # cut_section
    stop: SafePattern | None = None  # cut_section
    field: str | None = None  # extract_field
    order: str | None = None  # date_order
    max_words: int | None = None  # only lines with at most this many words match
    min_words_before: int | None = None  # cut_section: body words needed before the cut
    stop_at_prose: bool = False  # cut_section: the cut ends where paragraphs of prose resume

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def matches_line(self, pattern: SafePattern, text: str, words: int | None = None):
        """``pattern``'s match in ``text``, or None; ``words`` is the line's word count when the caller has it."""
        if self.max_words is not None and (len(text.split()) if words is None else words) > self.max_words:
            return None
        return pattern.search(text)
