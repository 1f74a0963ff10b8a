"""Scratch harness for the line classifier (dev only; needs ../shared/bench).

    python bench/classifier_dev.py eval [--sets scrapinghub wcxb-dev] [--modes text text-full] [--title] [--official] [--worst 10]
    python bench/classifier_dev.py seeds
    CLS_STUB_PACKAGE=0 python bench/classifier_dev.py capture   # classifier inputs of the whole pipeline -> /tmp/cls/cap-*.json
    python bench/classifier_dev.py dump                # features + labels (+ content-only copies) -> /tmp/cls/*.json
    /tmp/fitenv/bin/python bench/classifier_dev.py fit --train scrapinghub wcxb-dev [--out cleaner/data/line_model.json]
        [--drop rel_pos edge_x_short] [--edge none] [--augw 0.5]
    python bench/classifier_dev.py cross               # fit on one set, evaluate on the other (both directions)

``fit`` needs numpy (a scratch venv, never a dependency of the package).
Labels: a line is "content" when at least half of its 4-token shingles occur in
the gold text (lines under 4 tokens: when their token sequence occurs in it).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "bench"
CACHE = Path("/tmp/cls")
WEIGHT_POWER = float(os.environ.get("CLS_WEIGHT_POWER", "0.5"))
SETS = ("scrapinghub", "wcxb-dev")
MODES = ("text", "text-full")
BASELINE = {("scrapinghub", "text"): 0.898, ("scrapinghub", "text-full"): 0.653,
            ("wcxb-dev", "text"): 0.873, ("wcxb-dev", "text-full"): 0.802}
sys.path.insert(0, str(BENCH))
if os.environ.get("CLS_STUB_PACKAGE", "1") == "1":
    # Import only cleaner/strippers/{classifier,line_features}.py, not the package
    # __init__ (which other engineers are changing while this harness runs).
    import types
    for name, sub in (("cleaner", "cleaner"), ("cleaner.strippers", "cleaner/strippers")):
        mod = types.ModuleType(name)
        mod.__path__ = [str(ROOT / sub)]
        sys.modules.setdefault(name, mod)
import score as scorer  # noqa: E402  (the shared scorer, standard library only)


def load_docs(set_name: str, mode: str):
    """Pages of one set and mode; the lines are the classifier's inputs in the
    pipeline when ``capture`` was run, else the raw scrape's lines."""
    cap = CACHE / f"cap-{set_name}-{mode}.json"
    if cap.exists():
        data = json.loads(cap.read_text(encoding="utf-8"))
        docs = []
        for pid, rec in data.items():
            gold = json.loads((BENCH / set_name / "gold" / f"{pid}.json").read_text(encoding="utf-8"))
            docs.append({"id": pid, "lines": rec["lines"], "gold": gold.get("text") or "", "title": gold.get("title"),
                         "lang": rec["lang"]})
        return docs
    folder = BENCH / set_name / mode
    docs = []
    for gold_path in sorted((BENCH / set_name / "gold").glob("*.json")):
        pid = gold_path.stem
        path = folder / f"{pid}.txt"
        raw = path.read_text(encoding="utf-8") if path.exists() else ""
        lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        docs.append({"id": pid, "lines": lines, "gold": gold.get("text") or "", "title": gold.get("title")})
    return docs


def languages(set_name: str, mode: str, docs) -> dict[str, str | None]:
    if docs and "lang" in docs[0]:
        return {d["id"]: d["lang"] for d in docs}
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"lang-{set_name}-{mode}.json"
    if path.exists():
        return json.loads(path.read_text())
    from langdetect import DetectorFactory, detect
    DetectorFactory.seed = 0
    out = {}
    for d in docs:
        try:
            out[d["id"]] = detect("\n".join(d["lines"])[:5000])
        except Exception:
            out[d["id"]] = None
    path.write_text(json.dumps(out))
    return out


