"""`humstat fetch reliefweb`: reports from the ReliefWeb API v2 into the inbox, with their attachments.

The API (https://apidoc.reliefweb.int/): `POST {api}/reports?appname=NAME` with a JSON query
(`query.value`, `filter.conditions` on `country.iso3`, `disaster.name` or `disaster.id`,
`date.original` from/to), `fields.include`, `sort`, `limit` (at most 1,000 a call) and
`offset`; the answer is `{"totalCount", "count", "data": [...]}`. An `appname` is required by
the API. Pages are asked one after the other, at least `delay` seconds apart (the API allows
1,000 calls a day), each call retried on a connection error, 429 and 5xx with exponential
backoff and the server's Retry-After (urllib3's Retry). The pages are written as one response
(the shape `pipeline/readers/reliefweb.py` reads), and each attachment of a format humstat reads
is saved beside it under its `filename`. Every file is written under a hidden name and renamed
into place, so the inbox never holds half a file. Nothing else in humstat uses the network.
"""

from __future__ import annotations

import json
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from pipeline.cli.errors import UNUSABLE, CliError
from pipeline.documents import max_bytes

API_URL = "https://api.reliefweb.int/v2"
PAGE_LIMIT = 1000  # the API's largest `limit`
FIELDS = ["id", "title", "body-html", "body", "date", "url", "url_alias", "source", "file", "primary_country",
          "country", "disaster", "format", "language"]
RETRIED_STATUSES = (429, 500, 502, 503, 504)
ATTACHED_SUFFIXES = (".pdf", ".html", ".htm", ".txt", ".md")  # formats humstat reads
ISO3 = re.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True)
class Query:
    """What to ask the `reports` endpoint for; None leaves a condition out."""

    appname: str
    country: str | None = None  # ISO 3166-1 alpha-3
    disaster: str | None = None  # a ReliefWeb disaster name, or its numeric id
    since: date | None = None  # date.original from (inclusive)
    until: date | None = None  # date.original to (inclusive)
    text: str | None = None  # full-text query
    limit: int = 100  # reports in all

    def body(self, offset: int, page: int) -> dict:
        """The JSON body of one call: the page of `page` reports from `offset`, newest first."""
        conditions = []
        if self.country:
            conditions.append({"field": "country.iso3", "value": self.country.lower()})
        if self.disaster:
            key = "disaster.id" if self.disaster.isdigit() else "disaster.name"
            conditions.append({"field": key, "value": int(self.disaster) if self.disaster.isdigit() else self.disaster})
        if self.since or self.until:
            span = {}
            if self.since:
                span["from"] = f"{self.since.isoformat()}T00:00:00+00:00"
            if self.until:
                span["to"] = f"{self.until.isoformat()}T23:59:59+00:00"
            conditions.append({"field": "date.original", "value": span})
        body: dict = {"fields": {"include": FIELDS}, "sort": ["date.original:desc", "id:desc"], "limit": page, "offset": offset}
        if conditions:
            body["filter"] = {"operator": "AND", "conditions": conditions}
        if self.text:
            body["query"] = {"value": self.text, "operator": "AND"}
        return body


def session(retries: int = 5, backoff: float = 2.0) -> requests.Session:
    """A requests session that retries a failed connection, 429 and 5xx answers `retries` times,
    waiting `backoff` * 2^n seconds or what the server's Retry-After asks (urllib3's Retry)."""
    retry = Retry(total=retries, connect=retries, read=retries, status=retries, backoff_factor=backoff,
                  status_forcelist=RETRIED_STATUSES, allowed_methods=frozenset({"GET", "POST"}),
                  respect_retry_after_header=True, raise_on_status=False)
    s = requests.Session()
    s.headers["User-Agent"] = "humstat (ReliefWeb API client)"
    adapter = HTTPAdapter(max_retries=retry)
    s.mount("https://", adapter)
    s.mount("http://", adapter)
    return s


@dataclass
class Fetched:
    """What a fetch wrote: the response file, its reports, and the attachments saved or skipped with why."""

    response: Path
    reports: int
    total: int  # reports the API holds for the query
    saved: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


class Polite:
    """Calls at least `delay` seconds apart."""

    def __init__(self, delay: float) -> None:
        self.delay, self.last = delay, 0.0

    def wait(self) -> None:
        pause = self.last + self.delay - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self.last = time.monotonic()


