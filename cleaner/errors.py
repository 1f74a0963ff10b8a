"""The small error hierarchy of cleaner.

Every error says what went wrong and what to do about it. The library raises
these; the CLI turns them into one-line messages and an exit code. Errors about
one input file never stop a folder run: the pipeline records them as rejects
with ``status: error`` and goes on.
"""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error cleaner raises on purpose."""


class RuleFileError(CleanerError):
    """A rule file is invalid. ``problems`` lists every problem found, each
    naming the file, the line and the rule id."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in rule files"
        body = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{head}:\n{body}\nFix the rule(s) above; `python -m cleaner rules check DIR` re-checks them.")


class InputError(CleanerError):
    """One input file cannot be read or decoded. ``reason`` is short and
    human-readable; it becomes the reject's ``reason``."""

    def __init__(self, source: str, reason: str, reason_id: str = "error.input"):
        self.source = source
        self.reason = reason
        #: what kind of problem, for counting and filtering: ``error.empty``, ``error.binary``, ``error.gzip``,
        #: ``error.too-large``, ``error.unreadable``, ``error.timeout``; ``error.input`` when nothing more specific
        self.reason_id = reason_id
        super().__init__(f"{source}: {reason}")


class DecodeError(InputError):
    """The bytes of an input are not text in any encoding we can detect."""


class RunStopped(CleanerError):
    """A run stopped before its end (``--fail-fast`` met an input error); nothing
    was written under the output names and the checkpoint is kept."""


class ResumeError(CleanerError):
    """``--resume`` cannot continue the interrupted run (its inputs or options changed)."""


class ConfigError(CleanerError):
    """An option or configuration value is invalid."""
