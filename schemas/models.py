"""pandera models built from schemas.fields, with the spec's record-level checks.

The same schemas validate the extracted frame (quarantining failing rows) and back the asset
checks that re-validate what the warehouse holds.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pandera.pandas as pa
import pycountry

from schemas.fields import DOCUMENT_FIELDS, FIGURE_FIELDS, Field

ISO3_CODES = frozenset(c.alpha_3 for c in pycountry.countries)
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
SHA256_HEX = r"^[0-9a-f]{64}$"


def _is_iso_date(value: object) -> bool:
    try:
        return bool(re.fullmatch(ISO_DATE, str(value))) and date.fromisoformat(str(value)) is not None
    except ValueError:
        return False


def _column(field: Field) -> pa.Column:
    checks: list[pa.Check] = []
    if field.enum:
        checks.append(pa.Check.isin(field.enum, name=f"{field.name}_in_enum"))
    if field.type == "date":
        checks.append(pa.Check(_is_iso_date, element_wise=True, name=f"{field.name}_is_iso_date", error="is_iso_date"))
    dtype = {"int": "int64", "float": "float64"}.get(field.type)
    return pa.Column(dtype, nullable=field.nullable, checks=checks, coerce=dtype is not None)


def _between_or_null(lower: str, upper: str):
    def check(frame: pd.DataFrame) -> pd.Series:
        a, b = frame[lower], frame[upper]
        return a.isna() | b.isna() | (a <= b)

    return check


def _span_is_text(frame: pd.DataFrame) -> pd.Series:
    return (frame["char_start"] >= 0) & (
        frame["char_end"] - frame["char_start"] == frame["text"].str.len()
    )


def _change_not_below_minus_100(frame: pd.DataFrame) -> pd.Series:
    return (frame["kind"] != "change") | (frame["value"] >= -100)


def _share_is_percent(frame: pd.DataFrame) -> pd.Series:
    return (frame["kind"] != "share") | frame["value"].between(0, 100)


def _count_not_negative(frame: pd.DataFrame) -> pd.Series:
    return (frame["kind"] != "count") | (frame["value"] >= 0)


FIGURE_CHECKS: dict[str, tuple[object, str]] = {
    "low_le_value": (_between_or_null("low", "value"), "low bound is above the value"),
    "value_le_high": (_between_or_null("value", "high"), "value is above the high bound"),
    "period_start_le_end": (
        _between_or_null("period_start", "period_end"),
        "reference period ends before it starts",
    ),
    "comparison_start_le_end": (
        _between_or_null("comparison_start", "comparison_end"),
        "comparison period ends before it starts",
    ),
    "span_matches_text": (_span_is_text, "span length does not match the text"),
    "change_ge_minus_100": (_change_not_below_minus_100, "a change below -100% is impossible"),
    "share_within_0_100": (_share_is_percent, "a share must be between 0 and 100 percent"),
    "count_not_negative": (_count_not_negative, "a count cannot be negative"),
}

def _figure_columns() -> dict[str, pa.Column]:
    columns = {f.name: _column(f) for f in FIGURE_FIELDS}
    columns["country"] = pa.Column(
        nullable=True, checks=[pa.Check.isin(ISO3_CODES, name="country_is_iso3")]
    )
    return columns


FigureSchema = pa.DataFrameSchema(
    _figure_columns(),
    checks=[pa.Check(fn, name=name, error=reason) for name, (fn, reason) in FIGURE_CHECKS.items()],
    strict=True,
    name="figures",
)

DocumentSchema = pa.DataFrameSchema(
    {
        **{f.name: _column(f) for f in DOCUMENT_FIELDS if f.type != "timestamp"},
        "doc_id": pa.Column(checks=[pa.Check.str_matches(SHA256_HEX, name="doc_id_is_sha256")]),
        "ingested_at": pa.Column(nullable=False),
    },
    strict=True,
    name="documents",
)


_REASON_TO_NAME = {reason: name for name, (_, reason) in FIGURE_CHECKS.items()}


def describe_failure(check: str, column: str | None) -> tuple[str, str]:
    """(check name, reason in words) for one pandera failure case."""
    check = str(check)
    if check in _REASON_TO_NAME:
        return _REASON_TO_NAME[check], check
    if column == "country" and check.startswith("isin"):
        return "country_is_iso3", "country is not an ISO 3166-1 alpha-3 code"
    if check.startswith("isin"):
        return f"{column}_in_enum", f"{column} is not one of the spec's values"
    if check.startswith("str_matches") or check == "is_iso_date":
        return f"{column}_is_iso_date", f"{column} is not an ISO date (YYYY-MM-DD)"
    if check == "not_nullable":
        return f"{column}_not_null", f"{column} is required but empty"
    if check.startswith("dtype") or "coerce" in check:
        return f"{column}_type", f"{column} has the wrong type"
    if check.startswith("column_in_dataframe"):
        return "columns_present", "a field of the record is missing"
    return check, f"failed {check}" + (f" on {column}" if column else "")
