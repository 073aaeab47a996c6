"""/organizacje/eksport-hsds.json: the registry as Open Referral HSDS 3, streamed."""

import datetime
import json
import re
import uuid

import pytest
from django.db import connection
from django.urls import reverse

from organizations import exports
from organizations.models import Organization
from tests.organizations.factories import AreaFactory, OrganizationFactory, pending

pytestmark = pytest.mark.django_db

HSDS = reverse("organizations:export_hsds")
ORG_ID = re.compile(r"^PL-(KRS-\d{10}|NIP-\d{10}|REGON-(\d{9}|\d{14}))$")

# Required properties of each HSDS 3 object the export writes (openreferral/specification, schema/*.json).
REQUIRED = {
    "organization": {"id", "name", "description"},
    "organization_identifier": {"id", "identifier_type", "identifier"},
    "phone": {"id", "number"},
    "location": {"id", "location_type"},
    "address": {"id", "address_1", "city", "state_province", "postal_code", "country", "address_type"},
    "attribute": {"id"},
    "taxonomy_term": {"id", "name", "description"},
}


@pytest.fixture
def organizations():
    culture, sport = AreaFactory(name="kultura", slug="kultura"), AreaFactory(name="sport", slug="sport")
    full = OrganizationFactory(
        name="Fundacja Pełna",
        krs="0000012345",
        nip="1234563218",
        regon="123456785",
        is_public_benefit=True,
        street_address="ul. Śląska 11/13",
        postal_code="42-217",
        phone="+48 34 370 71 00",
        email="biuro@example.org",
        website="https://example.org/",
        description="Wspieramy kulturę i sport.",
        areas=[culture, sport],
    )
    bare = OrganizationFactory(name="Klub Skromny", krs="", legal_form="uks", description="")
    return full, bare


def document(client, **params):
    response = client.get(HSDS, params)
    assert response.streaming and response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(b"".join(response.streaming_content))


def test_hsds_is_a_valid_page_of_organizations(client, organizations):
    data = document(client)
    assert {k: data[k] for k in ("total_items", "total_pages", "page_number", "size", "empty")} == {
        "total_items": 2,
        "total_pages": 1,
        "page_number": 1,
        "size": 2,
        "empty": False,
    }
    assert [o["name"] for o in data["contents"]] == ["Fundacja Pełna", "Klub Skromny"]


def test_every_record_has_the_required_fields(client, organizations):
    missing = []
    for org in document(client)["contents"]:
        missing += [("organization", org["name"], f) for f in REQUIRED["organization"] - set(org)]
        for identifier in org["organization_identifiers"]:
            missing += [("identifier", f) for f in REQUIRED["organization_identifier"] - set(identifier)]
        for phone in org["phones"]:
            missing += [("phone", f) for f in REQUIRED["phone"] - set(phone)]
        for location in org["locations"]:
            missing += [("location", f) for f in REQUIRED["location"] - set(location)]
            for address in location["addresses"]:
                missing += [("address", f) for f in REQUIRED["address"] - set(address)]
        for attribute in org["attributes"]:
            missing += [("attribute", f) for f in REQUIRED["attribute"] - set(attribute)]
            missing += [("taxonomy_term", f) for f in REQUIRED["taxonomy_term"] - set(attribute["taxonomy_term"])]
    assert missing == []


def test_identifiers_use_org_id_schemes(client, organizations):
    full = document(client)["contents"][0]
    ids = [f"{i['identifier_scheme']}-{i['identifier']}" for i in full["organization_identifiers"]]
    assert ids == ["PL-KRS-0000012345", "PL-NIP-1234563218", "PL-REGON-123456785"]
    assert all(ORG_ID.match(i) for i in ids)


def test_address_phone_and_areas_as_taxonomy_terms(client, organizations):
    full = document(client)["contents"][0]
    [location] = full["locations"]
    [address] = location["addresses"]
    assert (address["address_1"], address["postal_code"], address["country"], address["address_type"]) == (
        "ul. Śląska 11/13",
        "42-217",
        "PL",
        "physical",
    )
    assert [p["number"] for p in full["phones"]] == ["+48 34 370 71 00"]
    terms = [(a["link_type"], a["taxonomy_term"]["code"], a["taxonomy_term"]["name"]) for a in full["attributes"]]
    assert terms == [
        ("area_of_activity", "kultura", "kultura"),
        ("area_of_activity", "sport", "sport"),
        ("status", "opp", "organizacja pożytku publicznego (OPP)"),
    ]
    assert (full["website"], full["email"], full["uri"]) == (
        "https://example.org/",
        "biuro@example.org",
        f"http://testserver{Organization.objects.get(name='Fundacja Pełna').get_absolute_url()}",
    )


