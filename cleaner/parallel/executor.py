"""Executors: where the map side of a run happens.

A run is a sequence of maps over the input files (a template-line pass, then
the cleaning pass), each followed by a reduce in the driver (the template
index; dedup and writing). An :class:`Executor` runs one map:
``executor.map(task, items)`` yields ``task(item)`` for every item, **in the
order of the items**, while at most ``in_flight`` items are being worked on
or waiting to be consumed, so memory does not grow with the number of inputs
and reading, cleaning and writing overlap.

A task is a picklable object with ``setup()`` (called once per worker before
its first item: build the cleaner, load models) and ``__call__(item)``. The
same task runs in this process (:class:`SerialExecutor`), in a local process
pool (:class:`ProcessExecutor`) or on Ray actors
(:class:`cleaner.parallel.ray_engine.RayExecutor`): one code path, so the
output does not depend on the executor.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Any, Protocol


class Task(Protocol):
    def setup(self) -> None: ...

    def __call__(self, item: Any) -> Any: ...


class Executor:
    """Runs a task over items, yielding the results in input order. A
    context manager: leaving it closes the executor (a no-op unless it holds
    workers)."""

    #: how many items are worked on at once
    workers: int

    def map(self, task: Task, items: Iterable, chunk: int = 1) -> Iterator:
        """``task(item)`` for every item, in item order. ``chunk``: items sent
        to a worker together (cheap items: one round trip for several); the
        results are the same whatever the chunk."""
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def available_cores() -> int:
    """The cores this process may run on (the default ``--workers``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class SerialExecutor(Executor):
    """Everything in this process, one item at a time."""

    workers = 1

    def map(self, task: Task, items: Iterable, chunk: int = 1) -> Iterator:
        task.setup()
        for item in items:
            yield task(item)


# The task of a pool worker process: set once by the pool's initializer (one
# per process, owned by that worker process; the driver never sets it).
_worker_task: Task | None = None


def _init_worker(task: Task, driver: int) -> None:
    global _worker_task
    _worker_task = task
    threading.Thread(target=_exit_with, args=(driver,), daemon=True, name="cleaner-driver-watch").start()
    task.setup()


def _exit_with(driver: int, interval: float = 1.0) -> None:
    """End this worker when the driver process is gone (killed with SIGKILL,
    it cannot shut its pool down; a worker blocked on a full result pipe would
    wait forever)."""
    while True:
        time.sleep(interval)
        try:
            os.kill(driver, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # alive, another user's
            pass


def _call_worker(items: list) -> list:
    return [_worker_task(item) for item in items]


def grouped(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive items in lists of ``size`` (the last may be shorter).

    >>> list(grouped(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    items = iter(items)
    while group := list(islice(items, size)):
        yield group


def chunked_window(submit_chunk, items: Iterable, chunk: int, in_flight: int, result) -> Iterator:
    """:func:`ordered_window` over chunks of ``chunk`` items (``submit_chunk(list)
    -> handle`` whose result is the list of the items' results), flattened
    back to one result per item, in item order."""
    for results in ordered_window(submit_chunk, grouped(items, max(1, chunk)), in_flight, result):
        yield from results


def ordered_window(submit, items: Iterable, in_flight: int, result) -> Iterator:
    """Submit ``items`` with ``submit(item) -> handle`` keeping at most
    ``in_flight`` handles outstanding, and yield ``result(handle)`` in item
    order. The window moves when the oldest item is consumed.

    >>> list(ordered_window(lambda x: x * 2, range(5), 2, lambda h: h))
    [0, 2, 4, 6, 8]
    """
    if in_flight < 1:
        raise ValueError("in_flight must be at least 1")
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= in_flight:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


class ProcessExecutor(Executor):
    """A local pool of ``workers`` processes (``forkserver`` start: no fork of
    a threaded driver; the server preloads the cleaner so workers start fast).
    ``in_flight`` (default 4 per worker) bounds the items (chunks of items,
    with ``chunk``) submitted and not yet consumed. A new pool is started per :meth:`map` (each pass has its own task).

    Starting a pool costs a second or two (processes, then the cleaner in each),
    the time to clean a hundred pages: a map of fewer than ``min_items`` items
    runs in this process instead (the output is the same either way)."""

    def __init__(self, workers: int | None = None, in_flight: int | None = None, min_items: int = 64):
        self.workers = max(1, workers or available_cores())
        self.in_flight = in_flight or 4 * self.workers
        self.min_items = min_items
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            self._context.set_forkserver_preload(["cleaner.parallel.work"])

    def map(self, task: Task, items: Iterable, chunk: int = 1) -> Iterator:
        items = iter(items)
        first = list(islice(items, self.min_items))
        if len(first) < self.min_items:
            yield from SerialExecutor().map(task, first)
            return
        items = chain(first, items)
        with ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=_init_worker,
                                 initargs=(task, os.getpid())) as pool:
            yield from chunked_window(lambda group: pool.submit(_call_worker, group), items, chunk, self.in_flight, Future.result)


def make_executor(engine: str = "local", workers: int | None = None, address: str | None = None) -> Executor:
    """The executor for ``--engine`` and ``--workers``: ``local`` with one
    worker runs in this process; ``ray`` connects to (or starts) a Ray cluster."""
    if engine == "ray":
        from .ray_engine import RayExecutor

        return RayExecutor(address=address, workers=workers)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use 'local' or 'ray'")
    workers = workers or available_cores()
    return SerialExecutor() if workers == 1 else ProcessExecutor(workers)
