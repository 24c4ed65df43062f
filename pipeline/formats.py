"""Saved web pages and PDF reports as documents: their text becomes the body every span indexes.

HTML: the main text by trafilatura (menus, footers and adverts left out), title, date and
publisher from the page's metadata. PDF: the text layer by pdfplumber, page by page, table rows
kept as lines of text; a scan with no text layer is refused with the reason.
"""

from __future__ import annotations

import io
import re
from datetime import date

from pipeline.documents import Document, DocumentError, decode, document_from_body

MIN_MAIN_TEXT_WORDS = 8


def read_html(raw: bytes, path: str, today: date | None = None) -> Document:
    import trafilatura

    text, note = decode(raw)
    body = trafilatura.extract(text, include_tables=True, include_comments=False, deduplicate=True)
    # trafilatura falls back to any text it finds; a few words of menu are not a main text
    if not body or len(body.split()) < MIN_MAIN_TEXT_WORDS:
        raise DocumentError("html_main_text", "the page has no main text to read (only navigation, or empty)")
    meta = trafilatura.extract_metadata(text)
    fields = {
        "title": getattr(meta, "title", None),
        "date": getattr(meta, "date", None),
        "source": getattr(meta, "sitename", None),
        "url": getattr(meta, "url", None),
    }
    return document_from_body(body, path, fields, today, note)


PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")


def read_pdf(raw: bytes, path: str, today: date | None = None) -> Document:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
            info = pdf.metadata or {}
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as err:
        raise DocumentError("pdf_readable", f"the PDF cannot be read (truncated or damaged): {type(err).__name__}") from err
    except Exception as err:  # pdfminer raises many kinds; any of them means an unreadable file
        raise DocumentError("pdf_readable", f"the PDF cannot be read: {type(err).__name__}: {err}".splitlines()[0]) from err
    body = "\n\n".join(p.strip() for p in pages if p.strip())
    if not body:
        raise DocumentError("pdf_text_layer", "the PDF has no text layer (a scanned image?); run OCR and add the text")
    created = PDF_DATE.match(str(info.get("CreationDate", "")))
    fields = {
        "title": info.get("Title") or None,
        "date": f"{created[1]}-{created[2]}-{created[3]}" if created else None,
        "source": info.get("Author") or None,
    }
    return document_from_body(body, path, fields, today, None)


READERS = {".html": read_html, ".htm": read_html, ".pdf": read_pdf}
