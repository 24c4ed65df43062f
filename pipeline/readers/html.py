"""Saved web pages (.html, .htm): the main text, title, date and publisher.

The main text by trafilatura (menus, footers and adverts left out), title, date and publisher
from the page's metadata; a page nested deeper than libxml2 parses (256 levels) is read as its
plain text by the standard library's streaming parser, with a note.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from pipeline.documents import DocumentError, Reading, document_from_body
from pipeline.readers.text import decode

SUFFIXES = (".html", ".htm")

MIN_MAIN_TEXT_WORDS = 8
DEEP_PAGE_NOTE = "nested deeper than the HTML parser's limit (256 levels); read as the page's plain text"


def read(raw: bytes, path: str, today: date | None = None) -> Reading:
    """A saved web page as one document: its main text (`main_text`), and its title, date,
    publisher and address from the page's metadata."""
    import trafilatura

    text, note = decode(raw)
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
