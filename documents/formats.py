"""What a document file really is, read from its bytes (never its name).

The portal accepts the handful of formats a city publishes: PDF, Word
(DOC, DOCX), OpenDocument (ODT, ODS), RTF, Excel (XLS, XLSX), CSV and plain
text. Each is recognised by its structure, not only by a magic number:

* PDF: starts with ``%PDF-`` and ends with an ``%%EOF`` marker;
* RTF: starts with ``{\\rtf``;
* DOCX/XLSX: a ZIP package whose ``[Content_Types].xml`` declares the main
  part of a Word document or an Excel workbook (macro-enabled variants are
  refused) and which holds that part;
* ODT/ODS: a ZIP package whose ``mimetype`` entry names the OpenDocument type;
* DOC/XLS: an OLE compound file (read with olefile) holding a
  ``WordDocument`` stream that starts with the Word signature 0xA5EC, or a
  ``Workbook``/``Book`` stream that starts with an Excel BOF record;
* CSV/TXT: UTF-8 (or Windows-1250, what Polish Excel writes) text without
  control characters that does not look like markup: an HTML or SVG file
  renamed ``.txt`` or ``.csv`` is refused. CSV and TXT are the same kind of
  content; the name's extension tells which of the two the author meant.

Anything else — an executable, an HTML page or SVG image renamed ``.pdf``,
an encrypted or macro-enabled Office file, a ZIP of something else — is
refused with a Polish message. Only small parts of a ZIP package are read
(its directory and one short entry), so a ZIP bomb is never expanded.
"""

import os
import re
import zipfile
from dataclasses import dataclass

import olefile
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Format:
    key: str  # stored in Document.file_type
    label: str  # shown in links: "Regulamin (PDF, 1,2 MB)"
    extension: str
    mime: str


