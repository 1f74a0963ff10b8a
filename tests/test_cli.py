"""The command line: run, rules check, explain; help texts; exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from cleaner.cli import COMMANDS, main
from tests.conftest import FIXTURES, ROOT


def cli(*args, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "cleaner", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env, timeout=300)


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_on_fixtures_accounts_for_every_input(tmp_path):
    out = tmp_path / "out.jsonl"
    result = cli(FIXTURES, "-o", out)
    assert result.returncode == 0, result.stderr
    records = read_jsonl(out)
    rejects = read_jsonl(tmp_path / "out.rejects.jsonl") if (tmp_path / "out.rejects.jsonl").exists() else []
    inputs = len(list(FIXTURES.rglob("*.txt")))  # fixtures/dedup/ too
    assert len(records) + len(rejects) == inputs
    assert f"{inputs} inputs = {len(records)} kept + {len(rejects)} rejected" in result.stderr
    assert [r["source"] for r in records] == sorted(r["source"] for r in records)
    assert all(r["reason"] and r["status"] in ("dropped", "error", "duplicate") for r in rejects)
    assert all(set(r) >= {"id", "text", "title", "authors", "published", "language", "removed"} for r in records)
    assert not list(tmp_path.glob(".tmp-*")), "temporary files left behind"


def test_stdout_output_and_unreadable_input_exit_code(tmp_path):
    (tmp_path / "a.txt").write_text("Short page.\n\n" + "A sentence with enough words to be an article body. " * 5, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 20)
    result = cli(tmp_path)
    assert result.returncode == 1
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"].endswith("a.txt")
    assert "error: " in result.stderr and "binary" in result.stderr


def test_no_site_rules_flag(shared, tmp_path):
    out = tmp_path / "o.jsonl"
    assert cli(shared / "seeds", "-o", out, "--no-site-rules").returncode == 0
    rules = {removed["rule"] for record in read_jsonl(out) for removed in record["removed"]}
    assert rules and not any(rule.startswith("site.") for rule in rules)


def test_user_rules_add_to_builtin(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.toml").write_text(
        '[[rule]]\nid = "mine.drop-closing"\nrationale = "test"\nkind = "drop_line"\npattern = "^The first car-free Saturday"\n',
        encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert cli(FIXTURES / "news_banner_breadcrumb.txt", "--rules", rules, "-o", out).returncode == 0
    (record,) = read_jsonl(out)
    assert "mine.drop-closing" in {r["rule"] for r in record["removed"]}


def test_rules_check_ok_and_bad(tmp_path):
    ok = cli("rules", "check")
    assert ok.returncode == 0 and ok.stdout.startswith("ok: ")
    (tmp_path / "bad.toml").write_text('[[rule]]\nid = "x.bad"\nrationale = "r"\nkind = "drop_line"\npattern = "("\n', encoding="utf-8")
    bad = cli("rules", "check", tmp_path)
    assert bad.returncode == 2
    assert re.search(r"bad\.toml:1: rule 'x\.bad': 'pattern' is not a valid regular expression", bad.stderr)


def test_explain_marks_removed_lines():
    result = cli("explain", FIXTURES / "news_banner_breadcrumb.txt", "--color", "never")
    assert result.returncode == 0
    assert "[heuristic.header.title → title]" in result.stdout
    assert "# metadata" in result.stdout and "title: " in result.stdout
    assert "\x1b[" not in result.stdout
    colored = cli("explain", FIXTURES / "news_banner_breadcrumb.txt", "--color", "always")
    assert "\x1b[31m" in colored.stdout


@pytest.mark.parametrize("argv", [["--help"], ["rules", "--help"], ["rules", "check", "--help"], ["explain", "--help"], ["run", "--help"]])
def test_every_command_has_help_with_an_example(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert "example" in capsys.readouterr().out.lower()


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        if command != "run":
            assert f"python -m cleaner {command}" in readme
    assert "python -m cleaner INPUT" in readme


def test_readme_first_lines_are_the_two_commands():
    lines = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.strip()]
    block = lines[lines.index("```") + 1: lines.index("```", lines.index("```") + 1)]
    assert "pip install" in block[0] and "python -m cleaner" in block[0]
    assert "pytest" in block[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert block[1].strip() in ci, "CI must run the README's test command"


def test_output_lines_survive_line_splitting_readers(tmp_path):
    """U+2028/U+2029/U+0085 inside text must not split a JSONL record (score.py reads with splitlines)."""
    body = ("The council met on Monday\u2028to discuss the budget for the coming year, and members voted to keep "
            "the libraries open\u2029on weekends. " * 4)
    (tmp_path / "a.txt").write_text(body + "\n\n" + body.replace("council", "board") + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert cli(tmp_path / "a.txt", "-o", out).returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and "\u2028" in json.loads(lines[0])["text"]
