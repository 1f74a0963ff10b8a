"""Named, explainable features of one text line, for the line classifier.

Every feature is a plain float computed from the line alone (``line_features``)
or from the line and the document around it (``context_features``).  The
names are the keys of the fitted weights in ``cleaner/data/line_model.json``
and appear in the evidence string of each verdict; ``docs/algorithm.md``
explains why each one separates article text from page chrome.

Word lists (stoplists, chrome vocabulary, month names) are loaded by
``load_resources`` and passed in; nothing is cached at module level.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .teasers import _headline_like, teaser_blocks

WORD = re.compile(r"\w+")
# Scripts written without spaces: count each ideograph/kana as half a word so
# that a Japanese or Chinese paragraph is not mistaken for a one-word line.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
SENTENCE_END = re.compile(r"[.!?…。！？:;]['\"”’»)\]]*$")
SENTENCE_BREAK = re.compile(r"[.!?。！？]['\"”’»)]?\s+\S")
LIST_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s")
BULLET = re.compile(r"^(?:[•·▪■□◦●○►▶→»›*+\-–—]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")
SEPARATOR = re.compile(r"\s[|·•/»›>]\s|\s[|]|[|]\s")
SEPARATOR_HINT = re.compile(r"[|·•/»›>]")  # in every SEPARATOR match
TRUNCATED = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])(?:\s*\w+){0,2}\s*\W{0,3}$")
CREDIT_PAREN = re.compile(r"\([^()]{2,80}\)\s*$")
CAPTION_ONLY = re.compile(r"^\([^()]{2,80}\)$")
DATE_NUMERIC = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})\b")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
TIME = re.compile(r"\b\d{1,2}:\d\d\b")
# What every DATE_NUMERIC and every TIME match holds: quicker tests (a leading \b slows a search down).
DATE_NUMERIC_HINT = re.compile(r"\d[./-]\d")
TIME_HINT = re.compile(r"\d:\d")
# Relative timestamps of teaser cards and comments: "2 hours ago", "vor 3 Stunden",
# "il y a 5 minutes", "hace 2 horas", "há 3 dias". (The look-ahead names the first
# character of every branch: the search then skips the positions no branch can start at.)
RELATIVE_TIME = re.compile(
    r"(?i)(?=[\dvih])(?:\b\d{1,3}\s*(?:sec|secs|seconds?|min|mins|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\bvor\s+\d{1,3}\s+(?:Sekunden|Minuten|Stunden?|Tagen?|Wochen?|Monaten?|Jahren?)\b"
    r"|\b(?:il\s+y\s+a|hace|há)\s+\d{1,3}\s+\w+)")
# A headline glued to its blurb by the HTML-to-text step ("...in DetroitThe
# best..."), typical of teaser cards: lower-case letters, then a capital
# starting a new word with no space, or sentence punctuation before a capital.
GLUED = re.compile(r"[a-z]{3}[A-Z][a-z]{2}|[a-z][?!:][A-Z][a-z]")
# What every GLUED match holds, a capital after [a-z?!:]: a quicker test that rules most lines out
# (written from the capital, the rarer character, which the search then skips to).
GLUED_HINT = re.compile(r"[A-Z](?<=[a-z?!:][A-Z])")
# A label ending in a colon at the start of a line ("Tags:", "Topics:", "Filed
# under:", "Read more:"): when the label is chrome vocabulary, the whole line is
# furniture (a tag list, a teaser link).
LABEL = re.compile(r"^([^\W\d_][\w'’ -]{0,30}?)\s*:\s")
URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+")
#: bytes.translate tables for ASCII lines: a byte that \w matches (letter, digit, _) stays (lower-cased in the
#: second), every other byte becomes a space: the line's words are then what split() finds
_ASCII_WORDS = bytes(c if chr(c).isalnum() or chr(c) == "_" else 0x20 for c in range(128)).ljust(256, b" ")
_ASCII_WORDS_LOWER = _ASCII_WORDS.lower()
#: the digits of ASCII words, found in one search (elsewhere str.isdigit counts, which knows more digits than \d)
ASCII_DIGIT = re.compile(r"[0-9]")
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Resources:
    """Word lists the features need; build with ``load_resources``."""

    stoplists: dict[str, frozenset[str]]      # jusText stoplist name -> words
    merged_stoplist: frozenset[str]            # fallback for unknown languages
    chrome_phrases: frozenset[tuple[str, ...]]  # all languages, lower-cased tokens
    chrome_max_len: int
    months: frozenset[str]
    iso_to_stoplist: dict[str, str] = field(default_factory=dict)
    #: first word of a chrome phrase -> the lengths of the phrases starting with it, longest first
    #: (most words start none)
    chrome_first: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.chrome_first:
            lengths: dict[str, set[int]] = {}
            for phrase in self.chrome_phrases:
                lengths.setdefault(phrase[0], set()).add(len(phrase))
            self.chrome_first.update((word, tuple(sorted(n, reverse=True))) for word, n in lengths.items())

    def stoplist(self, language: str | None) -> frozenset[str]:
        name = self.iso_to_stoplist.get((language or "").lower().split("-")[0])
        return self.stoplists.get(name, self.merged_stoplist) if name else self.merged_stoplist


def _data_text(relative: str) -> str:
    return (DATA_DIR / relative).read_text(encoding="utf-8")


def _phrase_lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


def load_resources() -> Resources:
    """Read jusText's stoplists and our word lists under ``cleaner/data``."""
    import justext  # local import: only needed when a classifier is first used

    iso = {}
    for line in _phrase_lines(_data_text("stoplist_languages.txt")):
        code, name = line.split(None, 1)
        iso[code] = name.strip()
    available = justext.get_stoplists()
    stoplists = {name: justext.get_stoplist(name) for name in sorted(set(iso.values()) & available)}
    # Fallback for unknown languages: the union of the stoplists of the
    # languages we have chrome vocabulary for (the most common on the web).
    chrome_files = sorted((DATA_DIR / "chrome_words").glob("*.txt"))
    merged = frozenset(w for entry in chrome_files for w in stoplists.get(iso.get(entry.stem, ""), ()))
    phrases = set()
    for entry in chrome_files:
        for line in _phrase_lines(entry.read_text(encoding="utf-8")):
            phrases.add(tuple(WORD.findall(line.lower())))
    phrases.discard(())
    months = frozenset(w.lower() for line in _phrase_lines(_data_text("month_names.txt")) for w in line.split())
    return Resources(
        stoplists=stoplists,
        merged_stoplist=merged,
        chrome_phrases=frozenset(phrases),
        chrome_max_len=max((len(p) for p in phrases), default=1),
        months=months,
        iso_to_stoplist=iso,
    )


