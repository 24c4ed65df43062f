"""ReliefWeb API v2 responses (.json): one document per report, and the reports the files beside
them are attached to.

The shape is the API's (https://apidoc.reliefweb.int/, `reports` endpoint):
`{"totalCount", "count", "data": [{"id", "fields": {"title", "body-html" or "body",
"date": {"original", "created", "changed"}, "url", "url_alias", "source": [{"name", "shortname"}],
"file": [{"filename", "url", "mimetype", "filesize"}], "primary_country": {"iso3", "name"}}}]}`.
A report is a document named `file.json#id`, with its title, date (`date.original`), source
names, address and country (`primary_country.iso3`) as metadata; its body is the plain text of
`body-html` (the report's own body, so nothing in it is page furniture) or else `body`. A report
with neither, or with metadata that fails a check, is a rejection of that part alone.

A file named by a report's `file[].filename` and present in the same folder is read by its own
reader and takes the report's title, date, source, address and country, with `report_id` and
`attachment_of` (the report's document) recorded: see `Attachments`.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from pipeline.documents import Document, DocumentError, Reading, Rejection, document_from_body, max_bytes
from pipeline.readers.html import plain_text
from pipeline.readers.text import decode

SUFFIXES = (".json",)


def read(raw: bytes, path: str, today: date | None = None) -> Reading:
    """The reports of a ReliefWeb API response as documents, and a Rejection (named
    `path#id`) for each report that is not one. Raises DocumentError `reliefweb_shape` when the
    file is not such a response, or holds no report."""
    reports = parse_response(raw)
    documents: list[Document] = []
    rejections: list[Rejection] = []
    for number, item in enumerate(reports):
        part = f"{path}#{_report_id(item, number)}"
        try:
            documents.append(report_document(item, part, today))
        except DocumentError as err:
            shown = json.dumps(item, ensure_ascii=False)[:200] if isinstance(item, dict | list) else repr(item)[:200]
            rejections.append(Rejection(part, err.check, err.reason, shown))
    return Reading(documents, rejections)


def parse_response(raw: bytes) -> list:
    """The `data` list of a ReliefWeb API response. Raises DocumentError `reliefweb_shape`."""
    text, _ = decode(raw)
    try:
        response = json.loads(text)
    except ValueError as err:
        raise DocumentError("reliefweb_shape", f"the file is not JSON: {err}") from err
    if not isinstance(response, dict) or not isinstance(response.get("data"), list):
        raise DocumentError("reliefweb_shape", "the JSON is not a ReliefWeb API response: it has no `data` list of reports")
    if not response["data"]:
        raise DocumentError("reliefweb_shape", "the ReliefWeb API response holds no report (`data` is empty)")
    return response["data"]


def _report_id(item: object, number: int) -> str:
    if isinstance(item, dict) and item.get("id") not in (None, ""):
        return str(item["id"])
    return f"item-{number + 1}"


def _fields(item: object) -> dict:
    if not isinstance(item, dict) or not isinstance(item.get("fields"), dict):
        raise DocumentError("reliefweb_report", "the report has no `fields` object")
    return item["fields"]


def report_metadata(item: object) -> dict:
    """A report's metadata as `document_from_body` takes it: title, date (`date.original`),
    source (the names of `source`, joined by "; "), url (`url`, else `url_alias`), country
    (`primary_country.iso3`) and report_id. Raises DocumentError `reliefweb_report`."""
    fields = _fields(item)
    when = fields.get("date")
    sources = fields.get("source") or []
    if isinstance(sources, dict):
        sources = [sources]
    names = [s.get("name") or s.get("shortname") for s in sources if isinstance(s, dict)] if isinstance(sources, list) else []
    country = fields.get("primary_country")
    if isinstance(country, list):
        country = country[0] if country else None
    return {
        "title": fields.get("title"),
        "date": when.get("original") if isinstance(when, dict) else when,
        "source": "; ".join(n for n in names if n) or None,
        "url": fields.get("url") or fields.get("url_alias"),
        "country": country.get("iso3") if isinstance(country, dict) else None,
        "report_id": str(item["id"]) if item.get("id") not in (None, "") else None,
    }


def report_document(item: object, path: str, today: date | None = None) -> Document:
    """One report as a document named `path`. Raises DocumentError: `reliefweb_report` (no
    fields), `report_body` (neither body-html nor body), and the metadata checks."""
    fields = _fields(item)
    html, text = fields.get("body-html"), fields.get("body")
    if isinstance(html, str) and html.strip():
        body = plain_text(html)
    elif isinstance(text, str) and text.strip():
        body = text.strip()
    else:
        raise DocumentError("report_body", "the report has neither `body-html` nor `body` text")
    return document_from_body(body, path, report_metadata(item), today)


class Attachments:
    """The reports files are attached to, from the ReliefWeb responses (*.json) in their folder:
    `report_of(path, shown)` gives the metadata an attachment takes from its report, with
    `attachment_of`, the report document's path. Each folder's responses are read once per
    instance (one instance per read of the inbox), and only when a file of that folder asks."""

    def __init__(self) -> None:
        self._folders: dict[Path, dict[str, dict]] = {}

    def report_of(self, path: Path, shown: str) -> dict | None:
        """The metadata `path` takes from the report it is attached to, or None."""
        folder = path.parent
        if folder not in self._folders:
            self._folders[folder] = _attachment_index(folder, Path(shown).parent)
        return self._folders[folder].get(path.name)


def _attachment_index(folder: Path, shown_folder: Path) -> dict[str, dict]:
    """filename -> the metadata of its report, from every ReliefWeb response in `folder`
    (sorted by name: the first report to name a file wins). A response that cannot be read is
    skipped here; it is rejected with its reason when it is read as a file itself."""
    index: dict[str, dict] = {}
    try:
        names = sorted(e.name for e in os.scandir(folder)
                       if e.name.lower().endswith(SUFFIXES) and not e.name.startswith(".") and e.is_file())
    except OSError:
        return index
    for name in names:
        try:
            if (folder / name).stat().st_size > max_bytes():
                continue
            reports = parse_response((folder / name).read_bytes())
        except (OSError, DocumentError):
            continue
        for number, item in enumerate(reports):
            try:
                meta = report_metadata(item)
            except DocumentError:
                continue
            meta["attachment_of"] = f"{shown_folder / name}#{_report_id(item, number)}"
            files = item["fields"].get("file") or []
            for attached in files if isinstance(files, list) else []:
                filename = attached.get("filename") if isinstance(attached, dict) else None
                if isinstance(filename, str) and filename and "/" not in filename:
                    index.setdefault(filename, meta)
    return index


def as_attachment(doc: Document, report: dict, today: date | None = None) -> Document:
    """An attached file's document with its report's metadata (the file's own where the report
    has none). Raises DocumentError when the report's metadata fails a check."""
    own = {"title": doc.title, "date": doc.published, "source": doc.source, "url": doc.url, "country": doc.country}
    meta = {**own, **{k: v for k, v in report.items() if v not in (None, "")}}
    return document_from_body(doc.body, doc.path, meta, today, doc.note)
