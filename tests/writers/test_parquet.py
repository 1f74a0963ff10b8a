"""Parquet output: the same records as JSONL, typed columns; a clear error without pyarrow."""

from __future__ import annotations

import builtins
import json

import pytest

from cleaner import Cleaner
from cleaner.errors import CleanerError
from cleaner.runner import run
from cleaner.writers import open_writer
from tests.conftest import FIXTURES


def test_parquet_has_the_jsonl_records(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the optional 'parquet' extra; CI installs it")
    jsonl, parquet = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    run(Cleaner(), [FIXTURES], output=str(jsonl))
    summary = run(Cleaner(), [FIXTURES], output=str(parquet))
    expected = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    table = pq.read_table(parquet)
    rows = table.to_pylist()
    for row in rows:  # Arrow structs have every key; JSONL leaves 'field' out when there is none
        for removed in row["removed"]:
            if removed["field"] is None:
                del removed["field"]
    assert rows == expected and summary.kept == len(rows) > 0
    assert table.column_names == list(expected[0])
    assert str(table.schema.field("removed").type).startswith("list<element: struct<rule: string, line: int64")
    assert (tmp_path / "out.rejects.jsonl").exists() and (tmp_path / "out.report.json").exists()
    assert not list(tmp_path.glob(".tmp-*"))


def test_empty_parquet_still_has_the_schema(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is the optional 'parquet' extra; CI installs it")
    path = tmp_path / "empty.parquet"
    with open_writer(str(path)):
        pass
    assert "text" in pq.read_schema(path).names


def test_parquet_without_pyarrow_says_how_to_install(monkeypatch, tmp_path):
    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError("No module named 'pyarrow'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(CleanerError, match=r"pip install 'cleaner\[parquet\]'"):
        run(Cleaner(), [FIXTURES], output=str(tmp_path / "out.parquet"))
    assert not (tmp_path / "out.parquet").exists()
