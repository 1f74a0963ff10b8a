"""Linear ranking models for metadata candidates (title lines, date mentions).

A page offers several candidates for a field; each is described by named
features, and a linear score ranks them (a conditional logit: the weights were
fitted so that the right candidate wins the softmax over its page's
candidates). Weights ship as JSON data files under ``cleaner/data``, fitted by
``bench/metadata_dev.py FIELD fit``; a file naming a
feature the code does not compute is refused.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources
from itertools import repeat
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RankingModel:
    weights: dict[str, float]

    @classmethod
    def load(cls, file_name: str, features: Sequence[str]) -> RankingModel:
        """A shipped model (``cleaner/data/<file_name>``)."""
        text = importlib_resources.files("cleaner.data").joinpath(file_name).read_text(encoding="utf-8")
        return cls.from_json(text, file_name, features)

    @classmethod
    def from_json(cls, text: str, name: str, features: Sequence[str]) -> RankingModel:
        data = json.loads(text)
        unknown = set(data["weights"]) - set(features)
        if unknown:
            raise ValueError(f"{name}: unknown features {sorted(unknown)}; refit it with its script in bench/")
        return cls(weights={k: float(v) for k, v in data["weights"].items()})

    def score(self, features: dict[str, float]) -> float:
        # (the sum of weight * value in the features' order, as a generator would add them, with the loop in C:
        # a candidate has some 60 features, and a page a few dozen candidates)
        weights = map(self.weights.get, features, repeat(0.0))
        return sum(map(operator.mul, weights, features.values()))

    def best(self, candidates: Iterable[tuple[T, dict[str, float]]]) -> tuple[T, float, dict[str, float]] | None:
        """The best-scoring (candidate, score, features), or None without candidates (first wins ties)."""
        best = None
        best_score = -math.inf
        for item, features in candidates:
            score = self.score(features)
            if score > best_score:
                best, best_score = (item, score, features), score
        return best

    def explain(self, score: float, features: dict[str, float], top: int = 3) -> str:
        """"score 11.3 (log_words +4.3, overlap_lead +1.6, meta_below +1.3)": the largest contributions."""
        parts = sorted(((self.weights.get(k, 0.0) * v, k) for k, v in features.items() if v and k != "bias"), reverse=True)[:top]
        return f"score {score:.1f} (" + ", ".join(f"{name} {value:+.1f}" for value, name in parts) + ")"
