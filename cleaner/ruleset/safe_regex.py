"""Rule patterns matched in linear time: Python regex syntax, RE2 engine.

Patterns from user rule files run on every line of every page; with Python's
backtracking ``re`` one careless pattern (``(a+)+$``) can take minutes on a
30-character line and stall the whole run. Rule patterns are therefore
compiled with RE2 (google-re2), whose matching time is linear in the line.

The patterns keep Python's meaning where the two engines differ:

* ``\\w \\W \\d \\D \\s \\S`` are Unicode-aware in Python and ASCII-only in RE2;
  they are rewritten to Unicode classes (``\\w`` → ``[\\p{L}\\p{N}_]``);
* ``\\uXXXX`` / ``\\UXXXXXXXX`` become ``\\x{...}``, ``\\Z`` becomes ``\\z``,
  ``{,n}`` becomes ``{0,n}`` (RE2 would read it literally).

Refused at load, with the reason (the loader adds file, line and rule id):

* what RE2 cannot run in linear time: backreferences (``\\1``, ``(?P=name)``),
  lookarounds (``(?=``, ``(?!``, ``(?<=``, ``(?<!``), atomic groups and
  possessive quantifiers. They cannot be bounded, so they are not allowed;
  the message says how to rewrite;
* ``\\W``, ``\\S`` or ``\\D``-like negated classes inside ``[...]`` that have no
  Unicode equivalent in RE2 (``\\D`` has one: ``\\P{Nd}``);
* patterns whose compiled program exceeds :data:`MAX_PROGRAM_SIZE`
  instructions (huge counted repetitions): slow to build and memory-hungry.

Known difference: ``\\b`` / ``\\B`` are ASCII word boundaries in RE2 (between
``é`` and a space there is none, between ``f`` and ``é`` there is one). The
built-in rules only put ``\\b`` next to ASCII letters, where both agree.
"""

from __future__ import annotations

import re

import re2

#: a rule pattern compiling to more RE2 instructions than this is refused as too complex
MAX_PROGRAM_SIZE = 150_000
#: memory RE2 may use for one compiled pattern (its default is 8 MB)
MAX_MEMORY = 64 << 20

_CLASS_OUTSIDE = {
    "w": r"[\p{L}\p{N}_]",
    "W": r"[^\p{L}\p{N}_]",
    "d": r"\p{Nd}",
    "D": r"\P{Nd}",
    "s": r"[\t-\r\x{1c}-\x{1f}\x{85}\p{Z}]",
    "S": r"[^\t-\r\x{1c}-\x{1f}\x{85}\p{Z}]",
}
_CLASS_INSIDE = {
    "w": r"\p{L}\p{N}_",
    "d": r"\p{Nd}",
    "D": r"\P{Nd}",
    "s": r"\t-\r\x{1c}-\x{1f}\x{85}\p{Z}",
}
_UNBOUNDED = {
    "(?=": "a lookahead '(?=...)'",
    "(?!": "a negative lookahead '(?!...)'",
    "(?<=": "a lookbehind '(?<=...)'",
    "(?<!": "a negative lookbehind '(?<!...)'",
    "(?P=": "a backreference '(?P=name)'",
    "(?>": "an atomic group '(?>...)'",
}
_HINT = ("; rule patterns run on RE2, which matches in linear time and cannot run it: "
         "rewrite the pattern without it (or use max_words / a second rule)")


_SURROGATE = re.compile("[\ud800-\udfff]")


class PatternError(ValueError):
    """A rule pattern is invalid or cannot be matched safely."""


