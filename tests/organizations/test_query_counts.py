"""Every public page of the registry: the same number of queries for 1 and for several organizations."""

import pytest
from django.urls import reverse

from tests.organizations.factories import AreaFactory, DistrictFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Site settings exist (the context processor reads them once per page)."""


def make(count):
    district = DistrictFactory()
    areas = [AreaFactory(), AreaFactory()]
    return [
        OrganizationFactory(name=f"Fundacja Przykładowa {i}", district=district, areas=areas, is_public_benefit=True)
        for i in range(count)
    ]


# Shared by every page: site settings (1), the side column's mini calendar
# (events of the month, 1) and banners (1).
SHELL = 3


@pytest.mark.parametrize("count", [1, 7])
def test_list_queries(client, django_assert_num_queries, count):
    make(count)
    # areas (1) + districts (1) for the filters, count (1), page (1), areas of the page (1)
    with django_assert_num_queries(SHELL + 5):
        client.get(reverse("organizations:list"))


@pytest.mark.parametrize("count", [1, 7])
def test_search_queries(client, django_assert_num_queries, count):
    make(count)
    # areas (1) + districts (1), count (1), page (1), areas of the page (1)
    with django_assert_num_queries(SHELL + 5):
        client.get(reverse("organizations:list"), {"q": "fundcja", "forma": "stowarzyszenie", "opp": "tak"})


@pytest.mark.parametrize("count", [1, 7])
def test_detail_queries(client, django_assert_num_queries, count):
    organization = make(count)[0]
    # organization with its district (1), its areas (1), its upcoming events
    # (calendar_app's organization_events tag, 1), its grants (grants' organization_grants tag, 1)
    with django_assert_num_queries(SHELL + 4):
        client.get(organization.get_absolute_url())


@pytest.mark.parametrize("count", [1, 7])
def test_opp_queries(client, django_assert_num_queries, count):
    make(count)
    # areas for the filter (1), count (1), page (1)
    with django_assert_num_queries(SHELL + 3):
        client.get(reverse("organizations:opp"))


@pytest.mark.parametrize("count", [1, 7])
def test_statistics_queries(client, django_assert_num_queries, count):
    make(count)
    # totals (1), by legal form (1), by area (1), by district (1);
    # grants (grants' grants_statistics tag): by year (1), by area and year (1)
    with django_assert_num_queries(SHELL + 6):
        client.get(reverse("organizations:statistics"))
