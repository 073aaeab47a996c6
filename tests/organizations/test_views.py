import json

import pytest
from django.urls import reverse

from organizations.models import Organization
from tests.organizations.factories import AreaFactory, DistrictFactory, OrganizationFactory, pending, rejected
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db

LIST = reverse("organizations:list")
OPP = reverse("organizations:opp")
STATS = reverse("organizations:statistics")


@pytest.fixture
def hidden():
    """One pending and one rejected organization, OPP, with distinctive names."""
    return [
        pending(name="Fundacja Ukryta Oczekująca", slug="ukryta-oczekujaca", is_public_benefit=True),
        rejected(name="Fundacja Ukryta Odrzucona", slug="ukryta-odrzucona", is_public_benefit=True),
    ]


def test_list_shows_published_in_polish_order(client):
    for name in ["Żubr", "Łąka", "Lipa"]:
        OrganizationFactory(name=name)
    response = client.get(LIST)
    assert [o.name for o in response.context["organizations"]] == ["Lipa", "Łąka", "Żubr"]


def test_list_search_and_filters_from_query_string(client):
    district = DistrictFactory(slug="rakow", name="Raków")
    OrganizationFactory(name="Fundacja Rakowska", district=district)
    OrganizationFactory(name="Fundacja Mirowska")
    response = client.get(LIST, {"q": "fundcja", "dzielnica": "rakow"})
    assert [o.name for o in response.context["organizations"]] == ["Fundacja Rakowska"]
    assert response.context["page_obj"].paginator.count == 1


def test_list_paginates_with_count(client):
    OrganizationFactory.create_batch(21)
    response = client.get(LIST, {"page": "2"})
    assert response.context["page_obj"].number == 2
    assert len(response.context["organizations"]) == 1
    assert "Liczba organizacji: 21, strona 2 z 2" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"forma": "nieznana"},
        {"obszar": "nie-ma-takiego"},
        {"dzielnica": "xyz", "opp": "może"},
        {"q": "\x00"},
        {"q": "a" * 1000},
        {"forma": ["fundacja", "uks"]},
    ],
)
def test_list_bad_input_answers_a_normal_page(client, params):
    OrganizationFactory()
    response = client.get(LIST, params)
    assert response.status_code == 200


def test_unknown_filter_is_reported_and_ignored(client):
    organization = OrganizationFactory()
    response = client.get(LIST, {"forma": "nieznana"})
    assert list(response.context["organizations"]) == [organization]
    assert "Nie zastosowano części filtrów" in response.content.decode()


def test_detail_shows_contacts_opp_and_json_ld(client):
    area = AreaFactory(name="wolontariat seniorów")
    organization = OrganizationFactory(
        name="Fundacja Oczami Brata",
        krs="0000012345",
        is_public_benefit=True,
        phone="+48 34 370 71 00",
        email="biuro@example.org",
        areas=[area],
    )
    response = client.get(organization.get_absolute_url())
    html = response.content.decode()
    assert "Przekaż 1,5% podatku — KRS 0000012345" in html
    assert 'href="tel:+48343707100"' in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert (data["@type"], data["name"], data["knowsAbout"]) == ("Organization", organization.name, [area.name])


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_detail_of_unpublished_is_404(client, hidden, status):
    organization = hidden[0] if status == "pending" else hidden[1]
    assert client.get(organization.get_absolute_url()).status_code == 404


def test_detail_unknown_slug_is_404(client):
    assert client.get(reverse("organizations:detail", kwargs={"slug": "nie-ma"})).status_code == 404


def test_unpublished_appear_nowhere_public(client, hidden):
    OrganizationFactory(name="Fundacja Widoczna", is_public_benefit=True)
    pages = [
        client.get(LIST).content,
        client.get(LIST, {"q": "ukryta"}).content,
        client.get(LIST, {"q": hidden[0].krs}).content,
        client.get(OPP).content,
        client.get(STATS).content,
        b"".join(client.get(reverse("organizations:export_csv")).streaming_content),
        b"".join(client.get(reverse("organizations:export_json")).streaming_content),
        "\n".join(sitemap_urls(client)).encode(),
    ]
    for content in pages:
        text = content.decode("utf-8-sig")
        assert "Ukryta" not in text
        assert "ukryta-" not in text


def test_opp_lists_public_benefit_with_krs_filterable_by_area(client):
    area = AreaFactory()
    listed = OrganizationFactory(name="OPP w obszarze", is_public_benefit=True, krs="0000000777", areas=[area])
    OrganizationFactory(name="OPP poza obszarem", is_public_benefit=True)
    OrganizationFactory(name="Nie OPP", areas=[area])
    response = client.get(OPP, {"obszar": area.slug})
    assert list(response.context["organizations"]) == [listed]
    assert "0000000777" in response.content.decode()


def test_opp_unknown_area_shows_all(client):
    organization = OrganizationFactory(is_public_benefit=True)
    response = client.get(OPP, {"obszar": "zzz", "page": "abc"})
    assert list(response.context["organizations"]) == [organization]


def test_statistics_add_up_to_published_count(client, hidden):
    district = DistrictFactory()
    area = AreaFactory()
    OrganizationFactory.create_batch(3, legal_form="fundacja", district=district, areas=[area])
    OrganizationFactory.create_batch(2, legal_form="uks", is_public_benefit=True)
    response = client.get(STATS)
    context = response.context
    assert context["total"] == 5 == Organization.objects.published().count()
    assert sum(row["count"] for row in context["by_form"]) == 5
    assert sum(row["count"] for row in context["by_district"]) + context["without_district"] == 5
    assert (context["opp"], context["not_opp"]) == (2, 3)
    assert {row["param"]: row["count"] for row in context["by_area"]}[area.slug] == 3


def test_statistics_show_organizations_without_district_once(client):
    OrganizationFactory(district=None)
    assert client.get(STATS).content.decode().count("bez podanej dzielnicy") == 1


def test_sitemap_lists_published_organizations(client):
    organization = OrganizationFactory(slug="w-mapie")
    assert f"http://testserver/organizacje/{organization.slug}/" in sitemap_urls(client)


@pytest.mark.parametrize("url", [LIST, OPP, STATS, reverse("organizations:export_csv")])
def test_pages_refuse_post(client, url):
    assert client.post(url).status_code == 405
