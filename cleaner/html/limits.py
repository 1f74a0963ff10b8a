"""Per-page limits of the HTML path: size and time.

Extraction time is bounded with a real-time interval timer (``SIGALRM``):
when the limit passes, the running extraction is interrupted with
:class:`ExtractionTimeout` and the page becomes a rejected document. It costs
nothing per page (two system calls), unlike a worker process, which would copy
every page and its result between processes. The timer interrupts Python code
(trafilatura's extraction, htmldate, our steps); a single call into C code
(one lxml parse, one regular expression) finishes first, which the size limit
bounds. Signals work only in the main thread of the main interpreter on Unix:
elsewhere (a worker thread, Windows) extraction runs without a time limit,
as :func:`time_limit` documents.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


class ExtractionTimeout(BaseException):
    """The time limit of one page passed. A ``BaseException`` (like
    ``KeyboardInterrupt``): the ``except Exception`` blocks inside trafilatura
    and htmldate must not swallow it and carry on without a limit."""


def _can_use_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`ExtractionTimeout` in the block when it runs longer than
    ``seconds`` (0 or less: no limit; no limit either outside the main thread).

    >>> with time_limit(1.0):
    ...     sum(range(10))
    45
    """
    if seconds <= 0 or not _can_use_alarm():
        yield
        return

    def on_alarm(signum, frame):
        raise ExtractionTimeout(f"extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
