import csv
import io
import json

import pytest
from django.db import connection
from django.urls import reverse

from organizations import exports
from organizations.models import Organization
from tests.organizations.factories import AreaFactory, DistrictFactory, OrganizationFactory, pending

pytestmark = pytest.mark.django_db

CSV = reverse("organizations:export_csv")
JSON = reverse("organizations:export_json")


@pytest.fixture
def organizations():
    district = DistrictFactory(name="Śródmieście Testowe", slug="srodmiescie-test")
    areas = [AreaFactory(name="muzyka dawna"), AreaFactory(name="żeglarstwo śródlądowe")]
    return [
        OrganizationFactory(
            name='Fundacja „Źródło” — Łódź & Częstochowa; "cytat"',
            krs="0000012345",
            nip="1234563218",
            regon="123456785",
            is_public_benefit=True,
            district=district,
            areas=areas,
            street_address="ul. Śląska 11/13",
            postal_code="42-217",
            phone="+48 34 370 71 00",
            email="biuro@example.org",
            website="https://example.org/",
            description="Pierwszy akapit;\ndrugi wiersz z „cudzysłowem”.",
        ),
        OrganizationFactory(name='=HYPERLINK("http://zly.example")', krs=""),
        OrganizationFactory(name="Żubr", legal_form=Organization.LegalForm.STUDENT_SPORTS_CLUB, krs=""),
    ]


def streamed(response):
    assert response.streaming
    return b"".join(response.streaming_content)


def expected_records():
    """The public fields of every published organization, as the exports promise them."""
    return sorted(
        (
            o.name,
            o.get_legal_form_display(),
            o.krs,
            o.nip,
            o.regon,
            o.is_public_benefit,
            sorted(a.name for a in o.areas.all()),
            o.district.name if o.district else "",
            o.phone,
            o.description,
            f"http://testserver{o.get_absolute_url()}",
        )
        for o in Organization.objects.published()
    )


def unescape(cell):
    return cell[1:] if cell[:2] in {"'=", "'+", "'-", "'@"} else cell


def test_csv_is_excel_friendly_utf8_with_bom_and_semicolons(client, organizations):
    response = client.get(CSV)
    body = streamed(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="organizacje-')
    assert body.startswith(b"\xef\xbb\xbfnazwa;forma_prawna;krs;")
    assert b"\r\n" in body


def test_csv_parses_back_to_the_same_records(client, organizations):
    text = streamed(client.get(CSV)).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    parsed = sorted(
        (
            unescape(r["nazwa"]),
            r["forma_prawna"],
            r["krs"],
            r["nip"],
            r["regon"],
            r["opp"] == "tak",
            [a for a in r["obszary_dzialalnosci"].split(" | ") if a],
            r["dzielnica"],
            unescape(r["telefon"]),
            r["opis"],
            r["adres_w_serwisie"],
        )
        for r in rows
    )
    assert parsed == expected_records()


def test_csv_neutralises_formulas(client, organizations):
    text = streamed(client.get(CSV)).decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    assert ";'+48 34 370 71 00;" in text


def test_json_is_valid_and_parses_back_to_the_same_records(client, organizations):
    response = client.get(JSON)
    data = json.loads(streamed(response))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert data["license"]["url"].startswith("https://creativecommons.org/")
    parsed = sorted(
        (
            r["name"],
            r["legal_form"],
            r["krs"],
            r["nip"],
            r["regon"],
            r["is_public_benefit"],
            r["areas"],
            r["district"],
            r["phone"],
            r["description"],
            r["url"],
        )
        for r in data["organizations"]
    )
    assert parsed == expected_records()


def test_json_with_no_organizations_is_valid(client):
    assert json.loads(streamed(client.get(JSON)))["organizations"] == []


def test_exports_honour_filters_and_query(client, organizations):
    data = json.loads(streamed(client.get(JSON, {"q": "zrodlo", "opp": "tak"})))
    assert [r["name"] for r in data["organizations"]] == [organizations[0].name]
    text = streamed(client.get(CSV, {"forma": "uks"})).decode("utf-8-sig")
    assert text.count("\r\n") == 2 and "Żubr" in text


def test_exports_with_area_filter_keep_all_areas_of_each_record(client, organizations):
    area = organizations[0].areas.first()
    data = json.loads(streamed(client.get(JSON, {"obszar": area.slug})))
    assert data["organizations"][0]["areas"] == ["muzyka dawna", "żeglarstwo śródlądowe"]


def test_exports_exclude_unpublished(client, organizations):
    pending(name="Niewidoczna")
    assert b"Niewidoczna" not in streamed(client.get(CSV))
    assert b"Niewidoczna" not in streamed(client.get(JSON))


def test_export_streams_rows_through_a_server_side_cursor(client, organizations, monkeypatch):
    """Rows come from a database cursor that is still open while the response
    is being sent (one row per fetch here): they are never all loaded at once."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 1)
    chunks = iter(client.get(JSON).streaming_content)
    head = next(chunks) + next(chunks)  # the header, then the first record
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_cursors WHERE name LIKE '_django_curs_%%'")
        [open_cursors] = cursor.fetchone()
    document = json.loads(head + b"".join(chunks))
    assert (open_cursors, len(document["organizations"])) == (1, 3)