def words_and_lowered(line: str) -> tuple[list[str], list[str]]:
    """``WORD.findall(line)``, and the same words lower-cased. An ASCII line
    (most of them) is split with two ``bytes.translate`` calls instead: the
    same words, without a regex scan and a ``str.lower`` call per word."""
    if line.isascii():
        data = line.encode("ascii")
        return data.translate(_ASCII_WORDS).decode("ascii").split(), data.translate(_ASCII_WORDS_LOWER).decode("ascii").split()
    tokens = WORD.findall(line)
    return tokens, list(map(str.lower, tokens))


def word_count(line: str, tokens: Sequence[str]) -> float:
    cjk = 0 if line.isascii() else len(CJK.findall(line))
    return len(tokens) + cjk / 2.0 - (sum(1 for t in tokens if CJK.search(t)) if cjk else 0)


def _is_cased_letter(ch: str) -> bool:
    return ch.isalpha() and (ch.isupper() or ch.islower()) and ch.upper() != ch.lower()


def _is_letter_with_case(ch: str) -> bool:
    return ch.isalpha() and ch.upper() != ch.lower()


def _upper_share(initials: str, is_letter) -> float:
    """Share of upper-case letters among the ``initials`` (the first character
    of each word) that pass ``is_letter``. On ASCII that is every letter, so
    the share is counted without a per-character test."""
    if initials.isascii():
        letters = sum(map(str.isalpha, initials))
        return sum(map(str.isupper, initials)) / letters if letters else 0.0
    kept = [ch for ch in initials if is_letter(ch)]
    return sum(map(str.isupper, kept)) / len(kept) if kept else 0.0


def chrome_cover(tokens: Sequence[str], res: Resources) -> tuple[int, int, str]:
    """Tokens covered by chrome phrases, tokens covered by phrases of two words
    or more ("share this article", "all rights reserved": these stay telling
    inside a sentence, a single word such as "next" does not), first phrase found."""
    return _chrome_cover_lowered([t.lower() for t in tokens[:60]], res)


