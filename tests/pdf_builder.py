"""A minimal PDF writer for tests: one page whose text layer holds the given lines."""

def pdf_with_lines(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds the given lines (Helvetica, one per row)."""
    def esc(t: str) -> str:
        return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
    for line in lines:
        ops.append(f"({esc(line)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return serialize(objects)


def pdf_with_layout(pages: list[list[tuple[float, float, float, str]]], info: dict[str, str] | None = None) -> bytes:
    """A PDF of A4 pages whose text sits where each page's items say: (x, y from the top, font
    size, text), in Helvetica; `info` fills the document information (Title, Author, ...)."""
    def esc(t: str) -> str:
        return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    width, height = 595, 842
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    font = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for items in pages:
        ops = []
        for x, y, size, text in items:
            ops.append(f"BT /F1 {size:g} Tf {x:g} {height - y - size:g} Td ({esc(text)}) Tj ET")
        stream = "\n".join(ops).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
                       % (width, height, content, font))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    trailer_info = b""
    if info:
        objects.append(b"<< " + b" ".join(b"/%s (%s)" % (k.encode(), esc(v).encode("cp1252")) for k, v in info.items()) + b" >>")
        trailer_info = b" /Info %d 0 R" % len(objects)
    return serialize(objects, trailer_info)


def column(x: float, y: float, lines: list[str], size: float = 10, leading: float = 12) -> list[tuple[float, float, float, str]]:
    """Lines set one under another from (x, y), `leading` points apart."""
    return [(x, y + n * leading, size, line) for n, line in enumerate(lines)]


def serialize(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF file of the numbered objects (1 the catalogue), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def helvetica_width(text: str, size: float) -> float:
    """The width in points of `text` set in Helvetica at `size`, from the font's AFM metrics
    (the copy matplotlib ships); characters it lacks count as half an em."""
    return sum(_helvetica_widths().get(c, 500) for c in text) * size / 1000 if text else 0.0


def _helvetica_widths() -> dict[str, int]:
    global _WIDTHS
    if _WIDTHS is None:
        import re
        from pathlib import Path

        import matplotlib

        afm = Path(matplotlib.get_data_path()) / "fonts" / "pdfcorefonts" / "Helvetica.afm"
        _WIDTHS = {chr(int(c)): int(w) for c, w in re.findall(r"^C (\d+) ; WX (\d+) ;", afm.read_text("latin-1"), re.M)
                   if 32 <= int(c) < 127}
    return _WIDTHS


_WIDTHS: dict[str, int] | None = None


def justified(x: float, y: float, width: float, lines: list[str], size: float = 10,
              leading: float = 12) -> list[tuple[float, float, float, str]]:
    """Lines set word by word from (x, y) and spread to fill `width` (justified), but the last,
    which is set ragged, as a word processor sets a paragraph."""
    items = []
    for n, line in enumerate(lines):
        words = line.split()
        natural = sum(helvetica_width(w, size) for w in words)
        last = n == len(lines) - 1
        gap = helvetica_width(" ", size) if last or len(words) < 2 else (width - natural) / (len(words) - 1)
        at = x
        for w in words:
            items.append((at, y + n * leading, size, w))
            at += helvetica_width(w, size) + gap
    return items
