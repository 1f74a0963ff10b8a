"""Helpers for the dedup tests: the synthetic corpus of bench/ and cluster views."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache

from tests.conftest import ROOT


@cache
def corpus_module():
    """``bench/dedup_corpus.py`` (the generator the benchmark uses), imported by path."""
    spec = importlib.util.spec_from_file_location("dedup_corpus", ROOT / "bench" / "dedup_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["dedup_corpus"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def clusters(sources: list[str], verdicts) -> set[frozenset[str]]:
    """The clusters (sets of sources) of ``verdicts``, one per entry of ``sources``."""
    groups: dict[str, set[str]] = {}
    for source, verdict in zip(sources, verdicts, strict=True):
        groups.setdefault(verdict.kept_source, set()).add(source)
    return {frozenset(group) for group in groups.values()}


def kept_choices(sources: list[str], verdicts) -> dict[str, str]:
    """source → the source of the kept member of its cluster."""
    return {source: verdict.kept_source for source, verdict in zip(sources, verdicts, strict=True)}
