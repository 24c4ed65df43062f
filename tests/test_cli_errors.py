"""Every `humstat` error is one line on standard error, saying what went wrong and what to do,
with a non-zero exit code; `--debug` adds the traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline.cli import main


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("humstat")
    return lines[0]


def test_no_warehouse_says_to_run_first(tmp_path, capsys):
    for argv in (["sql", "SELECT 1"], ["export", str(tmp_path / "f.csv")]):
        assert main([*argv, "--warehouse", str(tmp_path / "none.duckdb")]) == 2
        line = one_line(capsys.readouterr().err)
        assert "no warehouse" in line and "humstat run" in line
    assert not (tmp_path / "f.csv").exists()


def test_bad_sql_names_the_problem(bundled_warehouse, capsys):
    assert main(["sql", "SELEC 1", "--warehouse", str(bundled_warehouse)]) == 1
    assert "syntax error" in one_line(capsys.readouterr().err)
    assert main(["sql", "SELECT * FROM no_such_table", "--warehouse", str(bundled_warehouse)]) == 1
    line = one_line(capsys.readouterr().err)
    assert "no_such_table" in line and "SHOW TABLES" in line


def test_unwritable_output_says_why(bundled_warehouse, tmp_path, capsys):
    missing_folder = tmp_path / "nowhere" / "f.csv"
    assert main(["export", str(missing_folder), "--warehouse", str(bundled_warehouse)]) == 1
    assert "folder does not exist" in one_line(capsys.readouterr().err)
    assert main(["export", "--format", "csv", str(tmp_path), "--warehouse", str(bundled_warehouse)]) == 2
    assert "is a folder" in one_line(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []  # no partial file left behind


def test_unknown_or_unguessable_format(bundled_warehouse, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "xlsx", str(tmp_path / "f.xlsx")])
    assert exit_info.value.code == 2
    line = one_line(capsys.readouterr().err)
    assert "invalid choice: 'xlsx'" in line and "humstat export --help" in line
    assert main(["export", str(tmp_path / "f.txt"), "--warehouse", str(bundled_warehouse)]) == 2
    assert "--format" in one_line(capsys.readouterr().err)
    with pytest.raises(SystemExit):
        main(["sql", "--format", "xml", "SELECT 1"])
    assert "invalid choice: 'xml'" in one_line(capsys.readouterr().err)


def test_parquet_needs_a_file(bundled_warehouse, capsys):
    assert main(["export", "--format", "parquet", "-", "--warehouse", str(bundled_warehouse)]) == 2
    assert "binary" in one_line(capsys.readouterr().err)


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(monkeypatch, tmp_path, capsys):
    import pipeline.cli.export as export_command

    def broken(*args, **kwargs):
        raise RuntimeError("something inside broke\nwith a second line")

    monkeypatch.setattr(export_command, "export_figures", broken)
    assert main(["export", str(tmp_path / "f.csv")]) == 1
    line = one_line(capsys.readouterr().err)
    assert "RuntimeError: something inside broke" in line and "--debug" in line
    for argv in (["--debug", "export", str(tmp_path / "f.csv")], ["export", "--debug", str(tmp_path / "f.csv")]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "Traceback (most recent call last)" in err and "in broken" in err
        assert err.splitlines()[-1].startswith("humstat: unexpected RuntimeError")


def test_debug_from_the_environment(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("HUMSTAT_DEBUG", "1")
    assert main(["sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_missing_command_is_one_line(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    assert "humstat --help" in one_line(capsys.readouterr().err)


def test_a_warehouse_held_by_another_process_says_to_wait(monkeypatch, tmp_path, capsys):
    import duckdb

    import pipeline.cli.run as run_command

    def held(**kwargs):
        raise duckdb.IOException('IO Error: Could not set lock on file "humstat.duckdb": Conflicting lock is held')

    monkeypatch.setattr(run_command, "run_pipeline", held)
    assert main(["run", "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert "held by another process" in one_line(capsys.readouterr().err)


@pytest.fixture
def small_warehouse_file(tmp_path):
    from tests import small_warehouse

    return small_warehouse.build(
        tmp_path / "warehouse" / "humstat.duckdb",
        [small_warehouse.document("d1", "a.txt")],
        [small_warehouse.figure("f1", "d1", "killed", 12)],
    )


def humstat_in_a_process(*argv: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pipeline.cli", *argv]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "query",
    [
        "CALL enable_logging(storage='file', storage_path='{log}'); SELECT 1",
        "SELECT 1; SELECT * FROM enable_logging(storage='file', storage_path='{log}')",
    ],
)
def test_sql_that_changes_settings_is_one_line_not_a_crash(small_warehouse_file, tmp_path, query):
    log = tmp_path / "duckdb.log"
    done = humstat_in_a_process("sql", query.format(log=log), "--warehouse", str(small_warehouse_file))
    assert done.returncode == 1, done.stderr
    line = one_line(done.stderr)
    assert "only reads the warehouse" in line
    if query.startswith("CALL"):  # refused by its type: the script is refused whole, before any statement runs
        assert "CALL is refused" in line and done.stdout == ""
    else:  # a query, but the configuration is locked: DuckDB raises an error instead of aborting
        assert "cannot change settings" in line and done.stdout.startswith("1\n")
    assert not log.exists()


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("PRAGMA version", "PRAGMA is refused (DuckDB statement type PRAGMA)"),
        ("SET threads = 1", "SET is refused (DuckDB statement type SET)"),
        ("RESET threads", "RESET is refused (DuckDB statement type SET)"),
        ("ATTACH 'other.duckdb' AS other", "ATTACH is refused"),
        ("COPY figures TO 'out.csv'", "COPY is refused"),
        ("EXPORT DATABASE 'dump'", "EXPORT is refused"),
        ("INSTALL httpfs", "INSTALL is refused (DuckDB statement type LOAD)"),
        ("LOAD httpfs", "LOAD is refused"),
        ("CREATE TEMP TABLE t (a INTEGER)", "CREATE is refused"),
        ("INSERT INTO figures SELECT * FROM figures", "INSERT is refused"),
        ("UPDATE figures SET value = 0", "UPDATE is refused (DuckDB statement type UPDATE)"),
        ("DELETE FROM figures", "DELETE is refused"),
        ("CHECKPOINT", "CHECKPOINT is refused (DuckDB statement type CALL)"),
        ("BEGIN TRANSACTION", "BEGIN is refused (DuckDB statement type TRANSACTION)"),
        ("UPDATE EXTENSIONS", "UPDATE is refused (not a query)"),
        ("EXPLAIN ANALYZE CALL enable_logging()", "explains queries"),
        ("PIVOT figures ON metric", "list its values with IN"),
    ],
)
def test_sql_refuses_every_statement_that_is_not_a_query(small_warehouse_file, capsys, query, named):
    assert main(["sql", query, "--warehouse", str(small_warehouse_file)]) == 1
    line = one_line(capsys.readouterr().err)
    assert "`humstat sql` only reads the warehouse" in line and named in line, line


def test_sql_names_the_refused_statement_of_a_script(small_warehouse_file, capsys):
    assert main(["sql", "SELECT 1; SELECT 2; CALL pragma_version()", "--warehouse", str(small_warehouse_file)]) == 1
    captured = capsys.readouterr()
    assert "statement 3 of 3: `humstat sql` only reads the warehouse: CALL is refused" in one_line(captured.err)
    assert captured.out == ""


@pytest.mark.parametrize(
    "source",
    ["'/etc/passwd'", "'~/notes'", "read_text('/etc/passwd')", "read_csv('/etc/passwd')", "glob('/etc/*')",
     "read_parquet('figures.parquet')", "read_json('x.json')", "'figures.csv'"],
)
def test_sql_says_it_cannot_read_files(small_warehouse_file, capsys, source):
    assert main(["sql", f"SELECT * FROM {source}", "--warehouse", str(small_warehouse_file)]) == 1
    line = one_line(capsys.readouterr().err)
    assert "only reads the warehouse: it cannot read files" in line and "SHOW TABLES" not in line


def test_sql_says_it_cannot_load_extensions(small_warehouse_file, capsys):
    assert main(["sql", "SELECT * FROM sqlite_scan('other.db', 't')", "--warehouse", str(small_warehouse_file)]) == 1
    assert "it cannot install or load extensions" in one_line(capsys.readouterr().err)


def test_sql_still_runs_queries_and_catalogue_statements(small_warehouse_file, capsys):
    warehouse = ["--warehouse", str(small_warehouse_file)]
    assert main(["sql", "--format", "json", "SELECT metric, value FROM figures", *warehouse]) == 0
    assert json.loads(capsys.readouterr().out) == [{"metric": "killed", "value": 12.0}]
    assert main(["sql", "--format", "csv", "SHOW TABLES", *warehouse]) == 0
    assert {"documents", "figures", "rejected_documents", "trend_series"} <= set(capsys.readouterr().out.split())
    assert main(["sql", "--format", "csv", "DESCRIBE figures", *warehouse]) == 0
    assert "figure_id,VARCHAR" in capsys.readouterr().out
    assert main(["sql", "--format", "csv", "SUMMARIZE SELECT value FROM figures", *warehouse]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("value,DOUBLE,12.0,12.0")
    assert main(["sql", "EXPLAIN SELECT count(*) FROM figures", *warehouse]) == 0
    assert "physical_plan" in capsys.readouterr().out
    script = ("FROM figures SELECT count(*) AS n; PIVOT (SELECT metric FROM figures) ON metric IN ('killed') USING count(*);"
              " SELECT 'x' AS y")
    assert main(["sql", "--format", "csv", script, *warehouse]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", "1", "", "killed", "1", "", "y", "x"]
