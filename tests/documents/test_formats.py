"""The format of a document comes from its bytes: each allowed format is
recognised from a real file, anything else is refused whatever its name."""

import io
import zipfile

import olefile
import pytest
from django.core.exceptions import ValidationError

from documents import formats
from documents.pdf import make_pdf
from tests.documents import samples


@pytest.mark.parametrize(("name", "expected"), [(n, key) for n, (_d, key) in samples.SAMPLES.items()])
def test_each_allowed_format_is_recognised_from_a_real_file(name, expected):
    data = samples.SAMPLES[name][0]
    assert formats.detect(io.BytesIO(data), name).format.key == expected


@pytest.mark.parametrize("name", ["bez-rozszerzenia", "plik.bin", "regulamin.exe"])
def test_the_name_does_not_decide_the_format(name):
    assert formats.detect(io.BytesIO(samples.pdf()), name).format.key == "pdf"


def test_the_ole_samples_are_compound_files_office_tools_can_read():
    with olefile.OleFileIO(io.BytesIO(samples.doc())) as doc, olefile.OleFileIO(io.BytesIO(samples.xls())) as xls:
        assert doc.listdir() == [["WordDocument"]]
        assert xls.listdir() == [["Workbook"]]


def test_the_zip_samples_are_complete_packages():
    with zipfile.ZipFile(io.BytesIO(samples.odt())) as odt, zipfile.ZipFile(io.BytesIO(samples.docx())) as docx:
        assert odt.namelist()[0] == "mimetype"
        assert odt.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        assert docx.testzip() is None


def test_text_gets_its_charset():
    assert formats.detect(io.BytesIO(samples.csv_utf8()), "a.csv").content_type == "text/csv; charset=utf-8"
    assert formats.detect(io.BytesIO(samples.csv_cp1250()), "a.csv").content_type == "text/csv; charset=windows-1250"


HOSTILE = {
    "html-renamed.pdf": b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>",
    "html-without-doctype.pdf": b"  <html><script>alert(1)</script></html>",
    "image.pdf": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
    "xml-prolog-svg.csv": b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "svg-after-text.txt": b"Zobacz obrazek:\n<svg onload=alert(1)>",
    "program.pdf": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64,
    "program.doc": b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64,
    "archive.docx": None,  # a ZIP of something else (filled below)
    "macros.docx": samples.docx(macro=True),
    "truncated.pdf": samples.pdf()[:-200],
    "other-ole.doc": samples.ole("Contents", b"\x00" * 16),
    "ole-without-word-signature.doc": samples.ole("WordDocument", b"\x00" * 16),
    "odt-without-content.odt": None,
}


def _zip_of(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


HOSTILE["archive.docx"] = _zip_of({"readme.txt": "hello", "program.exe": "MZ"})
HOSTILE["odt-without-content.odt"] = _zip_of({"mimetype": "application/vnd.oasis.opendocument.text"})


@pytest.mark.parametrize("name", list(HOSTILE))
def test_renamed_markup_executables_and_other_files_are_refused(name):
    with pytest.raises(ValidationError):
        formats.detect(io.BytesIO(HOSTILE[name]), name)


def test_markup_is_refused_with_a_message_saying_why():
    with pytest.raises(ValidationError) as refused:
        formats.detect(io.BytesIO(HOSTILE["image.pdf"]), "image.pdf")
    assert refused.value.messages == ["Pliki HTML, SVG i XML nie są dozwolone jako dokumenty. Zapisz treść jako PDF."]


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="pusty"):
        formats.detect(io.BytesIO(b""), "pusty.pdf")


def test_the_size_limit_is_twenty_megabytes():
    pdf = make_pdf("Duży plik", ["x"])
    # A comment line after the header pads it to exactly the limit.
    padded = pdf[:9] + b"%" + b"x" * (formats.MAX_BYTES - len(pdf) - 2) + b"\n" + pdf[9:]
    assert len(padded) == formats.MAX_BYTES
    assert formats.detect(io.BytesIO(padded), "duzy.pdf").format.key == "pdf"
    with pytest.raises(ValidationError) as refused:
        formats.detect(io.BytesIO(padded + b"\n"), "za-duzy.pdf")
    assert refused.value.code == "file_too_large"
