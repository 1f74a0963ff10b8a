"""A time cap per document, so that one pathological page cannot stall a run.

:func:`time_limit` arms a timer (``SIGALRM`` via ``setitimer``); when it
expires, :class:`DocumentTimeout` is raised in the code that is running.
It derives from ``BaseException`` so that libraries which catch
``Exception`` (trafilatura does, generously) cannot swallow it, and the timer
keeps firing every :data:`_REPEAT` seconds until the limit is left, in case
some code catches everything anyway.

Limits: Python checks for signals between bytecodes, so a single long call
into C (one lxml parse, one regex search) finishes before the timeout is
raised. Those calls are linear in the input here (lxml parses in linear time;
rule patterns run on RE2, see :mod:`cleaner.ruleset.safe_regex`) and inputs are
size-capped (``Config.max_input_bytes``), so the overshoot is bounded. Outside
the main thread, or where ``setitimer`` does not exist (Windows), there is no
time cap (signals can only be handled by the main thread).

Limits nest: an inner limit inside an active one does nothing (the outer one
governs), so reading + cleaning one file share a single budget.
"""

from __future__ import annotations

import signal
import threading
import time

#: after the limit, the timer fires again this often until the limited block is left
_REPEAT = 0.05


class DocumentTimeout(BaseException):  # a BaseException on purpose, like KeyboardInterrupt
    """Processing one document took longer than its time limit."""


def timeout_reason(seconds: float) -> str:
    return (f"processing took longer than the {seconds:g}-second limit (max_seconds_per_document); "
            "the page may be pathological (deeply nested or huge HTML); raise the limit to try harder")


class time_limit:  # lower case: used like a function, ``with time_limit(5):``
    """``with time_limit(seconds): ...`` raises :class:`DocumentTimeout` in the
    block after ``seconds``. ``None`` or ``0``: no limit.

    >>> with time_limit(5):
    ...     sum(range(10))
    45
    """

    _active: time_limit | None = None  # the limit in force (signals go to one thread: the main one)

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self._armed = False
        self._previous = None
        self._deadline = 0.0

    def __enter__(self) -> time_limit:
        if (not self.seconds or self.seconds <= 0 or not hasattr(signal, "setitimer")
                or threading.current_thread() is not threading.main_thread()):
            return self
        current = time_limit._active
        if current is not None:
            if current._armed:
                return self  # nested: the outer limit governs
            current._release()  # expired and handled, but its block not left yet
        self._previous = signal.signal(signal.SIGALRM, self._expired)
        time_limit._active = self
        self._deadline = time.monotonic() + self.seconds
        self._armed = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds, _REPEAT)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if time_limit._active is self:
            self._release()

    def _release(self) -> None:
        """Stop the timer and give SIGALRM back; idempotent. (The timer may
        fire while this runs: ``_armed`` is cleared first, so that it does not
        raise; if it raised just before, the caller's ``except
        DocumentTimeout`` calls :meth:`handled`, which finishes the job.)"""
        self._armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        if time_limit._active is self:
            time_limit._active = None
            signal.signal(signal.SIGALRM, self._previous if self._previous is not None else signal.SIG_DFL)

    @staticmethod
    def handled() -> None:
        """Call where a :class:`DocumentTimeout` is caught and turned into a
        result: the limit is over (the timer stops, SIGALRM is given back)."""
        if time_limit._active is not None:
            time_limit._active._release()

    def _expired(self, signum, frame) -> None:
        # (a signal of an earlier limit handled late must not cut this one short: the deadline decides)
        if self._armed and time_limit._active is self and time.monotonic() >= self._deadline:
            raise DocumentTimeout(self.seconds)
