"""Fit and check the metadata ranking models, title and date (dev only; needs ../shared/bench).

    python bench/metadata_dev.py FIELD dump          # candidates + features + labels -> /tmp/metadata-FIELD/*.json
    /tmp/fitenv/bin/python bench/metadata_dev.py FIELD cv [--folds 5]   # cross-validated accuracy per mode
    /tmp/fitenv/bin/python bench/metadata_dev.py FIELD fit [--l2 1.0]   # writes cleaner/data/FIELD_model.json
    /tmp/fitenv/bin/python bench/metadata_dev.py FIELD errors [--mode text-full]

FIELD is ``title``, ``date`` or ``byline`` (authors). ``fit``, ``cv`` and ``errors`` need numpy (a
scratch venv, never a dependency of the package). A title candidate is right
when it equals the gold title after the scorer's normalisation; a date when its
day equals the gold date's (the scorer compares ``YYYY-MM-DD``). The model is a
conditional logit: the candidates of a page compete in one softmax, so weights
say what makes a candidate *more* likely than the others of its page. Pages of
wcxb-dev (the only set with gold metadata) are split into folds by page, the
text and text-full copies of a page in the same fold, so no page is scored by a
model that saw it. Pages without a gold value for the field are left out.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "bench"
CACHE = Path(os.environ.get("METADATA_CACHE", "/tmp/metadata"))  # a private one when several fields are dumped at once
MODES = ("text-full", "text")


def norm(text: str | None) -> str | None:
    """The scorer's title normalisation."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text)
    text = re.sub("[‘’‚‛′]", "'", text)
    text = re.sub("[“”„‟″]", '"', text)
    text = re.sub("[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


def _title_candidates(pipeline, doc, gold):
    ranker = next(step for step in pipeline.steps if step.name == "title.ranked")
    want = norm(gold.get("title"))
    found = ranker.candidates.candidates(doc)
    return [(norm(text) == want, features, text) for _, features, text in found], norm(doc.meta.title) == want


def _date_candidates(pipeline, doc, gold):
    """(The pipeline ran without the date step: ``published`` is still the header's choice, a feature.)"""
    want = (gold.get("published") or "")[:10]
    from cleaner.metadata.title import title_line

    found = pipeline.held_out.candidates.candidates(doc, title_line(doc))
    return ([(m.parsed.iso[:10] == want, features, f"{m.parsed.raw} [line {doc.lines[m.line].number}]") for m, features in found],
            (doc.meta.published or "")[:10] == want)


def _name_key(name: str) -> str:
    """The scorer's author normalisation."""
    name = (norm(name) or "").lower()
    name = re.sub(r"^by\s+", "", name)
    name = re.sub(r"^(dr|prof|mr|mrs|ms)\.?\s+(?=\S+\s+\S)", "", name)
    return name.strip(",.;: ")


def _byline_candidates(pipeline, doc, gold):
    """(The pipeline ran without the authors step: ``authors`` is still the header's choice, a feature.)
    Pages without gold authors count: "no author" is the right candidate there."""
    want = gold.get("authors") or []
    want = {_name_key(n) for n in (want.split(";") if isinstance(want, str) else want) if n.strip()}
    step = pipeline.held_out
    from cleaner.metadata.title import title_line

    found = step.candidates.candidates(doc, title_line(doc))
    header = {_name_key(n) for n in doc.meta.authors}
    return ([({_name_key(n) for n in cand.names} == want, features, f"{'; '.join(cand.names) or '<none>'} ({cand.kind})")
             for cand, features in found], header == want)



def cmd_dump(args) -> None:
    from cleaner import Cleaner

    cleaner = Cleaner()
    held_out = {"date": "date.ranked", "byline": "authors.ranked"}.get(args.field)
    cache = CACHE / args.field
    cache.mkdir(parents=True, exist_ok=True)
    gold_key = {"title": "title", "date": "published", "byline": None}[args.field]
    make = {"title": _title_candidates, "date": _date_candidates, "byline": _byline_candidates}[args.field]
    for mode in MODES:
        pages = []
        files = [str(path) for path in sorted((BENCH / "wcxb-dev" / mode).glob("*.txt"))]
        # the corpus pipeline, as a run has it: its first pass indexes the template lines of the set
        pipeline = cleaner.corpus_pipeline(files)
        if held_out:  # the pipeline runs without the step whose candidates are dumped
            pipeline.held_out = next(step for step in pipeline.steps if step.name == held_out)
            pipeline.steps.remove(pipeline.held_out)
        for path, doc in zip(map(Path, files), map(pipeline.process, (pipeline.read(f) for f in files)), strict=True):
            gold = json.loads((BENCH / "wcxb-dev" / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
            if gold_key and not gold.get(gold_key):
                continue
            cands, current = make(pipeline, doc, gold)
            pages.append({"page": path.stem, "gold": gold.get(gold_key or "authors"), "current": current,
                          "labels": [int(ok) for ok, _, _ in cands], "features": [f for _, f, _ in cands],
                          "texts": [text for _, _, text in cands]})
        (cache / f"wcxb-dev-{mode}.json").write_text(json.dumps(pages))
        n = len(pages)
        reachable = sum(any(p["labels"]) for p in pages)
        print(f"{args.field} {mode}: {n} pages, gold among candidates on {reachable} ({reachable / n:.3f}), "
              f"current step right on {sum(p['current'] for p in pages) / n:.3f}")


def load(field, modes=MODES):
    pages = []
    for mode in modes:
        for page in json.loads((CACHE / field / f"wcxb-dev-{mode}.json").read_text()):
            page["mode"] = mode
            pages.append(page)
    names = list(next(p["features"][0] for p in pages if p["features"]))  # FEATURES, in order
    return pages, names


def fit_weights(pages, names, l2=1.0, iters=300):
    """Conditional logit by gradient descent (L-BFGS is overkill for ~40 weights)."""
    import numpy as np

    groups = [(np.array([[f[k] for k in names] for f in p["features"]]), np.array(p["labels"], dtype=float))
              for p in pages if any(p["labels"])]
    w = np.zeros(len(names))
    lr = 0.5
    n = len(groups)
    for _ in range(iters):
        grad = l2 * w / n
        for X, y in groups:
            z = X @ w
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            target = y / y.sum()
            grad += X.T @ (p - target) / n
        w -= lr * grad
    return dict(zip(names, (float(round(v, 4)) for v in w)))


def accuracy(pages, weights) -> float:
    right = 0
    for page in pages:
        if not page["features"]:
            continue
        scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in page["features"]]
        right += page["labels"][max(range(len(scores)), key=scores.__getitem__)]
    return right / len(pages)


def cmd_cv(args) -> None:
    pages, names = load(args.field)
    stems = sorted({p["page"] for p in pages})
    fold_of = {stem: i % args.folds for i, stem in enumerate(stems)}
    per_mode: dict[str, list] = {m: [] for m in MODES}
    for fold in range(args.folds):
        train = [p for p in pages if fold_of[p["page"]] != fold]
        test = [p for p in pages if fold_of[p["page"]] == fold]
        weights = fit_weights(train, names, l2=args.l2)
        for mode in MODES:
            chunk = [p for p in test if p["mode"] == mode]
            per_mode[mode].append((accuracy(chunk, weights), len(chunk)))
            scored = [p for p in chunk if p["gold"]]  # the scorer counts the pages with a gold value
            per_mode.setdefault(mode + " (pages with a gold value)", []).append((accuracy(scored, weights), len(scored)))
    for mode in per_mode:
        total = sum(n for _, n in per_mode[mode])
        acc = sum(a * n for a, n in per_mode[mode]) / total
        base = [p for p in pages if p["mode"] == mode.split()[0] and (p["gold"] or " " not in mode)]
        current = sum(p["current"] for p in base) / len(base)
        print(f"{args.field} {mode}: cross-validated accuracy {acc:.3f} (current step {current:.3f}, {total} pages)")


def cmd_errors(args) -> None:
    """Pages where the gold title is a candidate but another one wins (model fitted on the other folds)."""
    pages, names = load(args.field, (args.mode,))
    stems = sorted({p["page"] for p in pages})
    fold_of = {stem: i % 5 for i, stem in enumerate(stems)}
    shown = 0
    for fold in range(5):
        weights = fit_weights([p for p in pages if fold_of[p["page"]] != fold], names, l2=args.l2)
        for page in pages:
            if fold_of[page["page"]] != fold or not any(page["labels"]):
                continue
            scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in page["features"]]
            top = max(range(len(scores)), key=scores.__getitem__)
            if page["labels"][top] or shown >= args.n:
                continue
            shown += 1
            gold = page["labels"].index(1)
            diff = {k: (page["features"][top][k], page["features"][gold][k]) for k in names
                    if page["features"][top][k] != page["features"][gold][k]}
            print(f"{page['page']}: chose {page['texts'][top][:70]!r} ({scores[top]:.1f}) over {page['texts'][gold][:70]!r} "
                  f"({scores[gold]:.1f})\n    " + ", ".join(f"{k} {a:.2g}/{b:.2g}" for k, (a, b) in diff.items()))


def cmd_fit(args) -> None:
    pages, names = load(args.field)
    weights = fit_weights(pages, names, l2=args.l2)
    for mode in MODES:
        chunk = [p for p in pages if p["mode"] == mode]
        print(f"{mode}: training accuracy {accuracy(chunk, weights):.3f}")
    model = {"about": f"{args.field} ranking model (conditional logit over a page's candidates); fitted by "
                      "bench/metadata_dev.py on wcxb-dev text and text-full pages", "weights": weights}
    out = Path(args.out or ROOT / "cleaner" / "data" / f"{args.field}_model.json")
    out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<24} {value:+.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("field", choices=("title", "date", "byline"))
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("dump")
    fit = sub.add_parser("fit")
    fit.add_argument("--l2", type=float, default=1.0)
    fit.add_argument("--out", default=None, help="default: cleaner/data/FIELD_model.json")
    errors = sub.add_parser("errors")
    errors.add_argument("--mode", default="text-full")
    errors.add_argument("-n", type=int, default=40)
    errors.add_argument("--l2", type=float, default=1.0)
    cv = sub.add_parser("cv")
    cv.add_argument("--folds", type=int, default=5)
    cv.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"skipped: {BENCH} not found (../shared must be beside the checkout)")
        return
    {"dump": cmd_dump, "fit": cmd_fit, "cv": cmd_cv, "errors": cmd_errors}[args.cmd](args)


if __name__ == "__main__":
    main()
