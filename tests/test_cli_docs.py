"""CLI polish: every command and option has help with an example, the README
documents every command and option; the new inputs, outputs and report from the
command line."""

from __future__ import annotations

import json
import re

import pytest

from cleaner.cli import COMMANDS, main
from tests.conftest import ROOT
from tests.corpus_maker import ARTICLES, pipeline_records, write_jsonl, write_warc
from tests.test_cli import cli

#: every command line, as typed after "python -m cleaner"
COMMAND_LINES = [["run"], ["rules"], ["rules", "check"], ["explain"]]
OPTION = re.compile(r"^\s{2}((?:-\w(?: \S+)?, )?--[\w-]+)", re.M)


def help_text(capsys, words: list[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main([*words, "--help"])
    assert exit_info.value.code == 0
    return capsys.readouterr().out


def options(text: str) -> list[str]:
    return [re.search(r"--[\w-]+", m).group(0) for m in OPTION.findall(text) if "--help" not in m]


def option_help(text: str, option: str) -> str:
    """The help of one option: its line and the indented lines after it."""
    match = re.search(rf"^\s{{2}}(?:-\w(?: \S+)?, )?{option}\b.*(?:\n\s{{8,}}.*)*", text, re.M)
    return match.group(0)


def test_command_list_is_complete():
    assert {words[0] for words in COMMAND_LINES} == set(COMMANDS)


@pytest.mark.parametrize("words", COMMAND_LINES, ids=" ".join)
def test_every_command_has_help_with_an_example(capsys, words):
    text = help_text(capsys, words)
    assert re.search(r"^examples?:\n\s+python -m cleaner", text, re.M), f"{words}: no example in --help"
    epilog = text[text.index("example"):]
    for option in options(text):
        body = option_help(text, option)
        assert len(body.split()) > 3, f"{words} {option}: no help text"
        assert "Example:" in body or option in epilog, f"{words} {option}: no example (in its help or the command's examples)"


def test_option_scan_finds_options(capsys):
    found = options(help_text(capsys, ["run"]))
    assert {"--output", "--report-html", "--text-field", "--rules"} <= set(found)


def test_readme_documents_every_command_and_option(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for words in COMMAND_LINES:
        shown = "python -m cleaner INPUT" if words == ["run"] else "python -m cleaner " + " ".join(words)
        assert shown in readme, f"README does not document '{shown}'"
        for option in options(help_text(capsys, words)):
            assert option in readme, f"README does not document {' '.join(words)} {option}"


def test_warc_to_parquet_with_report_page(tmp_path):
    pytest.importorskip("pyarrow", reason="pyarrow is the optional 'parquet' extra; CI installs it")
    write_warc(tmp_path / "crawl.warc.gz")
    result = cli(tmp_path / "crawl.warc.gz", "-o", tmp_path / "out.parquet", "--report-html")
    assert result.returncode == 0, result.stderr
    assert f"{len(ARTICLES)} inputs = {len(ARTICLES)} kept" in result.stderr and "report in" in result.stderr
    assert {p.name for p in tmp_path.iterdir()} >= {"out.parquet", "out.report.json", "out.report.html"}
    report = json.loads((tmp_path / "out.report.json").read_text(encoding="utf-8"))
    assert report["files"] == 1 and report["documents"] == len(ARTICLES)


def test_jsonl_fields_from_the_command_line(tmp_path):
    write_jsonl(tmp_path / "docs.jsonl", pipeline_records())
    result = cli(tmp_path / "docs.jsonl", "--text-field", "content", "--id-field", "doc_id", "--url-field", "metadata.url",
                 "-o", tmp_path / "out.jsonl", "--report", tmp_path / "r" / "report.json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["source"].rsplit("#", 1)[1] for r in records] == ["doc-0", "doc-1", "doc-2"]
    assert records[0]["url"] == "https://valley-courier.example/0"
    assert (tmp_path / "r" / "report.json").exists()
    missing = cli(tmp_path / "docs.jsonl", "-o", tmp_path / "o2.jsonl")
    assert missing.returncode == 1 and "--text-field" in (tmp_path / "o2.rejects.jsonl").read_text(encoding="utf-8")


def test_report_html_name_must_be_a_page(tmp_path):
    result = cli("--report-html", tmp_path, tmp_path)
    assert result.returncode == 2 and "must end in .html" in result.stderr


def test_explain_html_of_a_warc(tmp_path):
    write_warc(tmp_path / "crawl.warc.gz")
    result = cli("explain", tmp_path / "crawl.warc.gz", "--html", tmp_path / "explain.html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "explain.html").read_text(encoding="utf-8")
    assert page.count('<article class="document">') == len(ARTICLES) and "<del " in page and 'class="legend"' in page
    text = cli("explain", tmp_path / "crawl.warc.gz", "--color", "always")
    assert text.returncode == 0 and text.stdout.count("# metadata") == len(ARTICLES) and "\x1b[" in text.stdout