def _chrome_cover_lowered(lowered: list[str], res: Resources) -> tuple[int, int, str]:
    """:func:`chrome_cover` of the lower-cased first 60 tokens."""
    first_words = res.chrome_first
    if first_words.keys().isdisjoint(lowered):  # most lines: no chrome phrase starts at any word
        return 0, 0, ""
    starts = [i for i, word in enumerate(lowered) if word in first_words]
    covered = [0] * len(lowered)
    first = ""
    for i in starts:
        for n in first_words[lowered[i]]:
            if n > len(lowered) - i:
                continue
            phrase = tuple(lowered[i:i + n])
            if phrase in res.chrome_phrases:
                first = first or " ".join(phrase)
                for k in range(i, i + n):
                    covered[k] = max(covered[k], n)
                break
    uncovered, single = covered.count(0), covered.count(1)
    return len(covered) - uncovered, len(covered) - uncovered - single, first


def chrome_match(tokens: Sequence[str], res: Resources) -> tuple[int, str]:
    """Number of tokens covered by chrome phrases, and the first phrase found."""
    covered, _, first = chrome_cover(tokens, res)
    return covered, first


# Names of the context-free features, in model order.
LINE_FEATURES = (
    "log_words",        # log(1 + words): paragraphs are long, chrome is short
    "stop_density",     # share of stopwords of the document's language
    "ends_sentence",    # ends with . ! ? : ; … (possibly before a quote)
    "sentences",        # log(1 + sentence breaks inside the line)
    "comma_rate",       # commas per word: running prose has commas
    "cap_share",        # share of words starting upper-case (menus, headlines)
    "digit_share",      # digits among word characters (dates, counts, prices)
    "date_like",        # a date, time or month name with a year
    "bullet",           # starts with a list marker
    "separators",       # log(1 + separators such as | · » between items)
    "chrome_cover",     # share of words covered by chrome vocabulary
    "chrome_short",     # a chrome phrase in a line of at most 6 words
    "truncated",        # ends with an ellipsis: a teaser cut short
    "credit_paren",     # ends with a parenthesised credit, e.g. a photo credit
    "url_email",        # contains a URL or an e-mail address
    "no_letters",       # nothing but digits and punctuation
    "repeated",         # the same line occurs elsewhere in the document
    "rel_pos",          # position of the line in the document, 0..1
    "edge_x_short",     # short line near a document edge (menus, footers), decays over ~3 lines
    "stop_x_long",      # stopword density of lines of over ~5 words (prose is stopword-rich)
    "prose",            # long, stopword-rich, punctuated: jusText's "good" paragraph, 0..1
    "glued",            # a headline glued to its blurb ("...FinaleFord v Toyota...")
    "lead_caps",        # share of capitalised words among the first 6 words
    "chrome_x_short",   # chrome_cover on short lines (decisive on a button or a label)
    "chrome_multi",     # share of words covered by chrome phrases of 2+ words (telling in a sentence too)
)
#: the features of a line's place in its document (the others depend on its text alone)
DOCUMENT_FEATURES = ("repeated", "rel_pos", "edge_x_short")


@dataclass(slots=True)
class LineStats:
    """Raw measurements of one line, kept for evidence strings."""

    words: float
    stop: float
    caps: float
    chrome: str
    features: dict[str, float]
    item: int | None = None  # the number of a numbered list item ("3) ...", "3. ..."), else None
    short: float | None = None  # shortness(words), when already known


@dataclass(frozen=True, slots=True)
class LineText:
    """What a line's features owe to its text alone (not to its position or
    repetition in the document): the same in every pass over the same lines."""

    words: float
    stop: float
    caps: float
    chrome: str
    item: int | None
    short: float  # shortness(words)
    head: dict[str, float]  # the features before "repeated", in model order
    tail: dict[str, float]  # the features after "edge_x_short", in model order


