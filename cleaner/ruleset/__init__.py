"""Declarative rules: the schema, the loader and the validator."""

from .loader import RuleSet, builtin_rules_dir, load_rules, rule_files
from .schema import FIELDS, KIND_KEYS, Rule, Scope

__all__ = ["RuleSet", "Rule", "Scope", "load_rules", "builtin_rules_dir", "rule_files", "FIELDS", "KIND_KEYS"]
