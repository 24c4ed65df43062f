from pipeline.extraction import extract
from pipeline.validation import validate_figures
from tests.conftest import document

BODY = "The mission counted 2,410 civilian casualties (802 killed and 1,608 injured) in 2019, up 4% on 2018."


def records():
    doc = document(BODY)
    return doc, extract(doc)


def test_valid_records_pass_untouched():
    doc, recs = records()
    result = validate_figures(recs, {doc.doc_id: doc.body})
    assert result.valid == recs
    assert result.rejected == []


def test_failing_rows_are_quarantined_with_every_failing_check_and_the_rest_load():
    doc, recs = records()
    recs[0] = {**recs[0], "low": recs[0]["value"] + 1, "metric": "rumours", "country": "XX"}
    recs[1] = {**recs[1], "char_start": recs[1]["char_start"] + 1}
    recs[3] = {**recs[3], "value": -140.0, "low": -140.0, "high": -140.0, "period_start": "2019-02-30"}
    result = validate_figures(recs, {doc.doc_id: doc.body})
    assert len(result.valid) == len(recs) - 3
    checks = {r["figure_id"]: set(r["check"].split("; ")) for r in result.rejected}
    assert checks[recs[0]["figure_id"]] == {"low_le_value", "metric_in_enum", "country_is_iso3"}
    assert checks[recs[1]["figure_id"]] == {"span_inside_body", "span_matches_text"}
    assert checks[recs[3]["figure_id"]] == {"change_ge_minus_100", "period_start_is_iso_date"}
    reasons = {r["figure_id"]: r["reason"] for r in result.rejected}
    assert "'rumours'" in reasons[recs[0]["figure_id"]]


def test_figure_of_an_unknown_document_is_rejected():
    doc, recs = records()
    result = validate_figures(recs[:1], {})
    assert result.valid == []
    assert result.rejected[0]["check"] == "span_inside_body"
