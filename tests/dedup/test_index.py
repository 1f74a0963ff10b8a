"""The dedup index: map → group by band key → verify → union-find → keep rule."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.dedup.config import DedupConfig
from cleaner.dedup.index import EXACT, NEAR, DedupIndex
from cleaner.dedup.minhash import Signer, band_keys, similarity
from cleaner.dedup.text import exact_key, shingles, words
from tests.dedup.helpers import clusters, corpus_module, kept_choices

WORDS = ("harbour ferry fog coast guard council valley snow pass road lorry market river bridge school "
         "teacher doctor nurse storm wind rain power line crew boat island village mayor budget tram station "
         "garden compost soil seed water summer winter forest lake hill mountain street shop bread milk").split()


def article(seed: int, n_words: int = 120) -> str:
    rng = np.random.default_rng(seed)
    return " ".join(rng.choice(WORDS, size=n_words))


def edited(text: str, seed: int, changes: int = 2) -> str:
    """``text`` with ``changes`` words replaced: a near copy (Jaccard about 0.85 for 2 changes in 120 words)."""
    rng = np.random.default_rng(seed + 10_000)
    tokens = text.split()
    for at in rng.integers(0, len(tokens), size=changes):
        tokens[at] = "edited" + str(int(rng.integers(0, 1000)))
    return " ".join(tokens)


def resolve(entries: list[tuple[str, str]], config: DedupConfig = DedupConfig(), complete: dict[str, int] | None = None):
    index = DedupIndex(config)
    for source, text in entries:
        index.add_text(source, text, (complete or {}).get(source, 0))
    return index.resolve()


def test_exact_copies_after_normalisation():
    text = article(1)
    variants = [text, text.upper(), "  " + text.replace(" ", "\n\n") + " ", text.replace("harbour", "ｈａｒｂｏｕｒ")]
    verdicts = resolve([(f"v{i}", t) for i, t in enumerate(variants)] + [("other", article(2))], DedupConfig(mode="exact"))
    assert len({v.kept for v in verdicts[:4]}) == 1 and verdicts[4].kept == 4
    assert [v.rule_id for v in verdicts].count(EXACT) == 3


def test_quotes_and_dashes_are_folded():
    assert exact_key("“Yes” — it’s here") == exact_key('"yes" - it\'s here')
    assert exact_key("yes it is here") != exact_key("yes it was here")


def test_near_copy_found_in_near_mode_only():
    text = article(3)
    entries = [("a", text), ("b", edited(text, 3)), ("c", article(4))]
    near = resolve(entries)
    # "b" is kept: same metadata, and its edits made it longer
    assert near[0].rule_id == NEAR and near[0].kept_source == "b" and near[0].similarity >= 0.7
    assert near[1].duplicate_sources == ("a",) and near[2].duplicate_sources == ()
    exact = resolve(entries, DedupConfig(mode="exact"))
    assert all(v.rule_id is None for v in exact)


def test_below_threshold_is_not_merged():
    text = article(5)
    half = " ".join(text.split()[:60]) + " " + article(6, 60)
    verdicts = resolve([("a", text), ("b", half)])
    assert verdicts[1].rule_id is None, "two texts sharing half their words are not duplicates at 0.7"


def test_keep_rule_metadata_then_length_then_source():
    text = article(7)
    longer = text + " extra closing words here"
    # most complete metadata wins over a longer text
    verdicts = resolve([("z", text), ("a", longer)], complete={"z": 3, "a": 1})
    assert verdicts[0].rule_id is None and verdicts[1].kept_source == "z"
    # same metadata: the longest text
    verdicts = resolve([("z", text), ("a", longer)])
    assert verdicts[1].rule_id is None and verdicts[0].kept_source == "a"
    # same metadata and length: the smallest source path
    verdicts = resolve([("b", text), ("a", text.upper())])
    assert verdicts[1].rule_id is None and verdicts[0].kept_source == "a" and verdicts[0].kept_id == verdicts[1].kept_id


def test_chains_are_one_component_with_evidence():
    """a~b and b~c verified, a and c less alike: one cluster (connected components)."""
    base = article(8, 200)
    a = base
    b = edited(a, 8, 3)
    c = edited(b, 9, 3)
    sets = [set(shingles(words(x), 5)) for x in (a, b, c)]
    jaccard = [len(sets[i] & sets[j]) / len(sets[i] | sets[j]) for i, j in ((0, 1), (1, 2), (0, 2))]
    assert jaccard[0] > 0.85 and jaccard[1] > 0.85 and jaccard[2] < 0.75, jaccard
    verdicts = resolve([("a", a), ("b", b), ("c", c)], DedupConfig(threshold=0.8))
    assert len({v.kept for v in verdicts}) == 1
    chained = [v for v in verdicts if v.via is not None]
    assert chained and all(v.similarity < 0.8 <= v.via[1] for v in chained)


def test_text_without_words_is_never_a_near_duplicate():
    verdicts = resolve([("a", "..."), ("b", "!!!"), ("c", "...")])
    assert verdicts[1].rule_id is None and verdicts[2].rule_id == EXACT


def test_signature_is_compact_and_estimates_jaccard():
    signer = Signer()
    text = article(10, 300)
    copy = edited(text, 10, 10)
    sig_a, sig_b = signer.signature(text), signer.signature(copy)
    assert sig_a.dtype == np.uint32 and sig_a.shape == (128,) and sig_a.nbytes == 512
    sa, sb = set(shingles(words(text), 5)), set(shingles(words(copy), 5))
    true = len(sa & sb) / len(sa | sb)
    assert abs(similarity(sig_a, sig_b) - true) < 0.15
    assert signer.signature("") is None


def test_band_keys_identical_rows_share_every_band():
    sig = np.random.default_rng(0).integers(0, 2**32, size=(3, 128), dtype=np.uint32)
    sig[2] = sig[0]
    sig[1, :5] = sig[0, :5]  # the first band equal, the rest different
    keys = band_keys(sig, 25, 5)
    assert (keys[0] == keys[2]).all()
    assert keys[0, 0] == keys[1, 0] and not (keys[0, 1:] == keys[1, 1:]).any()


def test_config_validates_and_chooses_banding():
    with pytest.raises(ValueError):
        DedupConfig(mode="fuzzy")
    with pytest.raises(ValueError):
        DedupConfig(bands=30, rows=5)
    with pytest.raises(ValueError):
        DedupConfig(bands=10)
    assert DedupConfig(bands=16, rows=8).banding() == (16, 8)
    bands, rows = DedupConfig(threshold=0.8).banding()
    assert bands * rows <= 128 and 1 - (1 - 0.8**rows) ** bands >= 0.95


def test_merge_refuses_other_config():
    with pytest.raises(ValueError):
        DedupIndex(DedupConfig()).merge(DedupIndex(DedupConfig(threshold=0.9)))


# --- properties ------------------------------------------------------------------

FAMILY_TEXTS = [article(100 + i, 80) for i in range(6)]


@st.composite
def corpora(draw):
    """Documents: copies of a few articles, exact and edited, with random metadata counts."""
    n = draw(st.integers(1, 14))
    docs = []
    for i in range(n):
        family = draw(st.integers(0, len(FAMILY_TEXTS) - 1))
        edit = draw(st.sampled_from(["same", "upper", "edit"]))
        text = FAMILY_TEXTS[family]
        text = text.upper() if edit == "upper" else edited(text, i, 1) if edit == "edit" else text
        docs.append((f"doc{i:02d}-{family}", text, draw(st.integers(0, 2))))
    return docs


def build(docs, config=DedupConfig()):
    index = DedupIndex(config)
    for source, text, complete in docs:
        index.add_text(source, text, complete)
    return index


@given(docs=corpora(), data=st.data())
def test_clusters_and_kept_do_not_depend_on_order_or_chunks(docs, data):
    sources = [d[0] for d in docs]
    reference = build(docs).resolve()
    shuffled = data.draw(st.permutations(docs))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(docs)), max_size=4)))
    chunks = [shuffled[a:b] for a, b in zip([0, *cuts], [*cuts, len(docs)])]
    indexes = [build(chunk) for chunk in chunks]
    merged = DedupIndex(DedupConfig())
    for index in data.draw(st.permutations(indexes)):
        merged.merge(index)
    verdicts = merged.resolve()
    merged_sources = merged.sources
    assert clusters(merged_sources, verdicts) == clusters(sources, reference)
    assert kept_choices(merged_sources, verdicts) == kept_choices(sources, reference)


@given(k=st.integers(1, 12), others=st.integers(0, 3), mode=st.sampled_from(["exact", "near"]))
def test_k_copies_give_one_kept_and_k_minus_1_duplicates(k, others, mode):
    text = FAMILY_TEXTS[0]
    docs = [(f"copy{i}", text, 0) for i in range(k)] + [(f"other{i}", FAMILY_TEXTS[1 + i], 0) for i in range(others)]
    verdicts = build(docs, DedupConfig(mode=mode)).resolve()
    copies = verdicts[:k]
    assert sum(v.rule_id is None for v in copies) == 1
    assert sum(v.rule_id == EXACT for v in copies) == k - 1
    kept = next(v for v in copies if v.rule_id is None)
    assert len(kept.duplicate_sources) == k - 1
    assert all(v.rule_id is None and not v.duplicate_sources for v in verdicts[k:])


def test_clusters_helper_can_fail():
    """The helpers see a wrong clustering (a test that cannot fail is a defect)."""
    docs = [("a", FAMILY_TEXTS[0], 0), ("b", FAMILY_TEXTS[0], 0), ("c", FAMILY_TEXTS[1], 0)]
    good = build(docs).resolve()
    bad = build([("a", FAMILY_TEXTS[0], 0), ("b", FAMILY_TEXTS[2], 0), ("c", FAMILY_TEXTS[1], 0)]).resolve()
    assert clusters(["a", "b", "c"], good) != clusters(["a", "b", "c"], bad)


# --- quality on the generated corpus (the benchmark's generator, small) --------------

def test_pair_precision_and_recall_on_a_small_generated_corpus():
    module = corpus_module()
    docs = list(module.generate(1500, seed=7))
    index = DedupIndex(DedupConfig())
    for doc in docs:
        index.add_text(doc.source, doc.text)
    verdicts = index.resolve()
    precision, recall, predicted, true = module.pair_scores([d.family for d in docs], verdicts.kept.tolist())
    assert true > 1000, "the generated corpus must have duplicate structure"
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)
    siblings = [i for i, d in enumerate(docs) if d.kind == "sibling"]
    assert siblings and all(verdicts[i].rule_id is None and not verdicts[i].duplicate_sources for i in siblings)


def test_pair_scores_can_fail():
    module = corpus_module()
    assert module.pair_scores([0, 0, 1, 1], [0, 0, 1, 1])[:2] == (1.0, 1.0)
    assert module.pair_scores([0, 0, 1, 1], [0, 1, 2, 3])[1] == 0.0
    assert module.pair_scores([0, 0, 1, 1], [0, 0, 0, 0])[0] == pytest.approx(2 / 6)
