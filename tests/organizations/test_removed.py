"""Organizations in liquidation or struck off: off every list, their page explains it, exports carry the status."""

import csv
import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from organizations.models import Organization
from tests.organizations.factories import OrganizationFactory
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db

LIQUIDATION = Organization.RegistryStatus.IN_LIQUIDATION
STRUCK_OFF = Organization.RegistryStatus.STRUCK_OFF


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Site settings exist."""


@pytest.fixture
def registry():
    return {
        "active": OrganizationFactory(name="Fundacja Działająca", is_public_benefit=True),
        "liquidation": OrganizationFactory(
            name="Fundacja Likwidowana",
            is_public_benefit=True,
            registry_status=LIQUIDATION,
            registry_status_since=datetime.date(2026, 3, 2),
        ),
        "struck_off": OrganizationFactory(
            name="Fundacja Wykreślona",
            is_public_benefit=True,
            registry_status=STRUCK_OFF,
            registry_status_since=datetime.date(2025, 11, 14),
        ),
    }


def names(response, key="organizations"):
    return [organization.name for organization in response.context[key]]


def test_removed_organizations_leave_the_list_search_and_opp_list(client, registry):
    listed = names(client.get(reverse("organizations:list")))
    found = names(client.get(reverse("organizations:list"), {"q": "fundacja"}))
    opp = names(client.get(reverse("organizations:opp")))
    assert listed == found == opp == ["Fundacja Działająca"]


def test_removed_organizations_leave_the_site_search(client, registry):
    html = client.get(reverse("search"), {"q": "fundacja"}).content.decode()
    assert "Fundacja Działająca" in html
    assert "Likwidowana" not in html and "Wykreślona" not in html


def test_removed_organizations_leave_the_sitemap(client, registry):
    urls = sitemap_urls(client)
    assert any(url.endswith(registry["active"].get_absolute_url()) for url in urls)
    assert not any(
        url.endswith(registry[key].get_absolute_url()) for key in ("liquidation", "struck_off") for url in urls
    )


def test_statistics_count_only_active_organizations(client, registry):
    assert client.get(reverse("organizations:statistics")).context["total"] == 1


def test_struck_off_page_answers_410_and_explains(client, registry):
    response = client.get(registry["struck_off"].get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410
    assert "Organizacja wykreślona z KRS 14 listopada 2025 r." in html
    assert "Przekaż 1,5% podatku" not in html and "Zaktualizuj dane" not in html
    assert '<meta name="robots" content="noindex">' in html
    assert response.context["structured_data"]["dissolutionDate"] == "2025-11-14"


def test_liquidation_page_answers_200_with_the_notice(client, registry):
    response = client.get(registry["liquidation"].get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Organizacja w likwidacji od 2 marca 2026 r." in html and "Przekaż 1,5% podatku" not in html


def test_struck_off_without_krs_says_struck_off_the_register(client):
    organization = OrganizationFactory(
        krs="", legal_form="uks", registry_status=STRUCK_OFF, registry_status_since=datetime.date(2025, 1, 2)
    )
    assert (
        "Organizacja wykreślona z rejestru 2 stycznia 2025 r."
        in client.get(organization.get_absolute_url()).content.decode()
    )


def test_exports_carry_the_status(client, registry):
    body = b"".join(client.get(reverse("organizations:export_csv")).streaming_content).decode("utf-8-sig")
    rows = {
        r["nazwa"]: (r["status_w_rejestrze"], r["status_od_dnia"])
        for r in csv.DictReader(io.StringIO(body), delimiter=";")
    }
    data = json.loads(b"".join(client.get(reverse("organizations:export_json")).streaming_content))
    records = {r["name"]: (r["registry_status"], r["registry_status_since"]) for r in data["organizations"]}
    assert rows == {
        "Fundacja Działająca": ("działa", ""),
        "Fundacja Likwidowana": ("w likwidacji", "2026-03-02"),
        "Fundacja Wykreślona": ("wykreślona z KRS", "2025-11-14"),
    }
    assert records == {
        "Fundacja Działająca": ("działa", None),
        "Fundacja Likwidowana": ("w likwidacji", "2026-03-02"),
        "Fundacja Wykreślona": ("wykreślona z KRS", "2025-11-14"),
    }


def test_the_hsds_export_carries_the_status(client, registry):
    data = json.loads(b"".join(client.get(reverse("organizations:export_hsds")).streaming_content))
    removals = {
        o["name"]: [(a["taxonomy_term"]["name"], a["value"]) for a in o["attributes"] if a.get("value")]
        for o in data["contents"]
    }
    assert removals == {
        "Fundacja Działająca": [],
        "Fundacja Likwidowana": [("w likwidacji", "2026-03-02")],
        "Fundacja Wykreślona": [("wykreślona z KRS", "2025-11-14")],
    }


def test_a_removal_needs_its_date_in_forms_and_in_the_database():
    organization = OrganizationFactory()
    organization.registry_status = STRUCK_OFF
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert "registry_status_since" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.filter(pk=organization.pk).update(registry_status=STRUCK_OFF)


def test_editor_marks_an_organization_struck_off_in_admin(editor_client, registry):
    from tests.admin_forms import change_form_data

    organization = registry["active"]
    url = reverse("admin:organizations_organization_change", args=[organization.pk])
    response = editor_client.post(
        url,
        change_form_data(editor_client.get(url), registry_status="struck_off", registry_status_since="2026-02-01"),
    )
    organization.refresh_from_db()
    assert response.status_code == 302
    assert (organization.registry_status, organization.registry_status_since) == (
        "struck_off",
        datetime.date(2026, 2, 1),
    )
    assert names(editor_client.get(reverse("organizations:list"))) == []
