"""Reliability parts tested as a library: the time cap, files that vanish or
cannot be read, safe rule patterns, the manifest."""

from __future__ import annotations

import gzip
import json
import re
import signal
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleaner.readers as readers
from cleaner import Cleaner, Config
from cleaner.document import Document, Status
from cleaner.errors import InputError, RuleFileError
from cleaner.limits import DocumentTimeout, time_limit
from cleaner.pipeline import Pipeline
from cleaner.readers import read_bytes, read_file
from cleaner.ruleset import builtin_rules_dir, load_rules
from cleaner.ruleset.safe_regex import PatternError, compile_pattern
from cleaner.runner import RunControl, run
from cleaner.steps import Stripper

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
ARTICLE = ("The harbour council approved a new ferry timetable on Tuesday after months of complaints from commuters. " * 8)


# --- the time cap ---------------------------------------------------------------------------------

class Hang(Stripper):
    name = "test.hang"

    def __init__(self, swallow: bool = False):
        self.swallow = swallow

    def strip(self, doc):
        if self.swallow:
            try:  # a library that swallows even BaseException (once): the timer fires again
                while True:
                    sum(range(1000))
            except BaseException:  # noqa: BLE001
                pass
        while True:
            try:
                sum(range(1000))
            except Exception:  # noqa: BLE001 -- a careless library: the timeout must still get through
                pass


@pytest.mark.parametrize("swallow", [False, True])
def test_a_hanging_step_is_cut_at_the_cap(swallow):
    pipeline = Pipeline([Hang(swallow)], replace(Config(), max_seconds_per_document=0.3))
    started = time.monotonic()
    doc = pipeline.process(Document.from_text("x", ARTICLE))
    assert time.monotonic() - started < 2
    assert doc.status is Status.ERROR and doc.reason_id == "error.timeout" and "0.3-second limit" in doc.reason
    assert pipeline.stats.statuses["error"] == 1
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    time.sleep(0.2)  # no stray alarm fires after the limit is left


def test_time_limits_nest_and_disarm():
    with time_limit(0.2):
        with time_limit(100):  # inner: no-op, the outer governs
            with pytest.raises(DocumentTimeout):
                while True:
                    pass
        time_limit.handled()
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_limit(0):  # no limit
        time.sleep(0.01)


def test_no_limit_outside_the_main_thread():
    import threading

    result = []
    thread = threading.Thread(target=lambda: result.append(Cleaner(config=replace(Config(), max_seconds_per_document=0.01))
                                                         .clean_text(ARTICLE).status))
    thread.start()
    thread.join()
    assert result == [Status.KEPT]


# --- files that vanish or cannot be read -------------------------------------------------------------

