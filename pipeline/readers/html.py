"""Saved web pages (.html, .htm): the main text, title, date and publisher.

The main text by trafilatura (menus, footers and adverts left out), title, date and publisher
from the page's metadata (trafilatura's, which reads `og:title`, `article:published_time`,
`og:site_name` and the like, with htmldate for the date); a page nested deeper than libxml2
parses (256 levels) is read as its plain text by the standard library's streaming parser, with
a note. The page's author is never read: it names a person, not the publisher.

A report page saved from the ReliefWeb site (`reliefweb_page`) is read from its own markup: the
report's title (`h1.rw-article__title` or `.rw-page-title`), its sources (the organisations
listed in `dd.rw-entity-meta__tag-value--source`), its original publication date (the
`<time datetime>` of `dd.rw-entity-meta__tag-value--published`, else of `--posted`), its
primary country and its body (the `rw-report__content` / `rw-article__content` block), so
ReliefWeb itself, the site that reposts the report, is not taken for its publisher.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from pipeline.documents import DocumentError, Reading, document_from_body
from pipeline.places import countries_in
from pipeline.readers.text import decode

SUFFIXES = (".html", ".htm")

MIN_MAIN_TEXT_WORDS = 8
DEEP_PAGE_NOTE = "nested deeper than the HTML parser's limit (256 levels); read as the page's plain text"


def read(raw: bytes, path: str, today: date | None = None) -> Reading:
    """A saved web page as one document: its main text (`main_text`), and its title, date,
    publisher and address from the page's metadata."""
    import trafilatura

    text, note = decode(raw)
    report = None if beyond_parser_limits(text) else reliefweb_page(text)
    if report is not None:
        return Reading([document_from_body(report.pop("body"), path, report, today, note)])
    body, deep = main_text(text)
    if deep:
        note = f"{note}; {DEEP_PAGE_NOTE}" if note else DEEP_PAGE_NOTE
    meta = trafilatura.extract_metadata(text)
    fields = {
        "title": getattr(meta, "title", None),
        "date": getattr(meta, "date", None),
        "source": getattr(meta, "sitename", None),
        "url": getattr(meta, "url", None),
    }
    return Reading([document_from_body(body, path, fields, today, note)])


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _time_of(page, kind: str) -> str | None:
    """The `datetime` of the <time> in the ReliefWeb metadata value of that kind."""
    for dd in page.iter("dd"):
        if f"rw-entity-meta__tag-value--{kind}" in _classes(dd):
            for time in dd.iter("time"):
                if time.get("datetime"):
                    return time.get("datetime")[:10]
    return None


def reliefweb_page(text: str) -> dict | None:
    """The report of a page saved from the ReliefWeb site, as `document_from_body` takes it:
    `body` (the main text of the report's content block), `title`, `date`, `source` (the names
    in the Source list, joined by "; "), `country` (ISO3, by pycountry, when the primary
    country's name is one) and `url` (the page's canonical address); None when the page has no
    ReliefWeb source list (it is then read as any page). Raises DocumentError
    `html_main_text` when the report's content block holds no main text."""
    from lxml import html as lxml_html

    try:
        page = lxml_html.document_fromstring(text)
    except (ValueError, TypeError):
        return None
    sources = [dd for dd in page.iter("dd") if "rw-entity-meta__tag-value--source" in _classes(dd)]
    if not sources:
        return None
    names: list[str] = []
    for dd in sources:
        items = [li for li in dd.iter("li")] or [dd]
        for item in items:
            link = next(iter(item.iter("a")), None)
            name = (link.get("title") if link is not None else None) or _text(item)
            if name and name not in names:
                names.append(name)
    title = None
    for h1 in page.iter("h1"):
        if _classes(h1) & {"rw-article__title", "rw-page-title"}:
            title = _text(h1)
            break
    if not title:
        og = page.xpath("//meta[@property='og:title']/@content")
        title = og[0].strip() if og else None
    content = next((e for e in page.iter("div", "section")
                    if _classes(e) & {"rw-report__content", "rw-article__content"}), None)
    if content is not None:
        body, _ = main_text(f"<html><body><article>{lxml_html.tostring(content, encoding='unicode')}</article></body></html>")
    else:
        body, _ = main_text(text)
    canonical = page.xpath("//link[@rel='canonical']/@href") or page.xpath("//meta[@property='og:url']/@content")
    return {
        "body": body,
        "title": title,
        "date": _time_of(page, "published") or _time_of(page, "original-publication-date") or _time_of(page, "posted"),
        "source": "; ".join(names) or None,
        "country": _country(page),
        "url": canonical[0].strip() if canonical else None,
    }


def _country(page) -> str | None:
    """The ISO3 code of the page's primary country (or its only country), by pycountry, else
    by `pipeline.places.countries_in` (pycountry's names with data/countries.yaml)."""
    import pycountry

    for kind in ("primary-country", "country"):
        for dd in page.iter("dd"):
            if f"rw-entity-meta__tag-value--{kind}" in _classes(dd):
                items = list(dd.iter("li")) or [dd]
                if kind == "country" and len(items) != 1:
                    return None
                name = _text(items[0])
                try:
                    return pycountry.countries.lookup(name).alpha_3
                except LookupError:
                    # ReliefWeb's own spellings ("occupied Palestinian territory", "Iran
                    # (Islamic Republic of)"): the country names the extractor reads
                    found = countries_in(name)
                    return found[0][1] if found else None
    return None


def main_text(text: str) -> tuple[str, bool]:
    """The main text of a page by trafilatura (menus, footers and adverts left out, tables kept
    as rows), or the plain text of a page the HTML parser cannot take whole
    (`beyond_parser_limits`), and whether it was that. Raises DocumentError `html_main_text`
    when there is no main text of at least MIN_MAIN_TEXT_WORDS words."""
    import trafilatura

    deep = beyond_parser_limits(text)
    if deep:
        body = plain_text(text)
    else:
        body = trafilatura.extract(text, include_tables=True, include_comments=False, deduplicate=True)
    # trafilatura falls back to any text it finds; a few words of menu are not a main text
    if not body or len(body.split()) < MIN_MAIN_TEXT_WORDS:
        raise DocumentError("html_main_text", "the page has no main text to read (only navigation, or empty)")
    return body, deep


def beyond_parser_limits(text: str) -> bool:
    """Whether libxml2, the parser under lxml and trafilatura, stops short of the page: it keeps
    no element nested deeper than 256 levels (ERR_RESOURCE_LIMIT, "Excessive depth in document"),
    and trafilatura would then see a page without its text."""
    from lxml import etree, html

    parser = html.HTMLParser(encoding="utf-8", collect_ids=False, remove_comments=True, remove_pis=True)
    etree.fromstring(text.encode("utf-8", "replace"), parser)
    return any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log)


class _PlainText(HTMLParser):
    """The text of a page from the standard library's tokenizer, with no tree and so no limit on
    nesting: block elements end lines, cells are separated by tabs, and scripts, styles and the
    page's furniture (navigation, header, footer, asides, forms) are left out."""

    SKIPPED = frozenset({"script", "style", "noscript", "template", "title", "nav", "header", "footer", "aside",
                         "form", "button", "select", "svg", "iframe"})
    BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "main", "h1", "h2",
                        "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "dl", "figcaption", "caption", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0  # open skipped elements: a counter, not a stack of the page's nesting

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_text(text: str) -> str:
    """The page's text as lines (see `_PlainText`), white space within a line collapsed."""
    reader = _PlainText()
    reader.feed(text)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).splitlines())
    return "\n".join(line for line in lines if line)