class SafePattern:
    """A compiled rule pattern: ``search`` and ``groupindex`` like
    :class:`re.Pattern`; ``pattern`` is the pattern as the user wrote it.

    >>> p = compile_pattern(r"(?i)^(?P<value>caf\\w+)\\s+x$")
    >>> p.search("Cafés\\u00a0x").group("value"), p.pattern
    ('Cafés', '(?i)^(?P<value>caf\\\\w+)\\\\s+x$')
    """

    __slots__ = ("pattern", "translated", "groupindex", "_regexp", "_search")

    def __init__(self, pattern: str, translated: str, regexp):
        self.pattern = pattern
        self.translated = translated
        self._regexp = regexp
        self._search = regexp.search
        self.groupindex = dict(regexp.groupindex)

    def search(self, text: str):
        """Like :meth:`re.Pattern.search`. Lone surrogates (which RE2 cannot
        take: it matches UTF-8) are matched as U+FFFD, at the same positions."""
        try:
            return self._search(text)
        except UnicodeEncodeError:
            return self._search(_SURROGATE.sub("\ufffd", text))

    def __repr__(self) -> str:
        return f"SafePattern({self.pattern!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, SafePattern) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    def __reduce__(self):  # picklable (worker processes), recompiled on load
        return (compile_pattern, (self.pattern,))


def translate(pattern: str) -> str:
    """Rewrite Python regex syntax to RE2 syntax with Python's meaning.

    >>> translate(r"[\\w.-]+\\d{,3}\\Z")
    '[\\\\p{L}\\\\p{N}_.-]+\\\\p{Nd}{0,3}\\\\z'
    """
    out: list[str] = []
    in_class = False
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            e = pattern[i + 1]
            i += 2
            if e.isdigit() and e != "0":
                raise PatternError(f"uses a backreference '\\{e}'" + _HINT)
            if e in "uU":
                width = 4 if e == "u" else 8
                digits = pattern[i:i + width]
                if len(digits) != width or any(ch not in "0123456789abcdefABCDEF" for ch in digits):
                    raise PatternError(f"bad escape '\\{e}{digits}': give {width} hex digits")
                out.append(f"\\x{{{digits}}}")
                i += width
            elif in_class and e in _CLASS_INSIDE:
                out.append(_CLASS_INSIDE[e])
            elif in_class and e in "WS":
                raise PatternError(f"'\\{e}' inside [...] has no Unicode equivalent in RE2; use a negated class such as [^...]")
            elif not in_class and e in _CLASS_OUTSIDE:
                out.append(_CLASS_OUTSIDE[e])
            elif e == "Z" and not in_class:
                out.append("\\z")
            else:
                out.append("\\" + e)
            continue
        if in_class:
            if c == "]" and not _class_just_opened(out):
                in_class = False
            out.append(c)
        elif c == "(" and pattern.startswith("(?", i):
            for marker, what in _UNBOUNDED.items():
                if pattern.startswith(marker, i):
                    raise PatternError(f"uses {what}" + _HINT)
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
            if pattern.startswith("^", i + 1):
                out.append("^")
                i += 1
        elif c == "{" and pattern.startswith(",", i + 1):
            out.append("{0")
        elif c in "*+?}" and pattern.startswith("+", i + 1) and not _is_escaped_literal(out):
            raise PatternError("uses a possessive quantifier ('*+', '++', '?+' or '}+')" + _HINT)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _class_just_opened(out: list[str]) -> bool:
    """A ``]`` right after ``[`` or ``[^`` is a literal in Python and RE2."""
    return bool(out) and (out[-1] == "[" or (out[-1] == "^" and len(out) > 1 and out[-2] == "["))


def _is_escaped_literal(out: list[str]) -> bool:
    return bool(out) and out[-1].startswith("\\")


def compile_pattern(pattern: str) -> SafePattern:
    """Compile a rule pattern for RE2, or raise :class:`PatternError` saying why not."""
    translated = translate(pattern)
    options = re2.Options()
    options.log_errors = False
    options.max_mem = MAX_MEMORY
    try:
        regexp = re2.compile(translated, options)
    except re2.error as exc:
        message = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise PatternError(f"is not a valid regular expression: {message}") from None
    size = regexp.programsize
    if size > MAX_PROGRAM_SIZE:
        raise PatternError(f"is too complex: {size} RE2 instructions (limit {MAX_PROGRAM_SIZE}); "
                           "use smaller counted repetitions such as {0,100}")
    return SafePattern(pattern, translated, regexp)