def test_ids_are_uuids_stable_between_exports(client, organizations):
    first, second = document(client), document(client)
    ids = [o["id"] for o in first["contents"]]
    assert ids == [o["id"] for o in second["contents"]]
    assert all(uuid.UUID(i).version == 5 for i in ids)
    term_ids = {a["taxonomy_term"]["id"] for o in first["contents"] for a in o["attributes"]}
    assert len(term_ids) == 3  # one per term, shared by every organization using it


def test_only_published_organizations_are_exported(client, organizations):
    pending(name="Niewidoczna")
    assert [o["name"] for o in document(client)["contents"]] == ["Fundacja Pełna", "Klub Skromny"]


def test_a_removed_organization_carries_its_status_and_date_as_an_attribute(client, organizations):
    OrganizationFactory(
        name="Wykreślona",
        registry_status=Organization.RegistryStatus.STRUCK_OFF,
        registry_status_since=datetime.date(2025, 1, 1),
    )
    contents = {o["name"]: o for o in document(client)["contents"]}
    statuses = {
        name: [(a["taxonomy_term"]["code"], a.get("value")) for a in o["attributes"] if a["link_type"] == "status"]
        for name, o in contents.items()
    }
    assert statuses == {
        "Fundacja Pełna": [("opp", None)],
        "Klub Skromny": [],
        "Wykreślona": [("struck_off", "2025-01-01")],
    }


def test_empty_registry_is_a_valid_empty_page(client):
    data = document(client)
    assert (data["empty"], data["total_items"], data["contents"]) == (True, 0, [])


def test_hsds_honours_the_registry_filters(client, organizations):
    assert [o["name"] for o in document(client, forma="uks")["contents"]] == ["Klub Skromny"]


def test_hsds_streams_rows_through_a_server_side_cursor(client, organizations, monkeypatch):
    """Rows come from a database cursor still open while the response is
    sent (one row per fetch here): they are never all loaded at once."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 1)
    chunks = iter(client.get(HSDS).streaming_content)
    head = next(chunks) + next(chunks)  # the page header, then the first record
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_cursors WHERE name LIKE '_django_curs_%%'")
        [open_cursors] = cursor.fetchone()
    data = json.loads(head + b"".join(chunks))
    assert (open_cursors, len(data["contents"])) == (1, 2)


def test_the_registry_page_documents_the_hsds_export(client, site_settings, organizations):
    html = client.get(reverse("organizations:statistics")).content.decode()
    assert f'href="{HSDS}"' in html and "PL-KRS-0000123456" in html


def add_organizations(count, start):
    """`count` published organizations with an area, in one insert (as the demo's scale does)."""
    area = AreaFactory()
    created = Organization.objects.bulk_create(
        Organization(
            name=f"Fundacja Pamięciowa {start + i:05d}",
            slug=f"fundacja-pamieciowa-{start + i:05d}",
            legal_form="fundacja",
            status="published",
            description="Wspieramy mieszkańców. " * 20,
            street_address=f"ul. Długa {i}",
            postal_code="42-200",
            phone="+48 34 370 71 00",
            email=f"biuro{start + i}@example.org",
        )
        for i in range(count)
    )
    Organization.areas.through.objects.bulk_create(
        Organization.areas.through(organization_id=o.pk, area_id=area.pk) for o in created
    )


def peak_memory_of_export(client):
    """(peak bytes allocated while the export is produced and read, bytes sent)."""
    import tracemalloc

    tracemalloc.start()
    try:
        sent = sum(len(chunk) for chunk in client.get(HSDS).streaming_content)
        return tracemalloc.get_traced_memory()[1], sent
    finally:
        tracemalloc.stop()


def test_hsds_memory_does_not_grow_with_the_registry(client, monkeypatch):
    """Memory bound, measured: ten times the organizations (1.7 MB more
    JSON) raise the peak allocation by less than a tenth of the document
    (measured: +17 KB streamed; +2.9 MB when the rows are read at once)."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 50)
    add_organizations(100, 0)
    b"".join(client.get(HSDS).streaming_content)  # warm-up: imports, URL and template caches
    small_peak, small_size = peak_memory_of_export(client)
    add_organizations(900, 100)
    large_peak, large_size = peak_memory_of_export(client)
    assert large_size > 9 * small_size
    assert large_peak - small_peak < large_size / 10
