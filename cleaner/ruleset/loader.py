"""Loading and validating rule files.

Loading fails loudly: every problem (unknown key, missing key, empty or invalid
pattern, duplicate id, wrong type) is collected and raised together in one
:class:`~cleaner.errors.RuleFileError`, each naming the file, the line and the
rule id, so a user fixes all of them in one go.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import RuleFileError
from .safe_regex import PatternError, SafePattern, compile_pattern
from .schema import (
    COMMON_OPTIONAL,
    COMMON_REQUIRED,
    DATE_ORDERS,
    FIELDS,
    ID_FORMAT,
    KIND_KEYS,
    PATTERN_KEYS,
    Rule,
    Scope,
)

_RULE_HEADER = re.compile(r"^\s*\[\[\s*rule\s*\]\]")


@dataclass(slots=True)
class RuleSet:
    """The rules of a run, in load order (files sorted by path, rules in
    file order)."""

    rules: list[Rule] = field(default_factory=list)
    #: compiled pattern sets by their patterns, shared by the run's strippers (not pickled: workers compile their own)
    _sets: dict = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.rules)

    def __getstate__(self):
        return {"rules": self.rules}

    def __setstate__(self, state):
        self.rules, self._sets = state["rules"], {}

    def pattern_set(self, patterns: tuple[SafePattern, ...]):
        """One compiled :class:`~cleaner.ruleset.pattern_set.PatternSet` of
        ``patterns`` for the run (compiling a set costs tens of milliseconds)."""
        from .pattern_set import PatternSet

        if patterns not in self._sets:
            self._sets[patterns] = PatternSet(list(patterns))
        return self._sets[patterns]

    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    def without_site_rules(self) -> RuleSet:
        return RuleSet([rule for rule in self.rules if not rule.scope.is_site])


def builtin_rules_dir() -> Path:
    """The rules shipped with cleaner: inside the installed package
    (``cleaner/rules``), else the source checkout's ``rules/``."""
    packaged = resources.files("cleaner") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "rules"


def rule_files(directory: str | os.PathLike) -> list[Path]:
    root = Path(directory)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise RuleFileError([f"{root}: no such rules folder or file"])
    return sorted(p for p in root.rglob("*.toml") if p.is_file())


def load_rules(dirs: list[str | os.PathLike]) -> RuleSet:
    """Load and validate every ``*.toml`` under each of ``dirs`` (folders are
    searched recursively). Ids must be unique across all of them."""
    problems: list[str] = []
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for directory in dirs:
        try:
            files = rule_files(directory)
        except RuleFileError as exc:
            problems.extend(exc.problems)
            continue
        for path in files:
            for rule in _load_file(path, problems):
                if rule.id in seen:
                    problems.append(f"{rule.where}: rule '{rule.id}': duplicate id (first defined at {seen[rule.id]})")
                    continue
                seen[rule.id] = rule.where
                rules.append(rule)
    if problems:
        raise RuleFileError(problems)
    return RuleSet(rules)


def _load_file(path: Path, problems: list[str]) -> list[Rule]:
    name = str(path)
    try:
        source = path.read_text(encoding="utf-8")
        data = tomllib.loads(source)
    except UnicodeDecodeError:
        problems.append(f"{name}:1: not UTF-8 text")
        return []
    except tomllib.TOMLDecodeError as exc:
        problems.append(f"{name}: invalid TOML: {exc}")
        return []
    unknown = set(data) - {"rule"}
    if unknown:
        problems.append(f"{name}:1: unknown top-level key(s) {sorted(unknown)}; a rule file holds only [[rule]] tables")
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        problems.append(f"{name}:1: 'rule' must be an array of tables, written [[rule]]")
        return []
    header_lines = [n for n, line in enumerate(source.splitlines(), 1) if _RULE_HEADER.match(line)]
    rules = []
    for position, entry in enumerate(entries):
        line = header_lines[position] if position < len(header_lines) else 1
        rule = _compile(entry, name, line, problems)
        if rule is not None:
            rules.append(rule)
    return rules


def _compile(entry: dict, name: str, line: int, problems: list[str]) -> Rule | None:
    rid = entry.get("id")
    label = f"{name}:{line}: rule '{rid}'" if isinstance(rid, str) and rid else f"{name}:{line}: rule #?"
    before = len(problems)

    def bad(message: str) -> None:
        problems.append(f"{label}: {message}")

    for key in sorted(COMMON_REQUIRED - set(entry)):
        bad(f"missing key '{key}'")
    if not isinstance(rid, str) or not ID_FORMAT.match(rid or ""):
        bad("id must be lower-case letters, digits, '.', '_' or '-' (e.g. 'site.example.byline')")
    for key in ("rationale", "kind"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            bad(f"'{key}' must be a non-empty string")
    kind = entry.get("kind")
    if isinstance(kind, str) and kind not in KIND_KEYS:
        bad(f"unknown kind '{kind}' (known: {', '.join(KIND_KEYS)})")
        return None
    if kind not in KIND_KEYS:
        return None
    required, optional = KIND_KEYS[kind]
    allowed = COMMON_REQUIRED | COMMON_OPTIONAL | required | optional
    for key in sorted(set(entry) - allowed):
        bad(f"unknown key '{key}' for kind '{kind}' (allowed: {', '.join(sorted(allowed))})")
    for key in sorted(required - set(entry)):
        bad(f"missing key '{key}' for kind '{kind}'")

    compiled: dict[str, SafePattern] = {}
    for key in PATTERN_KEYS:
        if key not in entry:
            continue
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            bad(f"'{key}' is empty; give a regular expression")
            continue
        try:
            compiled[key] = compile_pattern(value)
        except PatternError as exc:
            bad(f"'{key}' {exc}")
            continue
        if compiled[key].search(""):
            bad(f"'{key}' /{value}/ matches the empty string, so it would match every line")
    for key in ("max_words", "min_words_before"):
        if key in entry and (not isinstance(entry[key], int) or isinstance(entry[key], bool) or entry[key] < 0):
            bad(f"'{key}' must be a whole number ≥ 0")
    if "stop_at_prose" in entry and not isinstance(entry["stop_at_prose"], bool):
        bad("'stop_at_prose' must be true or false")
    site = entry.get("site")
    if site is not None and (not isinstance(site, str) or not site.strip() or "/" in site):
        bad("'site' must be a host name such as 'example.com' (no scheme, no path)")
    if kind == "extract_field" and entry.get("field") not in FIELDS:
        bad(f"'field' must be one of {', '.join(FIELDS)}")
    if kind == "date_order":
        if entry.get("order") not in DATE_ORDERS:
            bad(f"'order' must be one of {', '.join(DATE_ORDERS)}")
        if site is None and "fingerprint" not in entry:
            bad("a date_order rule needs a scope ('site' or 'fingerprint'): date order is a property of a site")
    if len(problems) > before:
        return None
    return Rule(
        id=rid,
        rationale=entry["rationale"].strip(),
        kind=kind,
        file=name,
        line=line,
        scope=Scope(site=site.lower().strip() if site else None, fingerprint=compiled.get("fingerprint")),
        pattern=compiled.get("pattern"),
        start=compiled.get("start"),
        stop=compiled.get("stop"),
        field=entry.get("field"),
        order=entry.get("order"),
        max_words=entry.get("max_words"),
        min_words_before=entry.get("min_words_before"),
        stop_at_prose=entry.get("stop_at_prose", False),
    )
