"""Small, valid, text-based PDF files written by hand (demo content, tests).

A PDF 1.4 file with A4 pages, a bold title and wrapped paragraphs in the
standard Helvetica fonts (no font file is embedded: every PDF reader has
them). Polish letters are reached through a /Differences encoding that
names their standard glyphs (aogonek, lslash, zdotaccent…), so the text
is real text: it can be selected, searched and read aloud. The file gets
a title and its language (pl-PL) in its metadata, a cross-reference table
with exact byte offsets, and the %%EOF marker.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
BODY_SIZE, BODY_LEADING = 11, 15
TITLE_SIZE, TITLE_LEADING = 16, 22
WRAP = 88  # characters per line at 11 pt Helvetica within the margins

# Characters beyond ASCII that the standard fonts have glyphs for, by glyph name.
GLYPHS = {
    "ą": "aogonek",
    "ć": "cacute",
    "ę": "eogonek",
    "ł": "lslash",
    "ń": "nacute",
    "ó": "oacute",
    "ś": "sacute",
    "ź": "zacute",
    "ż": "zdotaccent",
    "Ą": "Aogonek",
    "Ć": "Cacute",
    "Ę": "Eogonek",
    "Ł": "Lslash",
    "Ń": "Nacute",
    "Ó": "Oacute",
    "Ś": "Sacute",
    "Ź": "Zacute",
    "Ż": "Zdotaccent",
    "„": "quotedblbase",
    "”": "quotedblright",
    "–": "endash",
    "—": "emdash",
    "…": "ellipsis",
    "§": "section",
    "°": "degree",
    "·": "periodcentered",
}
FIRST_CODE = 128
CODES = {char: FIRST_CODE + i for i, char in enumerate(GLYPHS)}


def _encode(text):
    """Text as a PDF string literal in our encoding ("?" for what the fonts lack)."""
    out = bytearray(b"(")
    for char in text:
        if char in CODES:
            out.append(CODES[char])
        elif " " <= char <= "~":
            if char in "()\\":
                out.append(ord("\\"))
            out.append(ord(char))
        else:
            out.append(ord("?"))
    out.append(ord(")"))
    return bytes(out)


def _info_string(text):
    """A text string for the document's metadata: UTF-16BE with its byte order mark, as hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _lines(title, paragraphs):
    """(font, size, leading, text) for each line, paragraphs separated by a blank line."""
    lines = [("F2", TITLE_SIZE, TITLE_LEADING, line) for line in textwrap.wrap(title, 60)]
    lines.append(("F1", BODY_SIZE, BODY_LEADING, ""))
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, WRAP) or [""]:
            lines.append(("F1", BODY_SIZE, BODY_LEADING, line))
        lines.append(("F1", BODY_SIZE, BODY_LEADING, ""))
    return lines


def _pages(lines):
    """Content streams, one per page."""
    pages, current, y = [], [], PAGE_HEIGHT - MARGIN
    for font, size, leading, text in lines:
        if y - leading < MARGIN and current:
            pages.append(current)
            current, y = [], PAGE_HEIGHT - MARGIN
        y -= leading
        if text:
            current.append(b"BT /%s %d Tf %d %d Td %s Tj ET" % (font.encode(), size, MARGIN, y, _encode(text)))
    pages.append(current)
    return [b"\n".join(page) for page in pages]


def make_pdf(title, paragraphs):
    """The bytes of a PDF with `title` (also its metadata title) and `paragraphs` of text."""
    streams = _pages(_lines(title, paragraphs))
    differences = b" ".join(b"/" + name.encode() for name in GLYPHS.values())
    # Object numbers: 1 catalog, 2 page tree, 3 encoding, 4–5 fonts, 6 info,
    # then a page and its content stream for each page.
    page_ids = [7 + 2 * i for i in range(len(streams))]
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Lang (pl-PL) >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % i for i in page_ids), len(streams)),
        3: b"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [%d %s] >>" % (FIRST_CODE, differences),
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding 3 0 R >>",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding 3 0 R >>",
        6: b"<< /Title %s /Producer (PPS Portal) >>" % _info_string(title),
    }
    for page_id, stream in zip(page_ids, streams, strict=True):
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> >>" % (PAGE_WIDTH, PAGE_HEIGHT, page_id + 1)
        )
        objects[page_id + 1] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref_at = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref_at)
    return bytes(out)