def test_file_vanishing_between_the_passes(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    docs = Cleaner().run([tmp_path])  # the template pass has read both
    (tmp_path / "b.txt").unlink()
    result = {Path(doc.source).name: doc for doc in docs}
    assert result["a.txt"].status is Status.KEPT
    assert result["b.txt"].reason_id == "error.unreadable" and "vanish" in result["b.txt"].reason


def test_permission_denied_reason(tmp_path, monkeypatch):
    """Simulated (tests may run as root, who reads anything)."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(readers, "open", denied, raising=False)
    with pytest.raises(InputError, match="permission denied: the file cannot be read") as info:
        read_file(str(tmp_path / "a.txt"))
    assert info.value.reason_id == "error.unreadable"


def test_unlistable_folder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()

    def denied(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(readers.os, "listdir", denied)
    with pytest.raises(InputError, match="folder cannot be listed"):
        read_file(str(tmp_path / "sub"))


def test_multi_member_gzip_and_trailing_garbage():
    data = gzip.compress(ARTICLE[:400].encode(), mtime=0) + gzip.compress(ARTICLE[400:].encode(), mtime=0) + b"\0\0junk"
    assert "".join(line.text for line in read_bytes(data, "a.txt.gz").lines) == ARTICLE.strip()


# --- rule patterns ------------------------------------------------------------------------------------

def _builtin_patterns() -> list[tuple[str, str]]:
    rules = load_rules([builtin_rules_dir()])
    return [(rule.id, p.pattern) for rule in rules.rules for p in (rule.pattern, rule.start, rule.stop, rule.scope.fingerprint) if p]


BUILTIN = _builtin_patterns()
FIXTURE_LINES = sorted({line.strip() for path in FIXTURES.glob("*.txt") for line in path.read_text(encoding="utf-8").splitlines()
                        if line.strip()})


def _same(pattern: str, text: str) -> None:
    expected = re.search(pattern, text)
    got = compile_pattern(pattern).search(text)
    assert (expected and expected.group(0)) == (got and got.group(0)), (pattern, text)


@pytest.mark.parametrize("rule_id, pattern", BUILTIN, ids=[rid for rid, _ in BUILTIN])
def test_builtin_patterns_match_like_python_re_on_the_fixtures(rule_id, pattern):
    assert FIXTURE_LINES
    for line in FIXTURE_LINES:
        _same(pattern, line)


@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
       st.sampled_from([r"(?i)^(?P<value>[\w.’'-]+(?: [\w.’'-]+){0,3})\s*/\s*\w+$", r"\d{2,4}\s?\S+", r"^[^\d\s]+\s\w*$",
                        r"(?i)caf\w{,2}\Z", r"[\s\u00a0]+x\b"]))
def test_translated_classes_mean_what_python_means(text, pattern):
    if r"\b" in pattern and re.search(r"\w", text, re.ASCII) is None and re.search(r"\w", text):
        return  # \b next to non-ASCII letters: the documented difference
    _same(pattern, text)


@pytest.mark.parametrize("pattern, message", [
    (r"(a)\1", "backreference"), (r"(?=x)y", "lookahead"), (r"(?<!x)y", "negative lookbehind"), (r"(?P<a>x)(?P=a)", "backreference"),
    (r"a++", "possessive"), (r"(?>a)", "atomic group"), (r"[\W]", "no Unicode equivalent"), (r"a{2000}", "not a valid"),
    (r"(\w+\s+){1,200}x", "too complex"), (r"(", "not a valid"),
])
def test_unsafe_patterns_are_refused(pattern, message):
    with pytest.raises(PatternError, match=message):
        compile_pattern(pattern)


def test_refusal_names_file_line_and_rule(tmp_path):
    (tmp_path / "r.toml").write_text('# mine\n\n[[rule]]\nid = "x.slow"\nrationale = "r"\nkind = "drop_line"\n'
                                     "pattern = '^(?=Share)\\w+$'\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path])
    assert re.search(r"r\.toml:3: rule 'x\.slow': 'pattern' uses a lookahead", str(info.value))


def test_catastrophic_pattern_is_linear():
    pattern = compile_pattern(r"(a+)+$")
    started = time.monotonic()
    assert pattern.search("a" * 100_000 + "b") is None
    assert time.monotonic() - started < 1  # Python's re needs seconds for 27 characters


# --- accounting ---------------------------------------------------------------------------------------

def test_manifest_accounts_for_every_input(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    (tmp_path / "in" / "c.txt").write_text("Too short.", encoding="utf-8")
    summary = run(Cleaner(), [tmp_path / "in"], output=str(tmp_path / "o.jsonl"), control=RunControl(manifest=str(tmp_path / "m.json")))
    manifest = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == {"kept": 1, "dropped": 1, "duplicate": 0, "error": 1} == {**summary.statuses, "duplicate": 0}
    assert manifest["accounted"] and manifest["inputs"] == 3 and manifest["accounting"].startswith("3 inputs = 1 kept")
    assert manifest["reasons"] == {"error.empty": 1, "filter.too-short": 1}
    assert manifest["config"]["max_input_bytes"] == Config().max_input_bytes and manifest["complete"]


def test_a_pathological_page_inside_a_warc_costs_only_its_record(tmp_path):
    """The time cap on reading turns a slow record into one error document; the file's other records are read."""
    pytest.importorskip("warcio")
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from cleaner.readers import iter_documents

    pages = [b"<html><body>" + b"<p><b><i>x " * 100_000 + b"</body></html>",
             ("<html><head><title>Ferry</title></head><body><article><p>" + ARTICLE + "</p></article></body></html>").encode()]
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, payload in enumerate(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response", payload=io.BytesIO(payload),
                                                          length=len(payload), http_headers=headers))
    started = time.monotonic()
    docs = list(iter_documents(str(path), replace(Config(), max_seconds_per_document=0.5)))
    assert time.monotonic() - started < 5
    assert [d.reason_id for d in docs] == ["error.timeout", None]
    assert "harbour council" in docs[1].raw


def test_a_timeout_in_the_middle_of_leaving_the_block_leaves_no_stale_limit(monkeypatch):
    """The timer fires again while the block is being left (a loaded machine): the next limit must still work."""
    outer = time_limit(100)
    outer.__enter__()
    outer._deadline = 0.0  # expired
    with pytest.raises(DocumentTimeout):
        outer._expired(signal.SIGALRM, None)  # as if it fired inside __exit__, before it could release
    time_limit.handled()  # what the catching code does
    assert time_limit._active is None and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    stale = time_limit(100)
    stale.__enter__()
    stale._armed = False  # expired and stopped but never released
    stale._expired(signal.SIGALRM, None)  # a late signal of a stopped limit raises nothing
    with pytest.raises(DocumentTimeout), time_limit(0.1):  # takes over from the stale one
        while True:
            pass
    time_limit.handled()
    assert time_limit._active is None
