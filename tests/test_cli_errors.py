"""Every `humstat` error is one line on standard error, saying what went wrong and what to do,
with a non-zero exit code; `--debug` adds the traceback."""

from __future__ import annotations

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
