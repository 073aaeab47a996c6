"""The hand-written PDFs (demo documents, samples) are complete, valid files."""

import re

from documents.pdf import CODES, make_pdf


def _xref(data):
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    table = data[start:].split(b"trailer")[0].split(b"\n")
    assert table[0] == b"xref"
    count = int(table[1].split()[1])
    return [int(line[:10]) for line in table[3 : 2 + count]]


def test_every_cross_reference_points_at_its_object():
    data = make_pdf("Regulamin konkursu", ["Akapit pierwszy.", "Akapit drugi."])
    offsets = _xref(data)
    assert [data[offset:].split(b"\n", 1)[0] for offset in offsets] == [
        b"%d 0 obj" % number for number in range(1, len(offsets) + 1)
    ]


def test_stream_lengths_match_their_data():
    data = make_pdf("Sprawozdanie", ["Treść " * 200])
    for length, body in re.findall(rb"<< /Length (\d+) >>\nstream\n(.*?)\nendstream", data, re.DOTALL):
        assert int(length) == len(body)


def test_long_text_flows_onto_more_pages():
    data = make_pdf("Program współpracy", ["Zdanie programu współpracy z organizacjami. " * 40] * 12)
    count = int(re.search(rb"/Type /Pages /Kids \[[^\]]*\] /Count (\d+)", data).group(1))
    assert count > 1
    assert data.count(b"/Type /Page ") == count


def test_polish_letters_are_text_in_the_font_encoding():
    data = make_pdf("Zażółć gęślą jaźń", [])
    encoded = bytes(CODES[c] if c in CODES else ord(c) for c in "Zażółć gęślą jaźń")
    assert b"(" + encoded + b") Tj" in data
    assert b"/Differences [128 /aogonek /cacute /eogonek /lslash" in data