FORMATS = {
    f.key: f
    for f in [
        Format("pdf", "PDF", "pdf", "application/pdf"),
        Format("doc", "DOC", "doc", "application/msword"),
        Format("docx", "DOCX", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        Format("odt", "ODT", "odt", "application/vnd.oasis.opendocument.text"),
        Format("rtf", "RTF", "rtf", "application/rtf"),
        Format("xls", "XLS", "xls", "application/vnd.ms-excel"),
        Format("xlsx", "XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        Format("ods", "ODS", "ods", "application/vnd.oasis.opendocument.spreadsheet"),
        Format("csv", "CSV", "csv", "text/csv"),
        Format("txt", "TXT", "txt", "text/plain"),
    ]
}
CHOICES = [(f.key, f.label) for f in FORMATS.values()]
ALLOWED_LABELS = ", ".join(f.label for f in FORMATS.values())


@dataclass(frozen=True)
class Detected:
    format: Format
    # The Content-Type to serve it with (text gets its charset).
    content_type: str


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORD_SIGNATURE = b"\xec\xa5"  # FIB wIdent 0xA5EC, little-endian
EXCEL_BOF = b"\x09\x08"  # BOF record 0x0809 (BIFF5 and BIFF8), little-endian
OOXML_MAIN_PARTS = {
    # content type of the main part -> (format key, the part that must exist)
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": ("docx", "word/"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": ("xlsx", "xl/"),
}
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
# Markup a browser (or an editor's desktop) might render: refused as text.
_MARKUP = re.compile(rb"<\s*(?:!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)\b", re.IGNORECASE)
# Control characters that never occur in a real text file (tab, LF, FF, CR do).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _unsupported():
    return ValidationError(
        _("Nieobsługiwany lub uszkodzony plik. Dozwolone formaty: %(formats)s.") % {"formats": ALLOWED_LABELS},
        code="unsupported",
    )


def _read(file, size=None, offset=0, whence=os.SEEK_SET):
    file.seek(offset, whence)
    return file.read(size) if size is not None else file.read()


def _size(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
    return size


def _pdf(file, size):
    tail = _read(file, min(size, 2048), -min(size, 2048), os.SEEK_END)
    return "pdf" if b"%%EOF" in tail else None


def _zip_member(package, name, limit):
    """A small ZIP entry's bytes, or None if it is absent or larger than `limit` (never inflated beyond it)."""
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        return None
    with package.open(info) as member:
        return member.read(limit + 1)[:limit]


def _zip(file):
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as package:
            names = set(package.namelist())
            mimetype = _zip_member(package, "mimetype", 200)
            if mimetype is not None:
                key = ODF_TYPES.get(mimetype.strip())
                return key if key and "content.xml" in names else None
            types = _zip_member(package, "[Content_Types].xml", 256 * 1024)
            if types is None:
                return None
            text = types.decode("utf-8", "replace")
            for main_type, (key, folder) in OOXML_MAIN_PARTS.items():
                match = re.search(r'PartName="/([^"]+)"\s+ContentType="' + re.escape(main_type) + '"', text)
                match = match or re.search(r'ContentType="' + re.escape(main_type) + r'"\s+PartName="/([^"]+)"', text)
                if match and match.group(1) in names and match.group(1).startswith(folder):
                    return key
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return None
    return None


def _ole(file):
    try:
        file.seek(0)
        with olefile.OleFileIO(file) as ole:
            if ole.exists("WordDocument"):
                with ole.openstream("WordDocument") as stream:
                    return "doc" if stream.read(2) == WORD_SIGNATURE else None
            for name in ("Workbook", "Book"):
                if ole.exists(name):
                    with ole.openstream(name) as stream:
                        return "xls" if stream.read(2) == EXCEL_BOF else None
    except Exception:  # olefile raises many kinds of errors for damaged files
        return None
    return None


def _text(file, name):
    data = _read(file)
    if data.startswith(b"\xef\xbb\xbf"):
        data, charset = data[3:], "utf-8"
    else:
        charset = "utf-8"
    if _CONTROL.search(data):
        return None, None
    head = data[:65536]
    if head.lstrip().startswith(b"<") or _MARKUP.search(head):
        raise ValidationError(
            _("Pliki HTML, SVG i XML nie są dozwolone jako dokumenty. Zapisz treść jako PDF."), code="markup"
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1250")
        except UnicodeDecodeError:
            return None, None
        charset = "windows-1250"
    key = "csv" if name.lower().endswith(".csv") else "txt"
    return key, charset


def detect(file, name=""):
    """The format of an uploaded file, from its content.

    `file` is a seekable file object (an upload or a stored file); `name` the
    uploader's file name, used only to tell CSV from plain text. Returns a
    `Detected`; raises `ValidationError` (Polish) for anything not allowed.
    """
    size = _size(file)
    if size == 0:
        raise ValidationError(_("Plik jest pusty."), code="empty")
    if size > MAX_BYTES:
        raise ValidationError(
            _("Plik jest za duży (%(size)s MB). Największy dopuszczalny rozmiar to %(max)d MB.")
            % {"size": f"{size / 1024 / 1024:.1f}".replace(".", ","), "max": MAX_BYTES // 1024 // 1024},
            code="file_too_large",
        )
    head = _read(file, 8)
    charset = None
    if head.startswith(b"%PDF-"):
        key = _pdf(file, size)
    elif head.startswith(b"{\\rtf"):
        key = "rtf"
    elif head.startswith(b"PK\x03\x04"):
        key = _zip(file)
    elif head.startswith(OLE_SIGNATURE):
        key = _ole(file)
    else:
        key, charset = _text(file, name)
    file.seek(0)
    if key is None:
        raise _unsupported()
    fmt = FORMATS[key]
    return Detected(fmt, f"{fmt.mime}; charset={charset}" if charset else fmt.mime)


def validate_document_file(file):
    """Model/form field validator: the file is one of the allowed formats."""
    detect(file, getattr(file, "name", "") or "")
