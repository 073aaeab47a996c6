"""The self-service pages and the HSDS export: the same number of queries for 1 and for several organizations."""

import pytest
from django.urls import reverse

from organizations import links
from organizations.models import UpdateLink
from tests.organizations.factories import AreaFactory, DistrictFactory, OrganizationFactory

pytestmark = pytest.mark.django_db

# Shared by every page: site settings (1), the side column's mini calendar
# (events of the month, 1) and banners (1).
SHELL = 3


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Site settings exist (the context processor reads them once per page)."""


def make(count):
    district = DistrictFactory()
    areas = [AreaFactory(), AreaFactory()]
    return [
        OrganizationFactory(name=f"Fundacja {i}", district=district, areas=areas, email=f"biuro{i}@example.org")
        for i in range(count)
    ]


def signed(organization, view, salt):
    return reverse(f"organizations:{view}", args=[organization.slug, links.make_token(organization, salt=salt)])


@pytest.mark.parametrize("count", [1, 7])
def test_request_page_queries(client, django_assert_num_queries, count):
    organization = make(count)[0]
    # the organization (1)
    with django_assert_num_queries(SHELL + 1):
        client.get(reverse("organizations:update_request", args=[organization.slug]))
    # the organization (1)
    with django_assert_num_queries(SHELL + 1):
        client.get(reverse("organizations:update_request_sent", args=[organization.slug]))


@pytest.mark.parametrize("count", [1, 7])
def test_edit_form_queries(client, django_assert_num_queries, count):
    organization = make(count)[0]
    link, token = UpdateLink.issue(organization)
    # the link with its organization and district (1), the entry the form
    # validates against (1), its areas (1), the area and district choices (2)
    with django_assert_num_queries(SHELL + 5):
        client.get(link.get_absolute_url_with(token))


@pytest.mark.parametrize("count", [1, 7])
def test_confirm_and_unsubscribe_page_queries(client, django_assert_num_queries, count):
    organization = make(count)[0]
    # the organization with its district (1), its areas (1)
    with django_assert_num_queries(SHELL + 2):
        client.get(signed(organization, "confirm", links.CONFIRM_SALT))
    # the organization (1)
    with django_assert_num_queries(SHELL + 1):
        client.get(signed(organization, "stop_reminders", links.STOP_SALT))


@pytest.mark.parametrize("count", [1, 7])
def test_hsds_export_queries(client, django_assert_num_queries, count):
    make(count)
    # areas and districts for the filters (2), the count (1), the rows with
    # their district and areas over one server-side cursor (1)
    with django_assert_num_queries(4):
        response = client.get(reverse("organizations:export_hsds"))
        b"".join(response.streaming_content)


@pytest.mark.parametrize("count", [1, 7])
def test_thanks_and_link_problem_page_queries(client, django_assert_num_queries, count):
    from django.core import signing

    from organizations.self_service import _THANKS_SALT
    from tests.organizations.factories import proposed_change

    organization = make(count)[0]
    change = proposed_change(organization, phone="34 370 22 22")
    thanks = reverse("organizations:update_thanks", args=[organization.slug])
    # the change with its organization (1)
    with django_assert_num_queries(SHELL + 1):
        client.get(thanks, {"z": signing.dumps(["change", change.pk], salt=_THANKS_SALT)})
    # looking the token up (1)
    with django_assert_num_queries(SHELL + 1):
        client.get(f"/organizacje/{organization.slug}/aktualizacja/{'x' * 43}/")
