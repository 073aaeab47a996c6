"""Awarded grants as open data: 360Giving JSON (the standard's required fields) and CSV, streamed."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from editorial.states import State
from grants import exports
from tests.grants.factories import GrantCallFactory, GrantFactory, resolved_call
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

JSON = reverse("grants:grants_json")
CSV = reverse("grants:grants_csv")

# From the 360Giving schema (360-giving-schema.json): required at the grant level,
# and in each Organization of recipientOrganization / fundingOrganization.
GRANT_REQUIRED = [
    "id",
    "title",
    "description",
    "currency",
    "amountAwarded",
    "awardDate",
    "recipientOrganization",
    "fundingOrganization",
]
ORGANIZATION_REQUIRED = ["id", "name"]
DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$")


@pytest.fixture
def grants(site_settings):
    call = resolved_call(title="Wspieranie ekonomii społecznej 2025", slug="ekonomia-2025")
    listed = OrganizationFactory(name="Fundacja Oczami Brata", krs="0000098001", nip="")
    return [
        GrantFactory(
            call=call,
            organization=listed,
            recipient_name="Fundacja Oczami Brata",
            krs="0000098001",
            task_title="Dowóz na zajęcia",
            amount=Decimal("12500.50"),
        ),
        GrantFactory(
            call=call,
            recipient_name="Klub Seniora",
            nip="1234563218",
            task_title="Senior w ruchu",
            amount=Decimal("8000"),
        ),
        GrantFactory(
            call=call,
            recipient_name="Koło Gospodyń",
            task_title='=HYPERLINK("http://zly.example")',
            amount=Decimal("999.99"),
        ),
    ]


@pytest.fixture
def hidden_grants():
    """Grants nobody may see yet: of a call being evaluated, and of a withdrawn resolved call."""
    future = GrantCallFactory(resolved_on=timezone.localdate() + datetime.timedelta(days=3))
    GrantFactory(call=future, recipient_name="Jeszcze nieogłoszona")
    GrantFactory(call=resolved_call(status=State.WITHDRAWN), recipient_name="Wycofana")


def streamed(response):
    assert response.streaming
    return b"".join(response.streaming_content)


def test_360giving_json_has_every_required_field(client, grants, hidden_grants):
    document = json.loads(streamed(client.get(JSON)))
    assert len(document["grants"]) == 3
    for grant in document["grants"]:
        assert [field for field in GRANT_REQUIRED if field not in grant] == []
        assert isinstance(grant["title"], str) and isinstance(grant["description"], str) and grant["description"]
        assert grant["currency"] == "PLN"
        assert isinstance(grant["amountAwarded"], int | float)
        assert DATE.match(grant["awardDate"])
        assert grant["id"].startswith("360G-")
        for organization in [*grant["recipientOrganization"], *grant["fundingOrganization"]]:
            assert [field for field in ORGANIZATION_REQUIRED if not organization.get(field)] == []
    assert len({grant["id"] for grant in document["grants"]}) == 3


def test_360giving_identifiers_follow_org_id(client, grants):
    document = json.loads(streamed(client.get(JSON)))
    by_title = {grant["title"]: grant for grant in document["grants"]}
    assert by_title["Dowóz na zajęcia"]["recipientOrganization"] == [
        {
            "id": "PL-KRS-0000098001",
            "name": "Fundacja Oczami Brata",
            "url": "http://testserver" + grants[0].organization.get_absolute_url(),
        }
    ]
    assert by_title["Senior w ruchu"]["recipientOrganization"][0]["id"] == "PL-NIP-1234563218"
    assert by_title["Senior w ruchu"]["fundingOrganization"][0]["id"] == "PL-NIP-5730001233"
    assert by_title["Dowóz na zajęcia"]["amountAwarded"] == 12500.5


def test_json_lists_only_public_results(client, grants, hidden_grants):
    names = {g["recipientOrganization"][0]["name"] for g in json.loads(streamed(client.get(JSON)))["grants"]}
    assert names == {"Fundacja Oczami Brata", "Klub Seniora", "Koło Gospodyń"}


def test_json_is_a_valid_package_when_there_are_no_grants(client, site_settings):
    assert json.loads(streamed(client.get(JSON)))["grants"] == []


def test_csv_parses_and_round_trips_amounts(client, grants, hidden_grants):
    response = client.get(CSV)
    body = streamed(response)
    assert body.startswith(b"\xef\xbb\xbfidentyfikator;data_przyznania;organizacja;")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    amounts = {row["organizacja"]: Decimal(row["kwota_zl"].replace(",", ".")) for row in rows}
    assert amounts == {g.recipient_name: g.amount for g in grants}
    assert response["Content-Disposition"].startswith('attachment; filename="dotacje-')


def test_csv_cells_never_start_a_formula(client, grants):
    rows = list(csv.DictReader(io.StringIO(streamed(client.get(CSV)).decode("utf-8-sig")), delimiter=";"))
    assert [row["zadanie"] for row in rows if "HYPERLINK" in row["zadanie"]] == ['\'=HYPERLINK("http://zly.example")']


def test_export_streams_rows_from_an_open_server_side_cursor(client, grants, monkeypatch):
    """While the response is being sent, its rows come from a cursor still open on the server."""
    monkeypatch.setattr(exports, "CHUNK_SIZE", 1)
    chunks = iter(client.get(JSON).streaming_content)
    head = next(chunks) + next(chunks)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_cursors WHERE name LIKE '_django_curs_%%'")
        [open_cursors] = cursor.fetchone()
    document = json.loads(head + b"".join(chunks))
    assert (open_cursors, len(document["grants"])) == (1, 3)


def make(count):
    call = resolved_call()
    for n in range(count):
        GrantFactory(call=call, organization=OrganizationFactory(), recipient_name=f"Organizacja {n}")


@pytest.mark.parametrize("count", [1, 6])
@pytest.mark.parametrize("url", [JSON, CSV])
def test_export_queries(client, site_settings, django_assert_num_queries, count, url):
    make(count)
    # site settings (1, the publisher's name; CSV: none), the grants with
    # their call, area, funder and public organization slug (1)
    with django_assert_num_queries(2 if url == JSON else 1):
        streamed(client.get(url))
