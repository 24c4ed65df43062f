"""PDF reports (.pdf): the text layer by PDFium (pypdfium2), in the order a person reads it.

PDFium gives each character with its box; `page_words` makes words of them (a space, a jump
back or down, or a gap of a quarter of the font size ends a word). Their order, the running
headers and footers left out, hyphenation, bullets, key figures and tables are `pdf_layout`'s.
The title is the PDF's own when it is one (not a file name or "Microsoft Word - ..."), else the
first page's largest text; the date is the creation date. The author field is never read: it
names whoever saved the file, not the publisher. A scan with no text layer is refused with the
reason. Why PDFium rather than pdfminer (under pdfplumber): README, "PDF reports".
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.documents import DocumentError, Reading, document_from_body
from pipeline.readers.pdf_layout import SUPERSCRIPT, document_text, largest_text

SUFFIXES = (".pdf",)

PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})")
# Titles that are no titles: a file's name, a word processor's label, a placeholder
NO_TITLE = re.compile(r"^(?:microsoft (?:word|powerpoint) - |untitled|document\d*$|title$)|\.(?:docx?|pptx?|indd|pdf|xlsx?)$", re.I)
WORD_GAP = 0.25  # a gap between two characters wider than this share of the font size ends a word


def read(raw: bytes, path: str, today: date | None = None) -> Reading:
    """A PDF report as one document. Raises DocumentError: `pdf_readable` (damaged or cut
    short), `pdf_text_layer` (a scan with no text)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as err:
        raise DocumentError("pdf_readable", f"the PDF cannot be read (truncated or damaged): {err}".splitlines()[0]) from err
    try:
        info = pdf.get_metadata_dict()
        pages, heights = [], []
        for number in range(len(pdf)):
            page = pdf[number]
            pages.append(page_words(page))
            heights.append(float(page.get_height()))
            page.close()
    except pdfium.PdfiumError as err:
        raise DocumentError("pdf_readable", f"the PDF cannot be read: {err}".splitlines()[0]) from err
    finally:
        pdf.close()
    body = document_text(pages, heights)
    if not body.strip():
        raise DocumentError("pdf_text_layer", "the PDF has no text layer (a scanned image?); run OCR and add the text")
    created = PDF_DATE.match(str(info.get("CreationDate", "")))
    fields = {
        "title": pdf_title(info.get("Title")) or (largest_text(pages[0], heights[0]) if pages else None),
        "date": f"{created[1]}-{created[2]}-{created[3]}" if created else None,
    }
    return Reading([document_from_body(body, path, fields, today)])


def page_words(page) -> list[dict]:
    """The words of a pypdfium2 page as `pdf_layout` takes them: `text`, `x0`, `x1`, `top`,
    `bottom` (points from the top left, from the characters' loose boxes, which span the font's
    ascent and descent) and `size` (the box's height, which follows the font size). Characters
    PDFium adds itself (line breaks) end a word, and so does a smaller raised character (a
    footnote mark, "affected¹"); PDFium's mark for a hyphen at a line end is a hyphen."""
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    textpage = page.get_textpage()
    words: list[dict] = []
    word: dict | None = None
    try:
        for i in range(textpage.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
            char = "-" if code == 2 else chr(code) if code else ""
            if not char or char.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
                if word is not None:
                    words.append(word)
                word = None
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            top, bottom = height - top, height - bottom
            size = max(bottom - top, 1.0)
            raised = word is not None and size < SUPERSCRIPT * word["size"] and bottom < word["bottom"] - 0.15 * word["size"]
            if word is not None and (abs(top - word["top"]) > 0.4 * size or left - word["x1"] > WORD_GAP * size
                                     or left < word["x1"] - size or raised):
                words.append(word)
                word = None
            if word is None:
                word = {"text": char, "x0": left, "x1": right, "top": top, "bottom": bottom, "size": size}
            else:
                word["text"] += char
                word["x1"] = max(word["x1"], right)
                word["top"] = min(word["top"], top)
                word["bottom"] = max(word["bottom"], bottom)
        if word is not None:
            words.append(word)
    finally:
        textpage.close()
    return words


def pdf_title(value: object) -> str | None:
    """The PDF's Title field when it reads as a title."""
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    return title if len(title) >= 4 and not NO_TITLE.search(title) else None
