"""A synthetic corpus with a known duplicate structure, for dedup benchmarks and tests.

    python bench/dedup_corpus.py --docs 100000 -o corpus.jsonl     # one JSON object per document

Every document is the clean text of an article as the cleaner would emit it:

* **families**: an original article (6-11 paragraphs of words drawn from a
  Zipf-distributed synthetic vocabulary, so unrelated articles share few word
  5-grams, as real ones do) and, for half of the families, 1-7 copies of it.
  Every copy is on another site and carries that site's residual chrome (1-3
  lines the cleaner left: "Share this story", "Read more at ...", a copyright
  line) and, with some probability, one edit: a one-line editor's note, one
  paragraph rewritten in part (an update), about 1% of words changed (house
  style, typos), the last paragraph dropped, or two of these. Members of a
  family are duplicates of each other: every pair of them is a true pair;
* **same-event articles** (hard negatives): some families get a sibling, a
  different article about the same event: it shares the names (people,
  places) and one quoted sentence, but is written anew. Not a duplicate.

Documents come as a stream, each a pure function of ``(seed, family)``, so
100,000 of them never sit in memory at once; sources are named so that
sorting them interleaves the families.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

SYLLABLES = [c + v for c in "bdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou", "ar", "en")]
VOCABULARY_SIZE = 30_000
CHROME = ("Share this story", "Read more at {site}", "© 2024 {site}. All rights reserved.", "Follow {site} on social media",
          "Sign up for the {site} newsletter", "Advertisement", "Listen to this article", "{site} home")


@dataclass(frozen=True, slots=True)
class SyntheticDoc:
    source: str
    text: str
    family: int  # documents of one family are duplicates of each other
    kind: str  # "original", "copy" or "sibling" (same event, different article)


class Corpus:
    """The vocabulary and the rules of one generated corpus."""

    def __init__(self, seed: int = 0):
        rng = np.random.default_rng(seed)
        words: set[str] = set()
        while len(words) < VOCABULARY_SIZE:
            parts = rng.integers(0, len(SYLLABLES), size=rng.integers(1, 4))
            words.add("".join(SYLLABLES[p] for p in parts))
        self.words = np.array(sorted(words))
        rng.shuffle(self.words)
        ranks = np.arange(1, VOCABULARY_SIZE + 1)
        weights = 1.0 / ranks**1.05
        self.cumulative = np.cumsum(weights / weights.sum())
        self.seed = seed

    def _rng(self, *key: int) -> np.random.Generator:
        return np.random.default_rng([self.seed, *key])

    def _sentence(self, rng: np.random.Generator, length: int, names: list[str]) -> str:
        idx = np.searchsorted(self.cumulative, rng.random(length))
        tokens = list(self.words[np.minimum(idx, VOCABULARY_SIZE - 1)])
        for _ in range(rng.integers(0, 2) if names else 0):
            tokens[rng.integers(0, length)] = names[rng.integers(0, len(names))]
        tokens[0] = tokens[0].capitalize()
        return " ".join(tokens) + "."

    def _paragraph(self, rng: np.random.Generator, names: list[str]) -> str:
        return " ".join(self._sentence(rng, int(rng.integers(8, 22)), names) for _ in range(int(rng.integers(2, 5))))

    def _article(self, rng: np.random.Generator, names: list[str], quote: str) -> list[str]:
        paragraphs = [self._paragraph(rng, names) for _ in range(int(rng.integers(6, 12)))]
        paragraphs.insert(int(rng.integers(1, 4)), f'"{quote}" said {names[0]}.')
        return paragraphs

    def _copy(self, rng: np.random.Generator, paragraphs: list[str], site: str, names: list[str]) -> list[str]:
        out = list(paragraphs)
        edits = rng.choice(["none", "note", "update", "words", "truncate", "two"], p=[0.3, 0.15, 0.2, 0.15, 0.1, 0.1])
        kinds = list(rng.choice(["note", "update", "words", "truncate"], size=2, replace=False)) if edits == "two" else [edits]
        for kind in kinds:
            if kind == "note":
                out.insert(0, "Editor's note: " + self._sentence(rng, int(rng.integers(10, 18)), names))
            elif kind == "update":  # one paragraph rewritten in part: its second half is new
                at = int(rng.integers(0, len(out)))
                tokens = out[at].split()
                out[at] = " ".join(tokens[: len(tokens) // 2]) + " " + self._sentence(rng, max(6, len(tokens) // 2), names)
            elif kind == "words":  # about 1% of the words changed
                split = [paragraph.split(" ") for paragraph in out]
                total = sum(len(tokens) for tokens in split)
                for _ in range(max(1, total // 100)):
                    tokens = split[int(rng.integers(0, len(split)))]
                    tokens[int(rng.integers(0, len(tokens)))] = self.words[rng.integers(0, 2000)]
                out = [" ".join(tokens) for tokens in split]
            elif kind == "truncate" and len(out) > 4:
                out = out[:-1]
        chrome = [CHROME[i].format(site=site) for i in rng.choice(len(CHROME), size=int(rng.integers(1, 4)), replace=False)]
        cut = int(rng.integers(0, len(chrome) + 1))
        return chrome[:cut] + out + chrome[cut:]

    def family(self, family: int) -> list[SyntheticDoc]:
        """The documents of one family (and its same-event sibling, if any)."""
        rng = self._rng(family)
        names = [self.words[rng.integers(0, VOCABULARY_SIZE)].capitalize() + " " + self.words[rng.integers(0, VOCABULARY_SIZE)].capitalize()
                 for _ in range(3)]
        quote = self._sentence(rng, 18, [])
        original = self._article(rng, names, quote)
        docs = [SyntheticDoc(f"site{family % 97:02d}/{_scramble(family, 0)}.txt", "\n\n".join(original), family, "original")]
        copies = int(rng.integers(1, 8)) if rng.random() < 0.5 else 0
        for n in range(1, copies + 1):
            site = f"site{(family + 13 * n) % 97:02d}"
            text = "\n\n".join(self._copy(rng, original, f"Site {site[4:]} News", names))
            docs.append(SyntheticDoc(f"{site}/{_scramble(family, n)}.txt", text, family, "copy"))
        if rng.random() < 0.1:  # a different article about the same event: same names, same quote
            sibling = self._article(rng, names, quote)
            docs.append(SyntheticDoc(f"site{(family + 41) % 97:02d}/{_scramble(family, 99)}.txt", "\n\n".join(sibling), -family - 1, "sibling"))
        return docs


def _scramble(family: int, member: int) -> str:
    """A file name that sorts the families into a mixed order."""
    return f"{(family * 2654435761 + member * 40503) % 2**32:010d}-{family}-{member}"


def generate(docs: int, seed: int = 0) -> Iterator[SyntheticDoc]:
    """At least ``docs`` documents (whole families), as a stream."""
    corpus = Corpus(seed)
    made = family = 0
    while made < docs:
        for doc in corpus.family(family):
            yield doc
            made += 1
        family += 1


def true_pairs(families: list[int]) -> int:
    """The number of duplicate pairs: within every family."""
    sizes = np.unique(np.asarray(families), return_counts=True)[1]
    return int((sizes * (sizes - 1) // 2).sum())


def pair_scores(families: list[int], clusters: list[int]) -> tuple[float, float, int, int]:
    """Pair precision and recall of predicted ``clusters`` (a cluster label per
    document) against the true ``families``: a pair is predicted when its two
    documents are in one cluster, true when they are of one family.
    Returns (precision, recall, predicted pairs, true pairs).

    >>> pair_scores([0, 0, 1, 2], [5, 5, 5, 6])
    (0.3333333333333333, 1.0, 3, 1)
    """
    fam, clu = np.asarray(families), np.asarray(clusters)
    both = np.unique(np.stack([clu, fam]), axis=1, return_counts=True)[1]
    correct = int((both * (both - 1) // 2).sum())
    predicted, true = true_pairs(list(clu)), true_pairs(list(fam))
    precision = correct / predicted if predicted else 1.0
    recall = correct / true if true else 1.0
    return precision, recall, predicted, true


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="example:\n  python bench/dedup_corpus.py --docs 1000 -o /tmp/c.jsonl")
    parser.add_argument("--docs", type=int, default=100_000, help="at least this many documents (default 100000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", help="JSONL file (default: stdout)")
    args = parser.parse_args(argv)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    with out:
        for doc in generate(args.docs, args.seed):
            out.write(json.dumps({"source": doc.source, "text": doc.text, "family": doc.family, "kind": doc.kind}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
