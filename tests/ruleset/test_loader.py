"""Rule files are validated on load, with errors naming file, line and id."""

from __future__ import annotations

import textwrap

import pytest

from cleaner.errors import RuleFileError
from cleaner.ruleset import builtin_rules_dir, load_rules


def write(tmp_path, text, name="r.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems_for(tmp_path, text):
    write(tmp_path, text)
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path])
    return info.value.problems


def test_builtin_rules_load():
    rules = load_rules([builtin_rules_dir()])
    assert len(rules) >= 10
    assert all(rule.rationale for rule in rules.rules)


def test_valid_rule_compiles(tmp_path):
    write(tmp_path, """
        [[rule]]
        id = "x.drop"
        rationale = "test"
        kind = "drop_line"
        pattern = '^Share$'
    """)
    (rule,) = load_rules([tmp_path]).rules
    assert rule.kind == "drop_line" and rule.pattern.search("Share") and rule.line == 2


def test_unknown_key_names_file_line_and_id(tmp_path):
    problem, missing = problems_for(tmp_path, """
        # comment

        [[rule]]
        id = "x.typo"
        rationale = "test"
        kind = "drop_line"
        patern = '^Share$'
    """)
    assert "r.toml:4:" in problem and "'x.typo'" in problem and "unknown key 'patern'" in problem
    assert "missing key 'pattern'" in missing


@pytest.mark.parametrize("pattern, message", [("''", "is empty"), ("'(unclosed'", "not a valid regular expression"),
                                              ("'a*'", "matches the empty string")])
def test_bad_patterns(tmp_path, pattern, message):
    (problem,) = problems_for(tmp_path, f"""
        [[rule]]
        id = "x.bad"
        rationale = "test"
        kind = "drop_line"
        pattern = {pattern}
    """)
    assert message in problem and "'x.bad'" in problem


def test_duplicate_ids_across_files(tmp_path):
    rule = """
        [[rule]]
        id = "x.same"
        rationale = "test"
        kind = "drop_line"
        pattern = 'a'
    """
    write(tmp_path, rule, "a.toml")
    write(tmp_path, rule, "b.toml")
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path])
    (problem,) = info.value.problems
    assert "b.toml:2" in problem and "duplicate id" in problem and "a.toml:2" in problem


def test_all_problems_reported_together(tmp_path):
    problems = problems_for(tmp_path, """
        [[rule]]
        id = "x.one"
        kind = "nonsense"
        rationale = "r"

        [[rule]]
        id = "x.two"
        rationale = "r"
        kind = "extract_field"
        field = "colour"
        pattern = 'x'

        [[rule]]
        id = "x.three"
        rationale = "r"
        kind = "date_order"
        order = "day-first"
    """)
    text = "\n".join(problems)
    assert "unknown kind 'nonsense'" in text
    assert "'field' must be one of" in text
    assert "needs a scope" in text
    assert len(problems) == 3


def test_missing_required_keys(tmp_path):
    problems = problems_for(tmp_path, """
        [[rule]]
        id = "x.cut"
        kind = "cut_section"
    """)
    text = "\n".join(problems)
    assert "missing key 'rationale'" in text and "missing key 'start'" in text


def test_error_message_says_what_to_do(tmp_path):
    write(tmp_path, "[[rule]]\nid = 'BAD ID'\n")
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path])
    assert "rules check" in str(info.value)


def test_site_rules_can_be_switched_off():
    rules = load_rules([builtin_rules_dir()])
    generic = rules.without_site_rules()
    assert 0 < len(generic) < len(rules)
    assert not any(rule.scope.is_site for rule in generic.rules)