def fetch_reports(query: Query, inbox: Path, api: str = API_URL, delay: float = 1.0, http: requests.Session | None = None,
                  timeout: float = 60.0, name: str | None = None) -> Fetched:
    """Ask the API for the reports of `query`, page by page, write them into `inbox` as one
    response, and save their attachments beside it. Raises CliError when the API refuses the
    query or cannot be reached after the retries."""
    http = http or session()
    polite = Polite(delay)
    reports: list[dict] = []
    total = 0
    offset = 0
    while len(reports) < query.limit:
        page = min(PAGE_LIMIT, query.limit - len(reports))
        polite.wait()
        answer = _post(http, f"{api.rstrip('/')}/reports", query, offset, page, timeout)
        data = answer.get("data")
        if not isinstance(data, list):
            raise CliError("the ReliefWeb API answered without a `data` list of reports; nothing was written")
        total = int(answer.get("totalCount") or 0)
        reports.extend(data)
        offset += len(data)
        if not data or offset >= total:
            break
    inbox.mkdir(parents=True, exist_ok=True)
    target = inbox / (name or f"reliefweb-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json")
    _write(target, json.dumps({"totalCount": total, "count": len(reports), "data": reports}, ensure_ascii=False, indent=1).encode())
    fetched = Fetched(target, len(reports), total)
    for report in reports:
        files = (report.get("fields") or {}).get("file") or []
        for attached in files if isinstance(files, list) else []:
            _save_attachment(http, polite, attached, inbox, fetched, timeout)
    return fetched


def _post(http: requests.Session, url: str, query: Query, offset: int, page: int, timeout: float) -> dict:
    try:
        answer = http.post(url, params={"appname": query.appname}, json=query.body(offset, page), timeout=timeout)
    except requests.RequestException as err:
        raise CliError(f"the ReliefWeb API could not be reached at {url} after retries: {type(err).__name__}") from err
    if answer.status_code != 200:
        raise CliError(f"the ReliefWeb API answered {answer.status_code} to the query: {_why(answer)}")
    try:
        return answer.json()
    except ValueError as err:
        raise CliError("the ReliefWeb API answered with something that is not JSON; nothing was written") from err


def _why(answer: requests.Response) -> str:
    try:
        detail = answer.json().get("error", {})
        return str(detail.get("message") or detail)[:200]
    except (ValueError, AttributeError):
        return answer.text[:200].strip() or answer.reason


def _save_attachment(http: requests.Session, polite: Polite, attached: object, inbox: Path, fetched: Fetched, timeout: float) -> None:
    if not isinstance(attached, dict):
        return
    filename, url = attached.get("filename"), attached.get("url")
    if not isinstance(filename, str) or not filename or "/" in filename or filename.startswith(".") or not url:
        fetched.skipped.append((str(filename), "no usable filename or address"))
        return
    if not filename.lower().endswith(ATTACHED_SUFFIXES):
        fetched.skipped.append((filename, "not a format humstat reads"))
        return
    target = inbox / filename
    size = attached.get("filesize")
    if target.is_file() and (not isinstance(size, int) or target.stat().st_size == size):
        fetched.skipped.append((filename, "already in the inbox"))
        return
    if isinstance(size, int) and size > max_bytes():
        fetched.skipped.append((filename, "larger than HUMSTAT_MAX_FILE_MB"))
        return
    polite.wait()
    try:
        with http.get(url, timeout=timeout, stream=True) as answer:
            if answer.status_code != 200:
                fetched.skipped.append((filename, f"the server answered {answer.status_code}"))
                return
            content = b"".join(answer.iter_content(1 << 16))
    except requests.RequestException as err:
        fetched.skipped.append((filename, f"could not be downloaded: {type(err).__name__}"))
        return
    _write(target, content)
    fetched.saved.append(filename)


def _write(target: Path, content: bytes) -> None:
    staged = target.with_name(f".{target.name}.partial")
    staged.write_bytes(content)
    staged.replace(target)


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise CliError(f"the date {value!r} is not YYYY-MM-DD", UNUSABLE) from err


def fetch_command(args) -> int:
    """`humstat fetch reliefweb`: fetch, then say what was written."""
    from pipeline.config import inbox_dir

    if args.country and not ISO3.fullmatch(args.country):
        raise CliError(f"--country {args.country!r} is not an ISO 3166-1 alpha-3 code (e.g. hti)", UNUSABLE)
    if args.limit < 1:
        raise CliError("--limit must be at least 1", UNUSABLE)
    query = Query(args.appname, args.country, args.disaster, parse_date(args.since), parse_date(args.until), args.query, args.limit)
    inbox = inbox_dir(args.inbox)
    fetched = fetch_reports(query, inbox, api=args.api, delay=args.delay, http=session(args.retries, args.backoff), name=args.name)
    print(f"wrote {fetched.reports} reports (of {fetched.total} the API holds for the query) to {fetched.response}; "
          f"saved {len(fetched.saved)} attachments beside it")
    for filename, why in fetched.skipped:
        print(f"humstat: attachment {filename} not saved: {why}", file=sys.stderr)
    print("run `humstat run` to read them")
    return 0
