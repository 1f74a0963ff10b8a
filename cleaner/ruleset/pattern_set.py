"""Which of many rule patterns can match a line, in one RE2 pass.

Every line rule searches every line of every page; with a few dozen rules that
is most of the regex work of a run, although almost no line matches any rule.
:class:`PatternSet` asks one ``re2.Set`` which patterns match a line, so the
rules only search the few lines the set names. The set is a prefilter: a
pattern it names is still searched with its own :class:`SafePattern` (which
gives the match object the rule needs), so it never changes what matches.

``RE2::Set`` matching can fail (its DFA out of memory) and then reports the
same empty result as "nothing matches". The set therefore holds one more
pattern, the empty one, which matches every line: an empty answer means the
set failed, and :meth:`PatternSet.candidates` returns ``None``, "try every
pattern". A set RE2 refuses to build gives ``None`` for every line.
"""

from __future__ import annotations

from collections.abc import Sequence

import re2

from .safe_regex import _SURROGATE, MAX_MEMORY, SafePattern

#: appended to the set: matches every line, so an empty answer can only be a failure
_ALWAYS = ""


class PatternSet:
    """The patterns ``patterns[i]`` that can match a line, as indexes ``i``."""

    __slots__ = ("patterns", "index", "_set")

    def __init__(self, patterns: Sequence[SafePattern]):
        self.patterns = tuple(patterns)
        #: pattern -> its index (equal patterns share one)
        self.index = {pattern: i for i, pattern in reversed(list(enumerate(self.patterns)))}
        self._set = _compile_set(self.patterns) if self.patterns else None

    def candidates(self, text: str) -> frozenset[int] | None:
        """Indexes of the patterns that match somewhere in ``text`` (lone
        surrogates read as U+FFFD, as :meth:`SafePattern.search` reads them),
        or ``None`` when the set cannot tell: then every pattern may match."""
        if self._set is None:
            return None
        try:
            found = self._set.Match(text)
        except UnicodeEncodeError:
            found = self._set.Match(_SURROGATE.sub("\ufffd", text))
        if not found:  # the always-matching pattern is missing: matching failed
            return None
        return frozenset(found)

    def __reduce__(self):  # picklable (worker processes), recompiled on load
        return (PatternSet, (self.patterns,))


def _compile_set(patterns: Sequence[SafePattern]):
    """An unanchored ``re2.Set`` of the patterns (same options as
    :func:`~cleaner.ruleset.safe_regex.compile_pattern`) and the
    always-matching one, or ``None`` if RE2 cannot build it."""
    options = re2.Options()
    options.log_errors = False
    options.max_mem = MAX_MEMORY
    pattern_set = re2.Set.SearchSet(options)
    try:
        for pattern in patterns:
            pattern_set.Add(pattern.translated)
        pattern_set.Add(_ALWAYS)
        pattern_set.Compile()
    except re2.error:
        return None
    return pattern_set
