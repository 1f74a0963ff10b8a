"""Fit and check the HTML published-date model (dev only; needs ../shared/bench).

    python bench/html_date_dev.py dump                        # candidates + features + labels -> /tmp/metadata/html_date.json
    /tmp/fitenv/bin/python bench/html_date_dev.py cv [--folds 5]   # cross-validated day accuracy, beside the fixed order
    /tmp/fitenv/bin/python bench/html_date_dev.py fit [--l2 1.0]   # writes cleaner/data/html_date_model.json

Every wcxb-dev HTML page with a gold date is read by cleaner's HTML reader; a
candidate (one per distinct day that a source of the page names, see
``cleaner/html/dates.py``) is right when its day is the gold day. The model is
the conditional logit of ``bench/metadata_dev.py`` (``fit`` and ``cv`` need
numpy, in a scratch venv; never a dependency of the package), folds by page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
BENCH = ROOT.parent / "shared" / "bench"
CACHE = Path("/tmp/metadata/html_date.json")


def cmd_dump(args) -> None:
    from cleaner.html import html_document
    from cleaner.html.dates import candidates

    pages = []
    fixed = 0
    for path in sorted((BENCH / "wcxb-dev" / "html").glob("*.html.gz")):
        page_id = path.name[: -len(".html.gz")]
        gold = json.loads((BENCH / "wcxb-dev" / "gold" / f"{page_id}.json").read_text(encoding="utf-8")).get("published")
        if not gold:
            continue
        doc = html_document(str(path), gzip.open(path).read().decode("utf-8", "replace"))
        page = doc.page or {}
        found = candidates(page.get("date_sources") or {}, bool(page.get("visible_date_updated")))
        fixed += (doc.meta.published or "")[:10] == gold[:10]
        pages.append({"page": page_id, "gold": gold[:10], "labels": [int(day == gold[:10]) for day, _ in found],
                      "features": [f for _, f in found], "texts": [day for day, _ in found]})
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps(pages))
    n = len(pages)
    print(f"html date: {n} pages, gold among candidates on {sum(any(p['labels']) for p in pages) / n:.3f}, "
          f"fixed order (visible date, else htmldate) right on {fixed / n:.3f}")


def _pages():
    pages = json.loads(CACHE.read_text())
    names = list(next(p["features"][0] for p in pages if p["features"]))
    return pages, names


def cmd_cv(args) -> None:
    from metadata_dev import accuracy, fit_weights

    pages, names = _pages()
    stems = sorted(p["page"] for p in pages)
    fold_of = {stem: i % args.folds for i, stem in enumerate(stems)}
    right = 0.0
    for fold in range(args.folds):
        weights = fit_weights([p for p in pages if fold_of[p["page"]] != fold], names, l2=args.l2)
        test = [p for p in pages if fold_of[p["page"]] == fold]
        right += accuracy(test, weights) * len(test)
    print(f"html date: cross-validated day accuracy {right / len(pages):.3f} ({len(pages)} pages with a gold date)")


def cmd_fit(args) -> None:
    from metadata_dev import accuracy, fit_weights

    pages, names = _pages()
    weights = fit_weights(pages, names, l2=args.l2)
    print(f"training accuracy {accuracy(pages, weights):.3f}")
    model = {"about": "HTML published-date model (conditional logit over the days a page's sources name); fitted by "
                      "bench/html_date_dev.py on wcxb-dev HTML pages", "weights": weights}
    (ROOT / "cleaner" / "data" / "html_date_model.json").write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    for name, value in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {name:<26} {value:+.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("dump")
    for name in ("cv", "fit"):
        p = sub.add_parser(name)
        p.add_argument("--l2", type=float, default=1.0)
        p.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not BENCH.is_dir():
        print(f"skipped: {BENCH} not found (../shared must be beside the checkout)")
        return
    {"dump": cmd_dump, "cv": cmd_cv, "fit": cmd_fit}[args.cmd](args)


if __name__ == "__main__":
    main()
