"""A caller's step list (``Cleaner(steps=...)``) is used by every kind of run: one
document, ``Cleaner.run`` (which rebuilds its pipeline with the template-line
index), and worker processes."""

from __future__ import annotations

import json

from cleaner import Cleaner
from cleaner.api import default_steps
from cleaner.document import Document
from cleaner.parallel import ProcessExecutor
from cleaner.runner import run
from cleaner.steps import Annotator
from tests.conftest import FIXTURES


class TagSection(Annotator):
    """Marks every document it sees, so the output shows the step ran."""

    name = "test.tag-section"

    def annotate(self, doc: Document) -> None:
        doc.meta.sections.append("seen-by-custom-step")


def tagged_steps(config, rules, detector, resources, templates=None):
    """Module level, so worker processes can import it."""
    return [*default_steps(config, rules, detector, resources, templates), TagSection()]


def sections(path) -> list[list[str]]:
    return [json.loads(line)["sections"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_document_and_cleaner_run_use_the_callers_steps():
    cleaner = Cleaner(steps=tagged_steps)
    text = (FIXTURES / "plain_paragraphs_no_chrome.txt").read_text(encoding="utf-8")
    assert "seen-by-custom-step" in cleaner.clean_text(text).meta.sections
    docs = [doc for doc in cleaner.run([FIXTURES]) if doc.status.value == "kept"]
    assert docs and all("seen-by-custom-step" in doc.meta.sections for doc in docs)
    assert not any("seen-by-custom-step" in d.meta.sections for d in Cleaner().run([FIXTURES]))  # the default has none


def test_worker_processes_use_the_callers_steps(tmp_path):
    run(Cleaner(steps=tagged_steps), [FIXTURES], output=tmp_path / "out.jsonl",
        executor=ProcessExecutor(2, min_items=0))
    found = sections(tmp_path / "out.jsonl")
    assert found and all("seen-by-custom-step" in s for s in found)