def line_labels(lines, gold):
    tokens = scorer.word_tokens(gold)
    grams = set(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))
    joined = " " + " ".join(tokens) + " "
    out = []
    for line in lines:
        t = scorer.word_tokens(line)
        if not t:
            out.append(0.0)
        elif len(t) < 4:
            out.append(1.0 if " " + " ".join(t) + " " in joined else 0.0)
        else:
            sh = [tuple(t[i:i + 4]) for i in range(len(t) - 3)]
            out.append(sum(s in grams for s in sh) / len(sh))
    return out


def simulate_title_removal(lines):
    """Harness-only stand-in for the pipeline's title step: drop the first short,
    unpunctuated line that comes before the first long paragraph."""
    for i, line in enumerate(lines):
        words = len(line.split())
        if words >= 25:
            return lines
        if 3 <= words <= 20 and not line.rstrip().endswith((".", ":", "!", "?", ";", ",")):
            return lines[:i] + lines[i + 1:]
    return lines


def run_eval(clf, set_name, mode, title=False, worst=0, official=False, out_dir=CACHE):
    docs = load_docs(set_name, mode)
    langs = languages(set_name, mode, docs)
    out_dir.mkdir(exist_ok=True)
    pred_path = out_dir / f"pred-{set_name}-{mode}{'-title' if title else ''}.jsonl"
    pages, t0 = [], time.perf_counter()
    records = []
    for d in docs:
        verdicts = clf.classify(d["lines"], langs.get(d["id"]))
        kept = [ln for ln, v in zip(d["lines"], verdicts) if v.keep]
        if title:
            kept = simulate_title_removal(kept)
        records.append({"source": f"{d['id']}.txt", "text": "\n\n".join(kept)})
    elapsed = time.perf_counter() - t0
    with pred_path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for d, r in zip(docs, records):
        s = scorer.score_text(d["gold"], r["text"])
        s["id"] = d["id"]
        pages.append(s)
    p, r, f1 = scorer.shingle_prf(pages)
    ms = 1000 * elapsed / max(len(docs), 1)
    if official:
        cmd = [sys.executable, str(BENCH / "score.py"), str(BENCH / set_name), "--mode", mode,
               "--predictions", str(pred_path)] + (["--worst", str(worst)] if worst else [])
        print(subprocess.run(cmd, capture_output=True, text=True).stdout)
    elif worst:
        for s in sorted(pages, key=lambda s: s["f1"])[:worst]:
            print(f"   worst {s['id'][:20]:20s} P={s['p']:.2f} R={s['r']:.2f} out={s['pred_tokens']} gold={s['gold_tokens']}")
    return {"set": set_name, "mode": mode, "P": p, "R": r, "F1": f1, "ms": ms, "pages": pages}


def cmd_eval(args):
    from cleaner.strippers.classifier import ClassifierConfig, LineClassifier
    overrides = {}
    for kv in args.set or []:
        k, v = kv.split("=")
        overrides[k] = type(getattr(ClassifierConfig(), k))(v)
    cfg = dataclasses.replace(ClassifierConfig(), **overrides)
    if args.model:
        cfg = dataclasses.replace(cfg, model_file=args.model)
    clf = LineClassifier(cfg)
    print(f"{'set':12s} {'mode':9s} {'keep-all':>8s} {'F1':>6s} {'P':>6s} {'R':>6s} {'ms/doc':>7s}")
    for s in args.sets:
        for m in args.modes:
            for title in ([False, True] if args.title else [False]):
                res = run_eval(clf, s, m, title=title, worst=args.worst, official=args.official)
                print(f"{s:12s} {m + ('+T' if title else ''):9s} {BASELINE[(s, m)]:8.3f} {res['F1']:6.3f} "
                      f"{res['P']:6.3f} {res['R']:6.3f} {res['ms']:7.2f}", flush=True)


