"""The Ray engine: the same tasks as the local pool, on Ray actors.

``RayExecutor(address)`` connects to a running cluster (``address``: e.g.
``ray://head:10001`` or ``auto``) or, without one, starts a local Ray. Each
:meth:`~RayExecutor.map` starts ``workers`` actors (default: the cluster's
CPUs), each calling ``task.setup()`` once, feeds them the items round-robin
with at most ``in_flight`` outstanding, and yields the results in item order.
Inputs must be reachable from the workers: paths on a shared filesystem or
URLs (:mod:`cleaner.parallel.remote`). Cross-document steps (the template
index, dedup) reduce in the driver, over the whole corpus.

Ray is optional: ``pip install 'cleaner[ray]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import cycle

from ..errors import CleanerError
from .executor import Executor, Task, chunked_window

INSTALL_HINT = "the Ray engine needs Ray: pip install 'cleaner[ray]' (or run with --engine local)"


def _ray():
    try:
        import ray
    except ImportError as exc:
        raise CleanerError(INSTALL_HINT) from exc
    return ray


class _Worker:
    """An actor holding one task (set up once)."""

    def __init__(self, task: Task):
        self.task = task
        task.setup()

    def run(self, items: list) -> list:
        return [self.task(item) for item in items]


class RayExecutor(Executor):
    def __init__(self, address: str | None = None, workers: int | None = None, in_flight: int | None = None, **init_options):
        ray = self.ray = _ray()
        self.started = False
        if not ray.is_initialized():
            options = {"address": address, "include_dashboard": False, "log_to_driver": False, "logging_level": "ERROR"}
            ray.init(**{**options, **init_options})
            self.started = True
        self.workers = max(1, workers or int(ray.cluster_resources().get("CPU", 1)))
        self.in_flight = in_flight or 4 * self.workers
        self._actor = ray.remote(num_cpus=1)(_Worker)

    def map(self, task: Task, items: Iterable, chunk: int = 1) -> Iterator:
        ray = self.ray
        task_ref = ray.put(task)
        actors = [self._actor.remote(task_ref) for _ in range(self.workers)]
        turn = cycle(actors)
        try:
            yield from chunked_window(lambda group: next(turn).run.remote(group), items, chunk, self.in_flight, ray.get)
        finally:
            for actor in actors:
                ray.kill(actor)

    def close(self) -> None:
        if self.started and self.ray.is_initialized():
            self.ray.shutdown()
        self.started = False

