"""`humstat fetch reliefweb` against a ReliefWeb API played by a local server with recorded answers."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from pipeline.cli import main
from pipeline.readers import read_inbox
from tests.pdf_builder import pdf_with_lines
from tests.reliefweb_builder import report

REPORTS = [
    report(100 + n, f"Haiti: Hurricane Melissa Flash Update No. {n}",
           body_html=f"<p>At least {10 + n} people were killed in Jeremie, the agency said in its update.</p>",
           files=(f"flash-{n}.pdf", f"annex-{n}.xlsx") if n < 3 else ())
    for n in range(1, 6)
]
PDFS = {f"flash-{n}.pdf": pdf_with_lines([f"At least {10 + n} people were killed in Jeremie."]) for n in range(1, 3)}


class RecordedApi(BaseHTTPRequestHandler):
    """The `reports` endpoint over REPORTS (pages by offset and limit), and the attachments; the
    first call answers 503 with Retry-After: 0 when `fail_first` is set."""

    calls: list = []
    fail_first = False

    def log_message(self, *args):  # quiet
        pass

    def _send(self, status, body: bytes, kind="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        url = urlparse(self.path)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).calls.append((url.path, parse_qs(url.query), body))
        if type(self).fail_first:
            type(self).fail_first = False
            return self._send(503, b'{"error": {"message": "busy"}}', headers=[("Retry-After", "0")])
        if url.path != "/v2/reports" or "appname" not in parse_qs(url.query):
            return self._send(400, b'{"error": {"message": "Invalid request: unknown endpoint or no appname"}}')
        page = REPORTS[body["offset"]: body["offset"] + body["limit"]]
        self._send(200, json.dumps({"totalCount": len(REPORTS), "count": len(page), "data": page}).encode())

    def do_GET(self):
        name = self.path.rsplit("/", 1)[-1]
        type(self).calls.append((self.path, {}, None))
        if name in PDFS:
            return self._send(200, PDFS[name], "application/pdf")
        self._send(404, b"not found", "text/plain")


@pytest.fixture
def api():
    RecordedApi.calls, RecordedApi.fail_first = [], False
    server = ThreadingHTTPServer(("127.0.0.1", 0), RecordedApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v2"
    server.shutdown()
    server.server_close()


def fetch(api, inbox, *extra):
    for r in REPORTS:  # the attachments are served by the same server
        for f in r["fields"].get("file", []):
            f["url"] = f"{api.rsplit('/', 1)[0]}/attachments/{r['id']}/{f['filename']}"
    return main(["fetch", "reliefweb", "--api", api, "--appname", "humstat-test", "--inbox", str(inbox), "--delay", "0",
                 "--backoff", "0", "--name", "haiti.json", *extra])


def test_pages_are_fetched_with_the_query_and_written_as_one_response_with_the_attachments(api, tmp_path, capsys):
    inbox = tmp_path / "inbox"
    assert fetch(api, inbox, "--country", "HTI", "--disaster", "Hurricane Melissa - Oct 2025", "--since", "2025-10-20",
                 "--until", "2025-11-30", "--query", "flash update", "--limit", "4") == 0
    posts = [c for c in RecordedApi.calls if c[2] is not None]
    assert [c[0] for c in posts] == ["/v2/reports"] * 1 and posts[0][1] == {"appname": ["humstat-test"]}
    body = posts[0][2]
    assert body["filter"] == {"operator": "AND", "conditions": [
        {"field": "country.iso3", "value": "hti"},
        {"field": "disaster.name", "value": "Hurricane Melissa - Oct 2025"},
        {"field": "date.original", "value": {"from": "2025-10-20T00:00:00+00:00", "to": "2025-11-30T23:59:59+00:00"}},
    ]}
    assert body["query"] == {"value": "flash update", "operator": "AND"} and (body["limit"], body["offset"]) == (4, 0)
    assert {"title", "body-html", "date", "source", "file", "primary_country", "url"} <= set(body["fields"]["include"])
    written = json.loads((inbox / "haiti.json").read_text())
    assert [r["id"] for r in written["data"]] == ["101", "102", "103", "104"]
    assert sorted(p.name for p in inbox.iterdir()) == ["flash-1.pdf", "flash-2.pdf", "haiti.json"]
    err = capsys.readouterr().err
    assert "annex-1.xlsx not saved: not a format humstat reads" in err
    documents, rejections = read_inbox(inbox)
    assert rejections == []
    attached = {d.path: d.attachment_of for d in documents if d.attachment_of}
    assert attached == {"flash-1.pdf": "haiti.json#101", "flash-2.pdf": "haiti.json#102"}


def test_paging_stops_at_the_limit_or_the_total(api, tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.cli.fetch.PAGE_LIMIT", 2)
    assert fetch(api, tmp_path, "--limit", "100") == 0
    offsets = [c[2]["offset"] for c in RecordedApi.calls if c[2] is not None]
    assert offsets == [0, 2, 4]  # five reports in pages of two
    assert len(json.loads((tmp_path / "haiti.json").read_text())["data"]) == 5


def test_a_busy_api_is_asked_again(api, tmp_path):
    RecordedApi.fail_first = True
    assert fetch(api, tmp_path, "--limit", "1") == 0
    assert [c[2]["offset"] for c in RecordedApi.calls if c[2] is not None] == [0, 0]


def test_a_refused_query_is_one_line_and_writes_nothing(api, tmp_path, capsys):
    code = main(["fetch", "reliefweb", "--api", api.replace("/v2", "/nowhere"), "--appname", "x", "--inbox", str(tmp_path),
                 "--delay", "0", "--retries", "0"])
    assert code == 1
    assert list(tmp_path.iterdir()) == []
    assert capsys.readouterr().err == "humstat: the ReliefWeb API answered 400 to the query: Invalid request: unknown endpoint or no appname\n"


def test_an_unreachable_api_fails_after_the_retries(tmp_path, capsys):
    code = main(["fetch", "reliefweb", "--api", "http://127.0.0.1:9/v2", "--appname", "x", "--inbox", str(tmp_path),
                 "--delay", "0", "--retries", "1", "--backoff", "0"])
    assert code == 1 and list(tmp_path.iterdir()) == []
    assert "could not be reached" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["--country", "Haiti"], ["--since", "last week"], ["--limit", "0"]])
def test_bad_options_are_refused_before_any_call(tmp_path, capsys, args):
    code = main(["fetch", "reliefweb", "--api", "http://127.0.0.1:9/v2", "--appname", "x", "--inbox", str(tmp_path), *args])
    assert code == 2 and list(tmp_path.iterdir()) == []
