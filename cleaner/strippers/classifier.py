"""Generic line classifier: keep the article body lines of a plain-text scrape.

No site-specific rules.  The stages (spec in ``docs/algorithm.md``):

1. **Line features** (``line_features.py``): length, stopword density in the
   document's language, sentence punctuation, capitalisation, digits and
   dates, list and link-list markers, chrome vocabulary, position, repetition.
2. **Line score**: a small logistic model (weights in
   ``cleaner/data/line_model.json``) turns the features into a logit.
3. **Context revision**: a second logistic model rescores each line from its
   own logit, its neighbours' logits, the run of short lines it sits in and
   the headline/blurb rhythm around it (teaser lists).
4. **Article region**: the best-scoring contiguous run of lines (maximum
   subarray over ``(score - region_threshold) * weight(words)``); lines outside
   it go, so leading menus and trailing "more stories" blocks are dropped even
   without a heading announcing them.  A second run scoring nearly as well is
   kept too (articles split by a large embedded block).
5. **Inside the region**: keep lines whose score passes ``keep_threshold``,
   and short lines sandwiched between kept lines (a subheading, a one-line
   quote) unless they look like chrome.

>>> clf = LineClassifier()
>>> [v.keep for v in clf.classify(["A single plain sentence that says something about the weather today."], "en")]
[True]
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from cleaner.strippers.line_features import (
    CONTEXT_FEATURES,
    DATA_DIR,
    DOCUMENT_FEATURES,
    EDGE_LOGIT,
    LINE_FEATURES,
    LineStats,
    LineText,
    Resources,
    context_features,
    line_features,
    load_resources,
)
from cleaner.strippers.structured import counted_lists, introduced_lists, structured_runs
from cleaner.strippers.teasers import listicle_span

MODEL_FILE = "line_model.json"


@dataclass(frozen=True, slots=True)
class ClassifierConfig:
    """Thresholds of the line classifier (defaults tuned on the dev sets)."""

    # A line inside the article region is kept when its content probability
    # (after context revision) is at least this.
    keep_threshold: float = 0.5
    # Centre of the region search: lines above it add to a run, lines below
    # subtract from it.  Lower = longer regions (more recall, less precision).
    region_threshold: float = 0.625
    # A page that is mostly article (a seed-style scrape: few lines look like
    # chrome on their own) gets a lower region threshold, for recall; a whole
    # page flattened to text (menus, footers) keeps region_threshold:
    # threshold = region_threshold - slope * max(0, centre - chrome line share),
    # where the chrome line share is the share of lines whose context-free
    # logit is negative.
    region_threshold_chrome_slope: float = 0.3
    region_threshold_chrome_centre: float = 0.35
    # Weight of a line in the region search is (1 + words) ** exponent, so a
    # long paragraph outweighs one short menu item, but not a whole menu.
    region_weight_exponent: float = 0.5
    # The region search scores lines by mixing the context-free logit (0.0)
    # with the context-revised one (1.0): context smooths over boundaries,
    # which the region search should see sharply, but lets a run of chrome
    # that looks like text (teasers, a donation appeal) count as a block.
    region_context_mix: float = 0.5
    # Another disjoint run is kept too when its total reaches this share of
    # the best run's total (articles split by a large embedded block).
    secondary_region_ratio: float = 0.35
    # A run shorter than this many words is never kept as a secondary region.
    secondary_region_min_words: int = 60
    # jusText-style revision: a line of at most this many words whose nearest
    # neighbours on both sides are kept stays (subheadings, one-line quotes).
    sandwich_max_words: int = 25
    # ...unless its probability is below this (clear chrome, e.g. "Share")
    sandwich_min_score: float = 0.15
    # ...or chrome vocabulary covers at least this share of its words.
    sandwich_max_chrome: float = 0.5
    # A line of at most this many words that chrome vocabulary covers at
    # least sandwich_max_chrome of ("Advertisement", "Share this article",
    # "Tags: ...") is kept only on its own context-free score: good
    # neighbours never vouch for a button (chrome vocabulary is decisive on
    # short lines, weak on sentences).
    chrome_veto_words: int = 6
    # ...and so is a line of any length whose words are covered at least this
    # much by chrome phrases of two words or more ("We may earn a commission
    # when you buy through links on our site.")
    chrome_veto_phrase_share: float = 0.2
    # Documents with fewer lines than this are returned unchanged: there is
    # no context to judge them by.
    min_lines: int = 3
    # A line whose context-free logit reaches this is prose on its own: it is
    # kept inside the region whatever its neighbours say (the last paragraph
    # before a footer must not be dragged down by the footer).
    strong_line_logit: float = 1.5
    # Lines inside a periodic headline + blurb pattern (a teaser list, see
    # line_features.teaser_blocks) have their probability capped at this.
    teaser_score_cap: float = 0.2
    # Never return an empty document when it has text: if fewer than this
    # many words survive, thresholds are rescaled to the best line's score
    # (times fallback_ratio) and the search is run again.
    fallback_min_words: int = 20
    fallback_ratio: float = 0.6
    # A run of at least this many lines that read as code or as table rows
    # (structured.structured_runs) never counts against the article in the
    # region search, and is kept when it falls inside the region: a
    # listing in the middle of a tutorial does not split it. 0 = off.
    structured_min_lines: int = 3
    # So does a list of at least this many items (bullets, numbers) right
    # below a line of at most introduced_list_max_intro_words words that ends
    # with a colon ("Key services:"). 0 = off.
    introduced_list_min_items: int = 2
    introduced_list_max_intro_words: int = 25
    # So does a list whose items are numbered 1, 2, 3 … in order, at least
    # this many, with at most counted_list_max_gap other lines between two
    # items (a listicle of products with their links). 0 = off.
    counted_list_min_items: int = 4
    counted_list_max_gap: int = 2
    # A listicle's lines, from its first numbered heading to its last
    # (teasers.listicle_span), never count against the article
    # in the region search (each is still kept or not by its own score): the
    # product card under each heading does not end the article. False = off.
    listicle_bridge: bool = True
    # Model file (under cleaner/data) holding the two logistic models.
    model_file: str = MODEL_FILE


@dataclass(frozen=True, slots=True)
class LineVerdict:
    keep: bool
    score: float     # the line's content probability, 0..1
    rule_id: str     # why the line was removed ("" when kept)
    stats: LineStats = field(repr=False, compare=False)
    context: dict[str, float] = field(repr=False, compare=False)

    @property
    def evidence(self) -> str:
        """Short human-readable measurements (written when asked for: most
        lines are kept, and nobody reads theirs)."""
        return _evidence(self.stats, self.context)


@dataclass(slots=True)
class PassMemo:
    """What the passes over one document's lines share (the classifier
    judges a document until a pass removes nothing): the text features of
    each line, and the first-stage logit of each line with the values of the
    document features (repetition, position) that model reads."""

    texts: dict[str, LineText] = field(default_factory=dict)
    logits: dict[tuple, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Logistic:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    #: the features' values in model order, read from a feature dict in one call
    values: itemgetter = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = self.names
        values = itemgetter(*names) if len(names) > 1 else lambda feats: tuple(feats[name] for name in names)
        object.__setattr__(self, "values", values)

    @classmethod
    def from_json(cls, data: dict) -> _Logistic:
        names = tuple(data["features"])
        for key in ("mean", "scale", "weights"):
            if len(data[key]) != len(names):
                raise ValueError(f"line model: '{key}' has {len(data[key])} values for {len(names)} features")
        return cls(names, tuple(data["mean"]), tuple(data["scale"]), tuple(data["weights"]), float(data["bias"]))

    def logit(self, feats: dict[str, float]) -> float:
        z = self.bias
        for v, m, s, w in zip(self.values(feats), self.mean, self.scale, self.weights):
            z += w * (v - m) / s
        return z


@dataclass(slots=True)
class _Loaded:
    resources: Resources
    stage1: _Logistic
    stage2: _Logistic
    edge_logit: float | None
    #: the features of a line's place in its document that the first stage reads (the rest depend on its text)
    stage1_document_features: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.stage1_document_features = tuple(name for name in self.stage1.names if name in DOCUMENT_FEATURES)


def load_model(model_file: str = MODEL_FILE) -> tuple[_Logistic, _Logistic, float | None]:
    """The two logistic models and the context option they were fitted with
    (``edge_logit``: score assumed beyond the document's edges, null = neutral)."""
    data = json.loads((DATA_DIR / model_file).read_text(encoding="utf-8"))
    stage1, stage2 = _Logistic.from_json(data["stage1"]), _Logistic.from_json(data["stage2"])
    unknown = (set(stage1.names) - set(LINE_FEATURES)) | (set(stage2.names) - set(CONTEXT_FEATURES))
    if unknown:
        raise ValueError(f"line model names unknown features: {sorted(unknown)}")
    return stage1, stage2, data.get("options", {}).get("edge_logit", EDGE_LOGIT)


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def best_run(values: Sequence[float], lo: int = 0, hi: int | None = None) -> tuple[int, int, float]:
    """Maximum-sum contiguous run in values[lo:hi] (Kadane): (start, end, sum), end exclusive."""
    hi = len(values) if hi is None else hi
    best = (lo, lo, 0.0)
    start, total = lo, 0.0
    for i in range(lo, hi):
        if total <= 0.0:
            start, total = i, 0.0
        total += values[i]
        if total > best[2]:
            best = (start, i + 1, total)
    return best


@dataclass(slots=True)
class LineClassifier:
    """Classify the lines of one document as article body or chrome."""

    config: ClassifierConfig = field(default_factory=ClassifierConfig)
    resources: Resources | None = None
    _loaded: _Loaded | None = field(default=None, init=False, repr=False)

    def _load(self) -> _Loaded:
        if self._loaded is None:
            res = self.resources if self.resources is not None else load_resources()
            self._loaded = _Loaded(res, *load_model(self.config.model_file))
        return self._loaded

    # -- stages -----------------------------------------------------------

    def score_lines(self, lines: Sequence[str], language: str | None,
                    memo: PassMemo | None = None) -> tuple[list[LineStats], list[float], list[dict[str, float]]]:
        """Stages 1-3: features, first-stage logits, context-revised probabilities.
        ``memo``: what an earlier pass over the same document found (see :class:`PassMemo`)."""
        loaded = self._load()
        memo = PassMemo() if memo is None else memo
        stats = line_features(lines, loaded.resources.stoplist(language), loaded.resources, memo.texts)
        stage1, known, place = loaded.stage1, memo.logits, loaded.stage1_document_features
        logits = []
        for line, s in zip(lines, stats):
            key = (line, *[s.features[name] for name in place])  # the logit is a function of these
            z = known.get(key)
            if z is None:
                z = known[key] = max(-8.0, min(8.0, stage1.logit(s.features)))
            logits.append(z)
        ctx = context_features(stats, logits, loaded.edge_logit)
        for c in ctx:
            c["prob"] = _sigmoid(loaded.stage2.logit(c))  # stage-2 names are all context features (load_model checks)
            if c["teaser_period"]:
                c["prob"] = min(c["prob"], self.config.teaser_score_cap)
        return stats, logits, ctx

    def find_regions(self, stats: Sequence[LineStats], probs: Sequence[float], threshold: float,
                     structured: Sequence[bool] | None = None, bridge: Sequence[bool] | None = None) -> list[tuple[int, int]]:
        """Stage 4: the best-scoring contiguous run(s) of lines. Lines of a
        ``structured`` run (code, tables) or of a ``bridge`` (a listicle's
        items) never count against a run; a secondary run is measured against
        the main run's total without the bridge's help."""
        cfg = self.config
        gains = [(p - threshold) * (1.0 + s.words) ** cfg.region_weight_exponent
                 for s, p in zip(stats, probs)]
        if structured is not None:
            gains = [max(g, 0.0) if flag else g for g, flag in zip(gains, structured)]
        unbridged = gains
        if bridge is not None and any(bridge):
            gains = [max(g, 0.0) if flag else g for g, flag in zip(gains, bridge)]
        start, end, total = best_run(gains)
        if end <= start:
            return []
        if unbridged is not gains:
            total = min(total, max(0.0, sum(unbridged[start:end])))
        regions = [(start, end)]
        for lo, hi in ((0, start), (end, len(gains))):
            s2, e2, t2 = best_run(gains, lo, hi)
            words = sum(s.words for s in stats[s2:e2])
            if e2 > s2 and t2 >= cfg.secondary_region_ratio * total and words >= cfg.secondary_region_min_words:
                regions.append((s2, e2))
        return sorted(regions)

    def _select(self, stats, logits, teaser, region_probs, probs, region_threshold, keep_threshold,
                structured, bridge) -> tuple[list[bool], list[bool]]:
        inside = [False] * len(probs)
        # (a bridge's lines are still kept by their own scores)
        for lo, hi in self.find_regions(stats, region_probs, region_threshold, structured, bridge):
            for i in range(lo, hi):
                inside[i] = True
        cfg = self.config
        veto = [logits[i] < 0.0 and ((s.words <= cfg.chrome_veto_words and s.features["chrome_cover"] >= cfg.sandwich_max_chrome)
                                     or s.features["chrome_multi"] >= cfg.chrome_veto_phrase_share)
                for i, s in enumerate(stats)]
        return inside, [inside[i] and not veto[i] and (p >= keep_threshold or structured[i]
                                                       or (logits[i] >= cfg.strong_line_logit and not teaser[i]))
                        for i, p in enumerate(probs)]

    def region_threshold(self, logits: Sequence[float]) -> float:
        """The region search's threshold for one document (see ``region_threshold_chrome_slope``)."""
        cfg = self.config
        share = sum(z < 0.0 for z in logits) / len(logits)
        return cfg.region_threshold - cfg.region_threshold_chrome_slope * max(0.0, cfg.region_threshold_chrome_centre - share)

    def classify(self, lines: Sequence[str], language: str | None) -> list[LineVerdict]:
        return self.judge(lines, language)[0]

    def judge(self, lines: Sequence[str], language: str | None, threshold: float | None = None,
              memo: PassMemo | None = None) -> tuple[list[LineVerdict], float | None]:
        """Verdicts and the region threshold used. ``threshold`` overrides the
        document's own (a later pass over what an earlier one kept must not
        judge by a chrome share that the earlier pass lowered). ``memo``: what
        the passes over one document share (see :class:`PassMemo`)."""
        cfg = self.config
        n = len(lines)
        if n == 0:
            return [], threshold
        stats, logits, ctx = self.score_lines(lines, language, memo)
        probs = [c["prob"] for c in ctx]
        if n < cfg.min_lines:
            return [LineVerdict(True, p, "", s, c) for s, c, p in zip(stats, ctx, probs)], threshold
        mix = cfg.region_context_mix
        region_probs = [_sigmoid(mix * _logit(p) + (1 - mix) * z) for p, z in zip(probs, logits)]
        teaser = [bool(c["teaser_period"]) for c in ctx]
        region_probs = [min(rp, p) if t else rp for rp, p, t in zip(region_probs, probs, teaser)]
        if threshold is None:
            threshold = self.region_threshold(logits)
        structured = structured_runs(lines, cfg.structured_min_lines) if cfg.structured_min_lines else [False] * n
        if cfg.counted_list_min_items:
            items = counted_lists(lines, cfg.counted_list_min_items, cfg.counted_list_max_gap)
            structured = [a or b for a, b in zip(structured, items)]
        if cfg.introduced_list_min_items:
            items = introduced_lists(lines, cfg.introduced_list_min_items, cfg.introduced_list_max_intro_words)
            structured = [a or b for a, b in zip(structured, items)]
        bridge = [False] * n  # a listicle's product cards between its items do not end the article
        if cfg.listicle_bridge and (span := listicle_span(stats)) is not None:
            first, last = span[0], span[1]  # (from its first heading to its last: what follows is judged as usual)
            bridge[first:last + 1] = [True] * (last + 1 - first)
        inside, keep = self._select(stats, logits, teaser, region_probs, probs, threshold, cfg.keep_threshold, structured,
                                    bridge)
        if sum(s.words for s, k in zip(stats, keep) if k) < cfg.fallback_min_words:
            top = max(probs) * cfg.fallback_ratio
            inside, keep = self._select(stats, logits, teaser, probs, probs, min(threshold, top), min(cfg.keep_threshold, top),
                                        structured, bridge)
            if not any(keep):
                # context can sink every line of a tiny document: keep the line
                # that is best on the better of its two scores
                best = max(range(n), key=lambda i: max(probs[i], _sigmoid(logits[i])))
                inside[best] = keep[best] = True
        # Revision: short, not chrome-like lines between kept lines stay.
        revised = list(keep)
        for i in range(n):
            if (keep[i] or not inside[i] or stats[i].words > cfg.sandwich_max_words or probs[i] < cfg.sandwich_min_score
                    or stats[i].features["chrome_cover"] >= cfg.sandwich_max_chrome):
                continue
            before = next((keep[k] for k in range(i - 1, -1, -1) if inside[k] and (keep[k] or probs[k] < cfg.sandwich_min_score)), False)
            after = next((keep[k] for k in range(i + 1, n) if inside[k] and (keep[k] or probs[k] < cfg.sandwich_min_score)), False)
            revised[i] = before and after
        verdicts = []
        for i in range(n):
            if revised[i]:
                verdicts.append(LineVerdict(True, probs[i], "", stats[i], ctx[i]))
            elif not inside[i]:
                verdicts.append(LineVerdict(False, probs[i], "heuristic.region.outside", stats[i], ctx[i]))
            else:
                verdicts.append(LineVerdict(False, probs[i], _rule_for(stats[i], ctx[i]), stats[i], ctx[i]))
        return verdicts, threshold


def _rule_for(stats: LineStats, ctx: dict[str, float]) -> str:
    """Name the heuristic that best explains a low score inside the region."""
    f = stats.features
    if f["chrome_cover"] > 0:
        return "heuristic.classifier.chrome-vocabulary"
    if f["separators"] > 0 or (f["bullet"] and stats.words <= 6):
        return "heuristic.classifier.link-list"
    if f["truncated"]:
        return "heuristic.classifier.teaser"
    if f["credit_paren"]:
        return "heuristic.classifier.credit"
    if f["date_like"] and stats.words <= 10:
        return "heuristic.classifier.date"
    if f["repeated"]:
        return "heuristic.classifier.repeated"
    if ctx["short_run"] >= math.log1p(3):
        return "heuristic.classifier.short-run"
    if ctx["teaser_period"] or ctx["headline_rhythm"] >= 0.5:
        return "heuristic.classifier.teaser-list"
    return "heuristic.classifier.low-score"


def _evidence(stats: LineStats, ctx: dict[str, float]) -> str:
    f = stats.features
    parts = [f"words={stats.words:.0f}", f"stop={stats.stop:.2f}", f"caps={stats.caps:.2f}",
             f"score={ctx.get('prob', 0.0):.2f}"]
    if stats.chrome:
        parts.append(f"chrome='{stats.chrome}'")
    for name in ("truncated", "credit_paren", "date_like", "repeated", "bullet"):
        if f[name]:
            parts.append(name)
    if ctx["short_run"] > 0:
        parts.append(f"short_run={math.expm1(ctx['short_run']):.0f}")
    return " ".join(parts)
