"""A progress line on stderr: phase, files done, documents/s, ETA.

Shown only on a terminal (``stream.isatty()``) and never with ``--quiet``;
redrawn at most every ``interval`` seconds, so it costs nothing per document.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _clock(seconds: float) -> str:
    """``H:MM:SS`` or ``M:SS``.

    >>> _clock(75), _clock(3725)
    ('1:15', '1:02:05')
    """
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """``start(phase, files)``, then ``advance(docs)`` per finished file, ``finish()`` at the end."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None, interval: float = 0.2, clock=time.monotonic):
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled if enabled is not None else bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval
        self.clock = clock
        self.phase, self.total, self.files, self.docs = "", 0, 0, 0
        self.started = self.drawn = 0.0
        self.width = 0

    @classmethod
    def for_terminal(cls, quiet: bool = False, stream: TextIO | None = None) -> Progress:
        """The CLI's bar: on when ``stream`` (stderr) is a terminal, off with ``quiet``."""
        bar = cls(stream)
        bar.enabled = bar.enabled and not quiet
        return bar

    def start(self, phase: str, files: int) -> None:
        if self.phase:
            self._draw(final=True)
        self.phase, self.total, self.files, self.docs = phase, files, 0, 0
        self.started = self.clock()
        self.drawn = float("-inf")

    def advance(self, docs: int, files: int = 1) -> None:
        self.files += files
        self.docs += docs
        if self.enabled and self.clock() - self.drawn >= self.interval:
            self._draw()

    def line(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.docs / elapsed
        text = f"cleaner {self.phase}: {self.files}/{self.total} files, {self.docs} docs, {rate:,.0f} docs/s"
        if 0 < self.files < self.total:
            text += f", ETA {_clock(elapsed * (self.total - self.files) / self.files)}"
        elif self.files >= self.total:
            text += f", {_clock(elapsed)}"
        return text

    def _draw(self, final: bool = False) -> None:
        if not self.enabled:
            return
        text = self.line()
        self.stream.write("\r" + text.ljust(self.width) + ("\n" if final else ""))
        self.stream.flush()
        self.width = 0 if final else len(text)
        self.drawn = self.clock()

    def finish(self) -> None:
        if self.phase:
            self._draw(final=True)
        self.phase = ""