def cmd_seeds(_args):
    from cleaner.strippers.classifier import LineClassifier
    clf = LineClassifier()
    ok = True
    seeds = ROOT.parent / "shared" / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        verdicts = clf.classify(lines, "en")
        if path.name.startswith("000_"):
            start = next(i for i, ln in enumerate(lines) if ln.startswith("Published on")) + 1
            body = range(start, len(lines))
            must_drop = range(0, 0)
        else:
            start = next(i for i, ln in enumerate(lines) if ln.startswith("MOSCOW —"))
            sep = next(i for i, ln in enumerate(lines) if ln == "___")
            body = range(start, sep)
            more = next(i for i, ln in enumerate(lines) if ln == "More in News")
            must_drop = range(more, len(lines))
        for i in body:
            if not verdicts[i].keep:
                ok = False
                print(f"FAIL {path.name[:3]} body line dropped [{verdicts[i].rule_id}] {verdicts[i].evidence}: {lines[i][:60]}")
        for i in must_drop:
            if verdicts[i].keep:
                ok = False
                print(f"FAIL {path.name[:3]} chrome line kept ({verdicts[i].evidence}): {lines[i][:60]}")
        if args_verbose:
            for ln, v in zip(lines, verdicts):
                print(f"  {'KEEP' if v.keep else 'drop'} {v.score:.2f} {v.rule_id:40s} {ln[:60]}")
    print("seeds:", "OK" if ok else "FAILED")
    return ok


args_verbose = False


def cmd_capture(args):
    """Run the whole pipeline and record what the classifier step sees."""
    from cleaner import Cleaner
    from cleaner.metadata.language import language_sample
    from cleaner.strippers.lines import ClassifierStripper
    cur = {}
    orig = ClassifierStripper.strip

    def strip(self, doc):
        kept = doc.kept_lines()
        cur["lines"] = [ln.text for ln in kept]
        cur["lang"] = self.detector.detect(language_sample(doc.text, self.config.language_sample_chars))[0] if kept else None
        orig(self, doc)

    ClassifierStripper.strip = strip
    cleaner = Cleaner()
    CACHE.mkdir(exist_ok=True)
    for s in args.sets:
        for m in args.modes:
            recs = {}
            for doc in cleaner.run([str(BENCH / s / m)]):
                recs[Path(doc.source).name[:-4]] = {"lines": cur.get("lines", []), "lang": cur.get("lang")}
                cur.clear()
            (CACHE / f"cap-{s}-{m}.json").write_text(json.dumps(recs))
            print("captured", s, m, len(recs))


def cmd_dump(args):
    """Features and labels of every page, plus a copy of the page reduced to its
    content lines (``aug``): the model must keep a clean page as it is."""
    from cleaner.strippers.line_features import line_features, load_resources
    res = load_resources()
    for s in args.sets:
        for m in args.modes:
            docs = load_docs(s, m)
            langs = languages(s, m, docs)
            rows = []
            for d in docs:
                labels = line_labels(d["lines"], d["gold"])
                content = [i for i, lab in enumerate(labels) if lab >= 0.5]
                variants = [(d["lines"], labels, 0)]
                if 3 <= len(content) < len(d["lines"]):
                    variants.append(([d["lines"][i] for i in content], [labels[i] for i in content], 1))
                for lines, labs, aug in variants:
                    stats = line_features(lines, res.stoplist(langs.get(d["id"])), res)
                    rows.append({"id": d["id"], "aug": aug, "labels": labs,
                                 "ntok": [len(scorer.word_tokens(ln)) for ln in lines],
                                 "stats": [[st.words, st.stop, st.caps, st.chrome, st.features] for st in stats]})
            (CACHE / f"feat-{s}-{m}.json").write_text(json.dumps(rows))
            print("dumped", s, m, len(rows))


def _matrix(docs, names, per_line, augw=0.5):
    import numpy as np
    X, y, w = [], [], []
    for d in docs:
        total = sum((1 + t) ** WEIGHT_POWER for t in d["ntok"]) or 1.0
        factor = augw if d.get("aug") else 1.0
        for i, lab in enumerate(d["labels"]):
            X.append([per_line(d, i)[k] for k in names])
            y.append(1.0 if lab >= 0.5 else 0.0)
            w.append(factor * (1 + d["ntok"][i]) ** WEIGHT_POWER / total)
    X, y, w = np.array(X), np.array(y), np.array(w)
    return X, y, w / w.mean()