def line_text_features(line: str, stoplist: frozenset[str], res: Resources) -> LineText:
    """The features of ``line`` that depend on its text alone."""
    tokens, lowered = words_and_lowered(line)
    words = word_count(line, tokens)
    nw = max(len(tokens), 1)
    stop = sum(map(stoplist.__contains__, lowered)) / nw if tokens else 0.0
    initials = "".join([t[0] for t in tokens])
    caps = _upper_share(initials, _is_cased_letter)
    # the line's word characters: its digits are among them (str.isdigit is part of \w), and
    # they are ASCII more often than the line is (curly quotes and dashes are no word characters)
    word_chars = "".join(tokens)
    alnum = len(word_chars) or 1
    digit_count = len(ASCII_DIGIT.findall(word_chars)) if word_chars.isascii() else sum(map(str.isdigit, word_chars))
    covered, multi, phrase = _chrome_cover_lowered(lowered[:60], res)
    label = LABEL.match(line) if ":" in line else None
    if label and tuple(WORD.findall(label.group(1).lower())) in res.chrome_phrases:
        covered = multi = nw
        phrase = label.group(1).lower()
    # every pattern of a date or time needs a digit (\d is a subset of str.isdigit)
    date_like = digit_count > 0 and bool(
        (DATE_NUMERIC_HINT.search(line) and DATE_NUMERIC.search(line)) or (":" in line and TIME_HINT.search(line) and TIME.search(line))
        or (not res.months.isdisjoint(lowered) and YEAR.search(line)) or RELATIVE_TIME.search(line))
    ends_sentence = SENTENCE_END.search(line)
    breaks = len(SENTENCE_BREAK.findall(line))
    short = shortness(words)
    head = {
        "log_words": math.log1p(words),
        "stop_density": stop,
        "ends_sentence": 1.0 if ends_sentence else 0.0,
        "sentences": math.log1p(breaks),
        "comma_rate": min(line.count(",") + line.count("，") + line.count("、"), words) / max(words, 1.0),
        "cap_share": caps,
        "digit_share": min(digit_count / alnum, 1.0),
        "date_like": 1.0 if date_like else 0.0,
        "bullet": 1.0 if BULLET.match(line) else 0.0,
        "separators": math.log1p(len(SEPARATOR.findall(line)) if SEPARATOR_HINT.search(line) else 0),
        "chrome_cover": covered / nw if tokens else 0.0,
        "chrome_short": 1.0 if phrase and words <= 6 else 0.0,
        "truncated": 1.0 if ("..." in line or "…" in line) and TRUNCATED.search(line) else 0.0,
        "credit_paren": 1.0 if ")" in line and ((CREDIT_PAREN.search(line) and words > 3) or CAPTION_ONLY.match(line)) else 0.0,
        "url_email": 1.0 if ("://" in line or "www." in line or "@" in line) and URL.search(line) else 0.0,
        "no_letters": 0.0 if any(map(str.isalpha, line)) else 1.0,
    }
    tail = {
        "stop_x_long": stop * (1 - short),
        "glued": 1.0 if GLUED_HINT.search(line) and GLUED.search(line) else 0.0,
        "lead_caps": _upper_share(initials[:6], _is_letter_with_case),
        "chrome_x_short": (covered / nw if tokens else 0.0) * short,
        "chrome_multi": multi / nw if tokens else 0.0,
        "prose": (1 - short) * min(stop / 0.3, 1.0) * (1.0 if ends_sentence or breaks else 0.5),
    }
    numbered = LIST_ITEM.match(line)
    return LineText(words, stop, caps, phrase, int(numbered.group(1)) if numbered else None, short, head, tail)


