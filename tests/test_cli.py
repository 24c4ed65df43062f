import json

from pipeline.cli import main
from schemas.fields import FIGURE_FIELDS, names


def test_extract_prints_every_spec_field_per_figure(tmp_path, capsys):
    doc = tmp_path / "note.txt"
    doc.write_text("---\ndate: 2022-03-01\n---\nAt least 40 civilians were killed in February 2022.")
    assert main(["extract", "--jsonl", str(doc)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert list(record) == names(FIGURE_FIELDS)
    assert (record["text"], record["value"], record["qualifier"], record["period_label"]) == ("At least 40", 40, "at_least", "2022-02")
    assert record["path"] == str(doc)


def test_extract_reports_unreadable_files_and_goes_on(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00")
    good = tmp_path / "good.txt"
    good.write_text("Some 300 people were displaced.")
    assert main(["extract", "--jsonl", str(bad), str(good)]) == 0
    out = capsys.readouterr()
    assert "binary" in out.err
    assert len(out.out.splitlines()) == 1


def test_sql_prints_an_aligned_table_read_only(bundled_warehouse, capsys):
    assert main(["sql", "SELECT metric, count(*) AS n FROM figures GROUP BY metric ORDER BY metric", "--warehouse", str(bundled_warehouse)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["metric", "n"]
    assert "casualties" in out


def test_sql_without_a_warehouse_says_what_to_do(tmp_path, capsys):
    assert main(["sql", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    assert "humstat run" in capsys.readouterr().err


def test_explain_marks_the_span_and_names_the_deciding_words(tmp_path, capsys):
    doc = tmp_path / "note.txt"
    doc.write_text("---\ndate: 2022-03-01\n---\nAccording to OCHA, nearly 40 civilians were killed in February 2022.")
    assert main(["explain", str(doc)]) == 0
    out = capsys.readouterr().out
    assert "»nearly 40«" in out
    assert "metric       killed  (words after: civilians, killed)" in out
    assert "qualifier    at_most  (nearly)" in out
    assert "period       2022-02  (February 2022)" in out
    assert "attributed   OCHA  (According to OCHA" in out


def test_sql_refuses_to_write_attach_or_read_files(bundled_warehouse, tmp_path, capsys):
    outside = tmp_path / "secret.csv"
    outside.write_text("a\n1\n")
    for query in (
        "DELETE FROM figures",
        f"ATTACH '{tmp_path / 'other.duckdb'}' AS other",
        f"SELECT * FROM read_csv('{outside}')",
        f"COPY figures TO '{tmp_path / 'out.csv'}'",
    ):
        assert main(["sql", query, "--warehouse", str(bundled_warehouse)]) == 1, query
        assert "only reads the warehouse" in capsys.readouterr().err, query
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "other.duckdb").exists()


def test_sql_prints_csv_and_json_on_request(bundled_warehouse, capsys):
    import csv

    query = "SELECT metric, count(*) AS n, min(period_start) AS first FROM current_figures GROUP BY metric ORDER BY metric"
    assert main(["sql", "--format", "csv", query, "--warehouse", str(bundled_warehouse)]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert main(["sql", "--format", "json", query, "--warehouse", str(bundled_warehouse)]) == 0
    objects = json.loads(capsys.readouterr().out)
    assert [r["metric"] for r in rows] == [o["metric"] for o in objects] and "killed" in [o["metric"] for o in objects]
    assert all(str(o["n"]) == r["n"] and (o["first"] or "") == r["first"] for o, r in zip(objects, rows, strict=True))
    assert isinstance(objects[0]["n"], int) and any(o["first"] and len(o["first"]) == 10 for o in objects)  # numbers as numbers, ISO dates


def test_sql_reads_several_queries_from_standard_input(bundled_warehouse, monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("SELECT 1 AS one;\nSELECT 'a' AS letter UNION ALL SELECT 'b';\n"))
    assert main(["sql", "--warehouse", str(bundled_warehouse)]) == 0
    out = capsys.readouterr().out
    assert out.count("(1 row)") == 1 and out.count("(2 rows)") == 1
    assert out.index("one") < out.index("letter")


def test_every_command_and_option_is_explained():
    import argparse

    from pipeline.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == {"run", "extract", "explain", "sql", "export", "fetch"}
    assert {c.dest for c in commands._choices_actions} == set(commands.choices)
    assert all(c.help for c in commands._choices_actions)
    for name, sub in commands.choices.items():
        assert sub.description and sub.epilog, name
        for action in sub._actions:
            assert action.help, (name, action.dest)
    assert "humstat run" in parser.epilog and "export" in parser.epilog
    sources = next(a for a in commands.choices["fetch"]._actions if isinstance(a, argparse._SubParsersAction))
    reliefweb = sources.choices["reliefweb"]
    assert reliefweb.description and reliefweb.epilog and all(a.help for a in reliefweb._actions)


def test_sql_csv_keeps_columns_that_share_a_name():
    import io

    from pipeline.cli.sql import format_result

    out = io.StringIO()
    format_result(["a", "a"], [(1, 2)], "csv", out)
    assert out.getvalue().splitlines() == ["a,a", "1,2"]
