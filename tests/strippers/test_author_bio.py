"""The author's bio at the end of an article goes."""

from __future__ import annotations

from cleaner.config import Config
from cleaner.document import Document
from cleaner.strippers.author_bio import BIO_ID, AuthorBio
from tests.metadata.pages import BODY

BIO = "Ana Ruiz is a reporter who covers the harbour and the fishing fleet for the Harbour Post."


def strip(lines: list[str], authors: list[str]) -> Document:
    doc = Document.from_text("a.txt", "\n".join(lines))
    doc.meta.authors = authors
    AuthorBio(Config()).strip(doc)
    return doc


def test_bio_at_the_end_goes():
    doc = strip([*BODY, BIO], ["Ana Ruiz"])
    assert doc.lines[-1].removal is not None and doc.lines[-1].removal.rule_id == BIO_ID
    assert all(line.kept for line in doc.lines[:-1])


def test_bio_with_credentials():
    doc = strip([*BODY, "Ana Ruiz, CFP®, has written about money for ten years."], ["Ana Ruiz"])
    assert not doc.lines[-1].kept


def test_name_in_the_story_or_at_its_top_stays():
    """A sentence about the author high up is the story (an interview, a first-person piece)."""
    doc = strip([BIO, *BODY], ["Ana Ruiz"])
    assert all(line.kept for line in doc.lines)


def test_other_people_and_organisations_stay():
    assert all(line.kept for line in strip([*BODY, "Tom Reed is the harbour master."], ["Ana Ruiz"]).lines)
    assert all(line.kept for line in strip([*BODY, "Acme is a platform for ports."], ["Acme"]).lines)
    assert all(line.kept for line in strip([*BODY, "Harbour Team is a group of volunteers."], ["Harbour Team"]).lines)


def test_author_box_without_a_known_author():
    """No author was found, but "About Ana Ruiz" and her bio below it are still an author box."""
    doc = strip([*BODY, "About Ana Ruiz", BIO], [])
    assert doc.lines[-1].removal is not None and doc.lines[-1].removal.rule_id == BIO_ID
    assert all(line.kept for line in strip([*BODY, BIO], []).lines)  # a bio with no box heading: no author, no removal
    assert all(line.kept for line in strip([*BODY, "About Ana Ruiz", "Tom Reed is the harbour master."], []).lines)
