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
    good.write_text("Some 300 families were displaced.")
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
