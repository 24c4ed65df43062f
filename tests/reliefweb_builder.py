"""ReliefWeb API v2 responses for tests, in the API's documented shape (https://apidoc.reliefweb.int/)."""

from __future__ import annotations

import json


def report(report_id: int, title: str, *, body_html: str | None = None, body: str | None = None, date: str = "2025-10-29T00:00:00+00:00",
           sources: tuple[str, ...] = ("UN Office for the Coordination of Humanitarian Affairs",), iso3: str | None = "hti",
           files: tuple[str, ...] = ()) -> dict:
    fields: dict = {
        "title": title,
        "date": {"original": date, "created": date, "changed": date},
        "url": f"https://reliefweb.int/node/{report_id}",
        "url_alias": f"https://reliefweb.int/report/haiti/report-{report_id}",
        "source": [{"id": 1503 + n, "name": name, "shortname": name.split()[0]} for n, name in enumerate(sources)],
    }
    if body_html is not None:
        fields["body-html"] = body_html
    if body is not None:
        fields["body"] = body
    if iso3:
        fields["primary_country"] = {"id": 108, "name": "Haiti", "iso3": iso3, "shortname": "Haiti"}
    if files:
        fields["file"] = [{"id": 9000 + n, "filename": name, "mimetype": "application/pdf", "filesize": 1000,
                           "url": f"https://reliefweb.int/attachments/{report_id}/{name}"} for n, name in enumerate(files)]
    return {"id": str(report_id), "score": 1, "href": f"https://api.reliefweb.int/v2/reports/{report_id}", "fields": fields}


def response(*reports: dict, total: int | None = None) -> str:
    return json.dumps({
        "time": 12, "href": "https://api.reliefweb.int/v2/reports?appname=test", "links": {},
        "totalCount": len(reports) if total is None else total, "count": len(reports), "data": list(reports),
    })