def _fit_lr(X, y, w, l2=1.0, iters=60):
    """Weighted L2 logistic regression by Newton's method on standardised features."""
    import numpy as np
    mean, scale = X.mean(0), X.std(0) + 1e-6
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    beta = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-Z @ beta))
        g = Z.T @ (w * (p - y)) + reg * beta
        H = (Z * (w * p * (1 - p))[:, None]).T @ Z + np.diag(reg)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return {"mean": mean.tolist(), "scale": scale.tolist(), "weights": beta[:-1].tolist(), "bias": float(beta[-1])}


def fit(train_keys, l2=1.0, drop=(), edge=None, augw=0.5):
    from cleaner.strippers.classifier import _Logistic
    from cleaner.strippers.line_features import CONTEXT_FEATURES, LINE_FEATURES, LineStats, context_features
    docs = []
    for key in train_keys:
        docs += [d for d in json.loads((CACHE / f"feat-{key}.json").read_text()) if augw > 0 or not d.get("aug")]
    names1 = [f for f in LINE_FEATURES if f not in drop]
    X, y, w = _matrix(docs, names1, lambda d, i: d["stats"][i][4], augw)
    m1 = {"features": names1, **_fit_lr(X, y, w, l2)}
    s1 = _Logistic.from_json(m1)
    for d in docs:
        stats = [LineStats(*row) for row in d["stats"]]
        logits = [max(-8.0, min(8.0, s1.logit(st.features))) for st in stats]
        d["ctx"] = [{**st.features, **c} for st, c in zip(stats, context_features(stats, logits, edge))]
    X2, y2, w2 = _matrix(docs, CONTEXT_FEATURES, lambda d, i: d["ctx"][i], augw)
    m2 = {"features": list(CONTEXT_FEATURES), **_fit_lr(X2, y2, w2, l2)}
    return {"trained_on": list(train_keys), "label": "share of the line's 4-shingles in gold >= 0.5",
            "options": {"edge_logit": edge}, "stage1": m1, "stage2": m2}


def cmd_fit(args):
    keys = [f"{s}-{m}" for s in args.train for m in MODES]
    edge = None if args.edge == "none" else float(args.edge)
    model = fit(keys, args.l2, tuple(args.drop), edge, args.augw)
    out = Path(args.out)
    out.write_text(json.dumps(_round(model), indent=1) + "\n")
    for stage in ("stage1", "stage2"):
        print(stage, " ".join(f"{n}={wt:+.2f}" for n, wt in zip(model[stage]["features"], model[stage]["weights"])),
              f"bias={model[stage]['bias']:+.2f}")


