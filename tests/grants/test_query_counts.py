"""Every grants page: the same number of queries for one and for several calls and grants."""

import pytest
from django.urls import reverse

from tests.documents.factories import DocumentFactory
from tests.grants.factories import GrantCallFactory, GrantFactory, resolved_call
from tests.organizations.factories import AreaFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

# Shared by every page: site settings (1), the side column's mini calendar (1) and banners (1).
SHELL = 3


@pytest.fixture(params=[1, 6], ids=["one", "several"])
def many(request, site_settings):
    areas = [AreaFactory(), AreaFactory()]
    organization = OrganizationFactory()
    calls = []
    for n in range(request.param):
        calls.append(GrantCallFactory(area=areas[n % 2]))
        resolved = resolved_call(area=areas[n % 2])
        calls.append(resolved)
        for _ in range(request.param):
            GrantFactory(call=resolved, organization=organization)
            GrantFactory(call=resolved)
        DocumentFactory(owner=resolved)
    return {"calls": calls, "organization": organization, "resolved": resolved}


def test_list_queries(client, django_assert_num_queries, many):
    # areas with public calls (1) and years (1) for the filters, count (1), the page with areas (1)
    with django_assert_num_queries(SHELL + 4):
        client.get(reverse("grants:list"))


def test_filtered_list_queries(client, django_assert_num_queries, many):
    query = {
        "status": "rozstrzygniety",
        "q": "konkurs",
        "rok": "2026",
        "obszar": "nie-ma",
        "rodzaj": "otwarty-konkurs",
    }
    with django_assert_num_queries(SHELL + 4):
        client.get(reverse("grants:list"), query)


def test_call_page_queries(client, django_assert_num_queries, many):
    # the call with its area and funder (1), its documents (1), its grants with their organizations (1)
    with django_assert_num_queries(SHELL + 3):
        client.get(many["resolved"].get_absolute_url())


def test_organization_page_block_queries(client, django_assert_num_queries, many):
    # organization (1), areas (1), upcoming events (1), grants with their calls (1)
    with django_assert_num_queries(SHELL + 4):
        client.get(many["organization"].get_absolute_url())


def test_statistics_queries(client, django_assert_num_queries, many):
    # registry: totals, legal forms, areas, districts (4); grants: by year (1), by area and year (1)
    with django_assert_num_queries(SHELL + 6):
        client.get(reverse("organizations:statistics"))


def test_home_queries(client, django_assert_num_queries, many):
    # pinned news, latest news, open calls, upcoming events (1 each)
    with django_assert_num_queries(SHELL + 4):
        client.get(reverse("home"))


@pytest.mark.parametrize("url", ["/konkursy/rss/", "/konkursy/atom/", "/konkursy.ics"])
def test_feed_queries(client, django_assert_num_queries, many, url):
    # site settings (1), the calls with their areas (1)
    with django_assert_num_queries(2):
        client.get(url)
