"""An organization's page shows the grants it received by year with totals; the registry
statistics sum the grants per year and per area; results link to organizations published later."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from editorial import services
from grants.models import Grant
from tests.grants.factories import GrantFactory, resolved_call
from tests.organizations.factories import AreaFactory, OrganizationFactory, pending

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Site settings exist (the context processor reads them once per page)."""


def text(html):
    """The page's words, tags gone and ordinary whitespace collapsed (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def funded():
    organization = OrganizationFactory(name="Fundacja Oczami Brata")
    seniors, disability = AreaFactory(name="seniorzy", slug="seniorzy"), AreaFactory(name="niepełnosprawni")
    call_2024 = resolved_call(area=seniors, title="Seniorzy 2024", resolved_on=datetime.date(2024, 5, 10))
    call_2025 = resolved_call(area=disability, title="Niepełnosprawni 2025", resolved_on=datetime.date(2025, 6, 1))
    GrantFactory(
        call=call_2024, organization=organization, amount=Decimal("10000"), awarded_on=datetime.date(2024, 5, 10)
    )
    GrantFactory(
        call=call_2025, organization=organization, amount=Decimal("1250.50"), awarded_on=datetime.date(2025, 6, 1)
    )
    GrantFactory(
        call=call_2025, organization=organization, amount=Decimal("3000"), awarded_on=datetime.date(2025, 6, 1)
    )
    GrantFactory(
        call=call_2025,
        recipient_name="Inne Stowarzyszenie",
        amount=Decimal("700"),
        awarded_on=datetime.date(2025, 6, 1),
    )
    return organization


def test_organization_page_lists_its_grants_by_year_with_totals(client, funded):
    page = text(client.get(funded.get_absolute_url()).content.decode())
    assert "Dotacje z budżetu miasta" in page
    assert "Organizacja otrzymała 3 dotacje na łączną kwotę 14\u00a0250,50\u00a0zł." in page
    assert "2025: razem 4\u00a0250,50\u00a0zł" in page
    assert "2024: razem 10\u00a0000,00\u00a0zł" in page
    assert page.index("2025: razem") < page.index("2024: razem")


def test_organization_page_hides_results_not_yet_announced(client, funded):
    future = resolved_call(resolved_on=datetime.date.today() + datetime.timedelta(days=5))
    GrantFactory(call=future, organization=funded, amount=Decimal("99999"))
    assert "99\u00a0999" not in client.get(funded.get_absolute_url()).content.decode()


def test_organization_without_grants_shows_no_block(client):
    assert "Dotacje z budżetu miasta" not in client.get(OrganizationFactory().get_absolute_url()).content.decode()


def test_statistics_sums_equal_the_sum_of_grants(client, funded):
    response = client.get(reverse("organizations:statistics"))
    page = text(response.content.decode())
    total = sum(Grant.objects.public().values_list("amount", flat=True))
    assert total == Decimal("14950.50")
    assert "przyznano 4 dotacje na łączną kwotę 14\u00a0950,50\u00a0zł" in page
    stats = response.context["grants_by_year"]
    assert [(row["year"], row["total"], row["grants"]) for row in stats] == [
        (2025, Decimal("4950.50"), 3),
        (2024, Decimal("10000.00"), 1),
    ]
    by_area = {area["name"]: area["total"] for area in response.context["grants_by_area"]}
    assert by_area == {"niepełnosprawni": Decimal("4950.50"), "seniorzy": Decimal("10000.00")}
    assert sum(by_area.values()) == total


def test_results_link_to_an_organization_published_later(editor, django_capture_on_commit_callbacks):
    later = pending(name="Fundacja Zgłoszona Później", krs="0000077001")
    grant = GrantFactory(call=resolved_call(), recipient_name="Fundacja Zgłoszona Później", krs="0000077001")
    with django_capture_on_commit_callbacks(execute=True):
        services.transition(later, "publish", actor=editor)
    grant.refresh_from_db()
    assert grant.organization == later