def _round(obj):
    if isinstance(obj, float):
        return round(obj, 5)
    if isinstance(obj, list):
        return [_round(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    return obj


def cmd_cross(args):
    fitpy = "/tmp/fitenv/bin/python"
    for train, test in (("scrapinghub", "wcxb-dev"), ("wcxb-dev", "scrapinghub")):
        name = f"cross-{train}.json"
        subprocess.run([fitpy, __file__, "fit", "--train", train, "--out", str(ROOT / "cleaner" / "data" / name)]
                       + args.fit_args, check=True, capture_output=True)
        from cleaner.strippers.classifier import ClassifierConfig, LineClassifier
        clf = LineClassifier(ClassifierConfig(model_file=name))
        for m in MODES:
            res = run_eval(clf, test, m)
            print(f"train={train:12s} test={test:12s} {m:9s} F1={res['F1']:.3f} P={res['P']:.3f} R={res['R']:.3f}", flush=True)
        (ROOT / "cleaner" / "data" / name).unlink()


def cmd_diag(args):
    """Where do the lost tokens go?  Group FP/FN tokens by rule id, show examples."""
    from cleaner.strippers.classifier import LineClassifier
    clf = LineClassifier()
    for s in args.sets:
        for m in args.modes:
            docs = load_docs(s, m)
            langs = languages(s, m, docs)
            fn, fp, ex_fn, ex_fp = Counter(), Counter(), {}, {}
            for d in docs:
                verdicts = clf.classify(d["lines"], langs.get(d["id"]))
                labels = line_labels(d["lines"], d["gold"])
                gold_tok = max(len(scorer.word_tokens(d["gold"])), 1)
                for ln, v, lab in zip(d["lines"], verdicts, labels):
                    share = len(scorer.word_tokens(ln)) / gold_tok  # page-normalised cost
                    if lab >= 0.5 and not v.keep:
                        fn[v.rule_id] += share
                        ex_fn.setdefault(v.rule_id, []).append((share, d["id"], ln[:90], v.evidence))
                    elif lab < 0.5 and v.keep:
                        key = "kept"
                        fp[key] += share
                        ex_fp.setdefault(key, []).append((share, d["id"], ln[:90], v.evidence))
            print(f"== {s} {m}: FN (page-normalised tokens / page) by rule")
            for k, c in fn.most_common():
                print(f"  {k:45s} {c / len(docs):.4f}")
                for e in sorted(ex_fn[k], reverse=True)[:args.n]:
                    print(f"      {e[0]:.3f} {e[1][:12]} {e[3]} | {e[2]}")
            print(f"   FP kept: {fp['kept'] / len(docs):.4f}")
            for e in sorted(ex_fp.get("kept", []), reverse=True)[:args.n]:
                print(f"      {e[0]:.3f} {e[1][:12]} {e[3]} | {e[2]}")


def main():
    global args_verbose
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("eval")
    e.add_argument("--sets", nargs="+", default=list(SETS))
    e.add_argument("--modes", nargs="+", default=list(MODES))
    e.add_argument("--title", action="store_true")
    e.add_argument("--official", action="store_true")
    e.add_argument("--worst", type=int, default=0)
    e.add_argument("--model")
    e.add_argument("--set", nargs="*", help="config overrides name=value")
    cp = sub.add_parser("capture")
    cp.add_argument("--sets", nargs="+", default=list(SETS))
    cp.add_argument("--modes", nargs="+", default=list(MODES))
    sd = sub.add_parser("seeds")
    sd.add_argument("-v", action="store_true")
    d = sub.add_parser("dump")
    d.add_argument("--sets", nargs="+", default=list(SETS))
    d.add_argument("--modes", nargs="+", default=list(MODES))
    f = sub.add_parser("fit")
    f.add_argument("--train", nargs="+", default=list(SETS))
    f.add_argument("--out", default=str(ROOT / "cleaner" / "data" / "line_model.json"))
    f.add_argument("--l2", type=float, default=1.0)
    f.add_argument("--drop", nargs="*", default=["rel_pos", "edge_x_short"], help="stage-1 features left out")
    f.add_argument("--edge", default="none", help="logit assumed beyond the document's edges, or 'none' (neutral)")
    f.add_argument("--augw", type=float, default=0.5, help="weight of the content-only copy of each page")
    cr = sub.add_parser("cross")
    cr.add_argument("fit_args", nargs="*", help="extra arguments for fit")
    g = sub.add_parser("diag")
    g.add_argument("--sets", nargs="+", default=list(SETS))
    g.add_argument("--modes", nargs="+", default=list(MODES))
    g.add_argument("-n", type=int, default=8)
    a = ap.parse_args()
    if a.cmd == "seeds":
        args_verbose = a.v
        sys.exit(0 if cmd_seeds(a) else 1)
    {"eval": cmd_eval, "capture": cmd_capture, "dump": cmd_dump, "fit": cmd_fit, "cross": cmd_cross, "diag": cmd_diag}[a.cmd](a)


if __name__ == "__main__":
    main()
