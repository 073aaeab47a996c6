"""Real sample files of every accepted format, made here (nothing downloaded).

DOCX/XLSX/ODT/ODS are real ZIP packages with the parts their standards
require; DOC/XLS are real OLE compound files (written sector by sector, as
olefile and Office read them) holding a Word or Excel stream with its
signature; the PDF is a complete, valid file.
"""

import io
import struct
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from documents.pdf import make_pdf


def pdf(title="Regulamin konkursu", paragraphs=("Zasady udziału w konkursie.",)):
    return make_pdf(title, list(paragraphs))


def _zip(entries, stored_first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        if stored_first:
            # OpenDocument: "mimetype" first and uncompressed.
            package.writestr(zipfile.ZipInfo(stored_first[0]), stored_first[1], compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
    ' Target="{target}"/></Relationships>'
)


def _content_types(part, content_type):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
    )


def docx(text="Wniosek o dofinansowanie", *, macro=False):
    content_type = (
        "application/vnd.ms-word.document.macroEnabled.main+xml"
        if macro
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    )
    return _zip(
        {
            "[Content_Types].xml": _content_types("word/document.xml", content_type),
            "_rels/.rels": RELS.format(target="word/document.xml"),
            "word/document.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
            ),
        }
    )


def xlsx():
    return _zip(
        {
            "[Content_Types].xml": _content_types(
                "xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
            ).replace(
                "</Types>",
                '<Override PartName="/xl/worksheets/sheet1.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
            ),
            "_rels/.rels": RELS.format(target="xl/workbook.xml"),
            "xl/workbook.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Dotacje" sheetId="1" r:id="rId1"/></sheets></workbook>'
            ),
            "xl/_rels/workbook.xml.rels": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" '
                'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                'Target="worksheets/sheet1.xml"/></Relationships>'
            ),
            "xl/worksheets/sheet1.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '<sheetData><row r="1"><c r="A1"><v>800</v></c></row></sheetData></worksheet>'
            ),
        }
    )


def _odf(mimetype, body):
    return _zip(
        {
            "META-INF/manifest.xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>"
            ),
            "content.xml": (
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">'
                f"<office:body>{body}</office:body></office:document-content>"
            ),
        },
        stored_first=("mimetype", mimetype),
    )


def odt():
    return _odf(
        "application/vnd.oasis.opendocument.text", "<office:text><text:p>Sprawozdanie roczne</text:p></office:text>"
    )


def ods():
    return _odf(
        "application/vnd.oasis.opendocument.spreadsheet",
        '<office:spreadsheet><table:table table:name="Arkusz1"><table:table-row><table:table-cell>'
        "<text:p>800</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>",
    )


# -- OLE compound files (MS-CFB, version 3, 512-byte sectors) ------------------

FREESECT, ENDOFCHAIN, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _directory_entry(name, kind, *, child=NOSTREAM, start=ENDOFCHAIN, size=0):
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", NOSTREAM, NOSTREAM, child)
        + b"\0" * 16  # CLSID
        + b"\0" * 4  # state bits
        + b"\0" * 16  # creation and modification times
        + struct.pack("<IQ", start, size)
    )


def ole(stream_name, stream_data):
    """An OLE compound file with one stream (at least 4096 bytes, so it lives
    in regular sectors: sector 0 the FAT, 1 the directory, 2… the stream)."""
    stream_data = stream_data.ljust(4096, b"\0")
    stream_data = stream_data.ljust(-(-len(stream_data) // 512) * 512, b"\0")
    stream_sectors = len(stream_data) // 512
    fat = [FATSECT, ENDOFCHAIN] + [3 + i for i in range(stream_sectors - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (128 - len(fat))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
        + struct.pack("<109I", 0, *([FREESECT] * 108))
    )
    directory = (
        _directory_entry("Root Entry", 5, child=1)
        + _directory_entry(stream_name, 2, start=2, size=len(stream_data))
        + _directory_entry("", 0) * 2
    )
    return header + struct.pack("<128I", *fat) + directory + stream_data


def doc():
    # The Word binary format's stream, starting with its FIB signature 0xA5EC.
    return ole("WordDocument", b"\xec\xa5\xc1\x00" + b"\0" * 60)


def xls():
    # The Excel workbook stream, starting with a BIFF8 BOF record (0x0809).
    return ole("Workbook", b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\0" * 8)


def rtf():
    return rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Arial;}} \f0 Harmonogram nabor\u243?w.\par}"


def csv_utf8():
    return "nazwa;kwota\nFundacja Oczami Brata;12000\nJasne, że bus;8000\n".encode()


def csv_cp1250():
    return "nazwa;kwota\nSpółdzielnia „Jasne, że zmiana”;5000\n".encode("cp1250")


def txt():
    return b"Informacja o naborze.\nTermin: 30 listopada.\n"


SAMPLES = {
    # file name -> (bytes, detected format)
    "regulamin.pdf": (pdf(), "pdf"),
    "wniosek.doc": (doc(), "doc"),
    "wniosek.docx": (docx(), "docx"),
    "sprawozdanie.odt": (odt(), "odt"),
    "harmonogram.rtf": (rtf(), "rtf"),
    "budzet.xls": (xls(), "xls"),
    "budzet.xlsx": (xlsx(), "xlsx"),
    "budzet.ods": (ods(), "ods"),
    "dotacje.csv": (csv_utf8(), "csv"),
    "dotacje-1250.csv": (csv_cp1250(), "csv"),
    "informacja.txt": (txt(), "txt"),
}


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type)
