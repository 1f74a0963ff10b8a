"""A generated corpus for the parallel tests: every kind of input, chrome
that recurs across documents (template lines), copies (dedup), drops and an
unreadable file. All text is made here from word lists."""

from __future__ import annotations

import random
from pathlib import Path

from tests.corpus_maker import page_html, write_jsonl, write_warc

WORDS = ("river harbour council market school bridge library station garden festival museum village farmers "
         "teachers engineers visitors repairs weather summer winter morning evening budget report plan road "
         "water power night week month year city county board ferry train").split()
VERBS = "said opened closed planned built repaired visited announced expected welcomed reported approved".split()
CHROME = ["Home | Local | Sport | Weather | Opinion | Contact us today",
          "Sign up for our free morning newsletter with all the local news",
          "Share this story with your friends and family on social media",
          "Copyright 2024 The Valley Gazette and its partners, all rights reserved"]


def article(rng: random.Random, paragraphs: int) -> list[str]:
    out = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            words = [rng.choice(WORDS) for _ in range(rng.randint(8, 14))]
            words.insert(rng.randint(1, 5), rng.choice(VERBS))
            sentences.append(" ".join(words).capitalize() + ".")
        out.append(" ".join(sentences))
    return out


def page(rng: random.Random, title: str, body: list[str]) -> str:
    return "\n\n".join([CHROME[0], title, *body, *CHROME[1:]])


def make_corpus(root: Path, pages: int = 40, seed: int = 7) -> Path:
    """``root`` gets text pages (some copies, some too short), HTML pages, a
    JSONL file of more than one batch with URLs, a WARC and a binary file."""
    rng = random.Random(seed)
    folder = root / "corpus"
    (folder / "txt").mkdir(parents=True)
    bodies = []
    for i in range(pages):
        body = article(rng, rng.randint(3, 6)) if i % 9 else ["Too short."]
        if i % 7 == 3 and bodies:
            body = list(bodies[rng.randrange(len(bodies))])  # a copy of an earlier article
            body.append("Editor's note: this story was updated with new figures.")
        bodies.append(body)
        (folder / "txt" / f"page-{i:03d}.txt").write_text(page(rng, f"Story number {i} about the {rng.choice(WORDS)}", body))
    (folder / "html").mkdir()
    for i in range(3):
        (folder / "html" / f"page-{i}.html").write_text(page_html(i))
    records = [{"id": f"r{i}", "text": page(rng, f"Record {i}", article(rng, rng.randint(2, 5))),
                "url": f"https://site{i % 3}.example/news/{i}"} for i in range(150)]
    write_jsonl(folder / "feed.jsonl", records)
    write_warc(folder / "crawl.warc.gz")
    (folder / "txt" / "broken.txt").write_bytes(bytes(range(256)) * 4)
    return folder


def inputs(folder: Path) -> list[str]:
    """Folder inputs plus the JSONL file (JSONL is read only when named)."""
    return [str(folder), str(folder / "feed.jsonl")]


class PidTask:
    """A task that notes its worker's pid in ``folder`` and is slow: for the orphaned-worker test."""

    def __init__(self, folder: str):
        self.folder = folder

    def setup(self) -> None:
        import os

        Path(self.folder, str(os.getpid())).touch()

    def __call__(self, item: int) -> bytes:
        import time

        time.sleep(0.05)
        return bytes(100_000)  # results pile up in the pipe once the driver stops reading


class NegateTask:
    """A cheap picklable task: ``-item``; notes that setup ran."""

    def __init__(self):
        self.ready = False

    def setup(self) -> None:
        self.ready = True

    def __call__(self, item: int) -> int:
        assert self.ready
        return -item
