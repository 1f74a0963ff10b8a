"""The Ray engine on a local cluster started here (``ray.init(num_cpus=2)``,
once for the module: Ray takes seconds to start). In CI Ray must be installed
(.ci/run installs the ``ray`` extra): there the test fails rather than skips."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.parallel import parallel_documents
from tests.conftest import FIXTURES
from tests.parallel.corpus import inputs
from tests.parallel.test_parallel import corpus, outputs, reference  # noqa: F401 (fixtures)

if os.environ.get("CI"):
    import ray
else:
    ray = pytest.importorskip("ray", reason="the Ray engine is optional: pip install 'cleaner[ray]'")


@pytest.fixture(scope="module")
def ray_executor():
    from cleaner.parallel.ray_engine import RayExecutor

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    executor = RayExecutor()
    assert executor.workers == 2 and not executor.started  # joined the running cluster, which it will not stop
    yield executor
    ray.shutdown()


@pytest.mark.parametrize("name", ["corpus", "fixtures"])
def test_ray_is_byte_identical(name, ray_executor, corpus, reference, tmp_path):  # noqa: F811
    paths = inputs(corpus) if name == "corpus" else [FIXTURES]
    assert outputs(paths, tmp_path / "out.jsonl", ray_executor) == reference[name]


def test_ray_reads_file_urls(ray_executor, corpus, tmp_path):  # noqa: F811
    """An fsspec URL (file:// here; s3:// with s3fs) is read by the workers; sources name the URL."""
    pytest.importorskip("fsspec")
    folder = Path(corpus) / "txt"
    by_path = list(Cleaner().run([folder]))
    by_url = list(parallel_documents(Cleaner(), [folder.as_uri()], ray_executor))
    assert [d.source for d in by_url] == [folder.as_uri() + "/" + Path(d.source).name for d in by_path]
    assert [(d.status, d.text) for d in by_url] == [(d.status, d.text) for d in by_path]
