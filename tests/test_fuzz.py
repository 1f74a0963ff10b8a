"""Fuzzing: random bytes, random HTML and random text never make the cleaner
raise, never keep it past its time cap, and always give valid UTF-8 JSON."""

from __future__ import annotations

import codecs
import gzip
import json
import time
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, Config
from cleaner.document import Status
from cleaner.writers import to_record, to_reject
from cleaner.writers.jsonl import dumps

#: the time cap of the fuzzed cleaner, and what a slow CI machine may add to it
CAP, SLACK = 2.0, 3.0


@pytest.fixture(scope="module")
def capped():
    return Cleaner(config=replace(Config(), max_seconds_per_document=CAP, template_lines=False))


def check_output(doc) -> None:
    """The document's record or reject is one line of valid UTF-8 JSON with a reason when not kept."""
    entry = to_record(doc) if doc.status is Status.KEPT else to_reject(doc)
    line = dumps(entry)
    data = line.encode("utf-8")  # raises on lone surrogates
    assert "\n" not in line and len(line.splitlines()) == 1
    assert json.loads(data.decode("utf-8")) == json.loads(line)
    if doc.status is not Status.KEPT:
        assert doc.reason and doc.reason_id


def clean_timed(cleaner, data: bytes, kind: str):
    started = time.monotonic()
    doc = cleaner.clean_bytes(data, "fuzz", kind=kind)
    assert time.monotonic() - started < CAP + SLACK, "ran past the time cap"
    check_output(doc)
    return doc


# --- random bytes ------------------------------------------------------------------------------

@given(st.binary(max_size=3000) | st.binary(max_size=200).map(lambda b: gzip.compress(b, mtime=0)[: len(b) % 40 + 10]))
def test_random_bytes(capped, data):
    for kind in ("text", "html"):
        clean_timed(capped, data, kind)


# --- random HTML -------------------------------------------------------------------------------

TAGS = ("div", "p", "span", "b", "i", "a", "table", "tr", "td", "ul", "li", "article", "main", "nav", "script", "style",
        "h1", "h2", "br", "img", "iframe", "svg", "template", "noscript", "form", "select", "option", "pre", "textarea")
WORDS = ("the", "council", "ferry", "harbour", "Zürich", "café", "東京", "новости", "naïve", "—", "&amp;", "&#x1F600;",
         "&bogus;", "<!--", "-->", "<![CDATA[", "]]>", "\u2028", "\x00", "\ufeff", "\ud7ff")


def _tag(name: str, attrs: list[tuple[str, str]]) -> str:
    return "<" + name + "".join(f' {k}="{v}"' for k, v in attrs) + ">"


attributes = st.lists(st.tuples(st.sampled_from(("class", "id", "href", "style", "data-x", "charset", "content")),
                                st.text(max_size=20) | st.integers(1000, 200_000).map(lambda n: "x" * n)), max_size=3)
fragments = st.recursive(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join) | st.text(max_size=80),
    lambda inner: st.one_of(
        # balanced, unbalanced (no close tag), stray close tags
        st.tuples(st.sampled_from(TAGS), attributes, st.lists(inner, max_size=4)).map(
            lambda t: _tag(t[0], t[1]) + "".join(t[2]) + f"</{t[0]}>"),
        st.tuples(st.sampled_from(TAGS), attributes, st.lists(inner, max_size=4)).map(lambda t: _tag(t[0], t[1]) + "".join(t[2])),
        st.tuples(st.sampled_from(TAGS), inner).map(lambda t: f"</{t[0]}>" + t[1]),
    ),
    max_leaves=25,
)
deep = st.tuples(st.sampled_from(("div", "span", "table", "b")), st.integers(100, 5000), st.text(max_size=200)).map(
    lambda t: f"<{t[0]}>" * t[1] + t[2] + f"</{t[0]}>" * (t[1] // 2))
ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "shift_jis", "cp1252", "latin-1", "koi8-r", "gb18030", "utf-32")


@st.composite
def html_pages(draw) -> bytes:
    body = draw(st.lists(fragments | deep, min_size=1, max_size=6))
    declared = draw(st.none() | st.sampled_from((*ENCODINGS, "x-bogus", "")))
    head = f'<meta charset="{declared}">' if declared is not None else ""
    page = f"<!DOCTYPE html><html><head>{head}<title>{draw(st.text(max_size=30))}</title></head><body>{''.join(body)}</body></html>"
    encoding = draw(st.sampled_from(ENCODINGS))  # may differ from the declared one: a lying page
    data = page.encode(encoding, errors="replace")
    if draw(st.booleans()) and not encoding.startswith("utf-16") and not encoding.startswith("utf-32"):
        data = draw(st.sampled_from((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b""))) + data
    if draw(st.integers(0, 9)) == 0:
        data = gzip.compress(data, mtime=0)
    return data


@settings(max_examples=60)
@given(html_pages())
def test_random_html(capped, data):
    clean_timed(capped, data, "html")


# --- random text -------------------------------------------------------------------------------

lines = st.text(st.characters(exclude_categories=()), max_size=200)  # every code point, lone surrogates included


@given(st.lists(lines, max_size=40).map("\n".join))
def test_random_text(capped, text):
    started = time.monotonic()
    doc = capped.clean_text(text)
    assert time.monotonic() - started < CAP + SLACK
    assert doc.status is not Status.ERROR, doc.reason
    check_output(doc)


def test_check_output_can_fail():
    """The helper catches what it is meant to catch."""
    doc = Cleaner().clean_text("x")
    doc.reason_id = None
    with pytest.raises(AssertionError):
        check_output(doc)