def line_features(lines: Sequence[str], stoplist: frozenset[str], res: Resources,
                  memo: dict[str, LineText] | None = None) -> list[LineStats]:
    """Context-free features of every line (position and repetition included).

    ``memo`` (line text -> :class:`LineText`), owned by the caller for one
    document and one stoplist, keeps the text features for the next pass over
    the same lines (the classifier judges a document until a pass removes nothing)."""
    n = len(lines)
    keys = [line.lower() for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    memo = {} if memo is None else memo
    out = []
    for i, line in enumerate(lines):
        text = memo.get(line)
        if text is None:
            text = memo[line] = line_text_features(line, stoplist, res)
        d_edge = min(i, n - 1 - i)
        f = {
            **text.head,
            "repeated": 1.0 if counts[keys[i]] > 1 else 0.0,
            "rel_pos": i / (n - 1) if n > 1 else 0.5,
            "edge_x_short": math.exp(-d_edge / 3.0) * text.short,
            **text.tail,
        }
        out.append(LineStats(words=text.words, stop=text.stop, caps=text.caps, chrome=text.chrome, features=f,
                             item=text.item, short=text.short))
    return out


# Names of the context features, computed from first-stage scores.  Context
# matters for short lines (a subheading between paragraphs, an item in a
# menu); a long line of prose stands on its own, hence the "_x_short" terms.
CONTEXT_FEATURES = (
    "own_x_long",       # the line's first-stage score, weighted by how long the line is
    "own_x_short",      # ... weighted by how short the line is
    "near_x_long",      # mean first-stage score of the lines before and after, long lines
    "near_x_short",     # ... short lines
    "wide_x_long",      # word-weighted mean first-stage score within 6 positions, long lines
    "wide_x_short",     # ... short lines
    "short_run",        # log(1 + length of the run of short lines holding this line)
    "headline_rhythm",  # share of headline-like lines (short, no end punctuation) within 3 positions
    "rhythm_x_medium",  # headline_rhythm for lines of 8-40 words: blurbs of a teaser list
    "teaser_period",    # inside a periodic headline + blurb (+ caption) pattern: a teaser list
    "log_words",
    "ends_sentence",
)

SHORT_WORDS = 8
EDGE_LOGIT = -2.0   # the score assumed beyond the document's edges


def shortness(words: float) -> float:
    """1 for lines of up to 5 words, falling to 0 at 40 words."""
    return max(0.0, min(1.0, 1.0 - (math.log1p(words) - math.log1p(5)) / (math.log1p(40) - math.log1p(5))))


def context_features(stats: Sequence[LineStats], logits: Sequence[float],
                     edge_logit: float | None = EDGE_LOGIT) -> list[dict[str, float]]:
    """Features that look at the neighbours' first-stage scores and shapes.

    ``edge_logit`` is the score assumed beyond the document's edges; with
    ``None`` the edges are neutral: a line at the edge is judged by the
    neighbours it has, so that a line does not lose its context when the
    chrome around it is removed (cleaning stays a fixed point)."""
    n = len(stats)
    short = [s.words <= SHORT_WORDS for s in stats]
    run_len = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and short[j] == short[i]:
            j += 1
        for k in range(i, j):
            run_len[k] = (j - i) if short[i] else 0
        i = j
    headline = [_headline_like(s) for s in stats]
    teaser = teaser_blocks(stats, headline)
    weight = [math.log1p(s.words) for s in stats]  # of each neighbour in the wide window
    headlines_before = [0]  # headline lines among the first k lines
    for flag in headline:
        headlines_before.append(headlines_before[-1] + flag)
    out = []
    for i in range(n):
        if edge_logit is None:
            nb = [logits[k] for k in (i - 1, i + 1) if 0 <= k < n]
            near = sum(nb) / len(nb) if nb else logits[i]
        else:
            near = ((logits[i - 1] if i > 0 else edge_logit) + (logits[i + 1] if i + 1 < n else edge_logit)) / 2
        wsum = wtot = 0.0
        for k in range(max(0, i - 6), i):
            w = weight[k]
            wsum += w * logits[k]
            wtot += w
        for k in range(i + 1, min(n, i + 7)):
            w = weight[k]
            wsum += w * logits[k]
            wtot += w
        wide = wsum / wtot if wtot else (logits[i] if edge_logit is None else edge_logit)
        lo, hi = max(0, i - 3), min(n, i + 4)  # the window of 3 lines each side, the line itself left out
        rhythm = (headlines_before[hi] - headlines_before[lo] - headline[i]) / (hi - lo - 1) if hi - lo > 1 else 0.0
        sh = stats[i].short if stats[i].short is not None else shortness(stats[i].words)
        out.append({
            "own_x_long": logits[i] * (1 - sh),
            "own_x_short": logits[i] * sh,
            "near_x_long": near * (1 - sh),
            "near_x_short": near * sh,
            "wide_x_long": wide * (1 - sh),
            "wide_x_short": wide * sh,
            "short_run": math.log1p(run_len[i]),
            "headline_rhythm": rhythm,
            "rhythm_x_medium": rhythm if 8 <= stats[i].words <= 40 else 0.0,
            "teaser_period": 1.0 if teaser[i] else 0.0,
            "log_words": stats[i].features["log_words"],
            "ends_sentence": stats[i].features["ends_sentence"],
        })
    return out
