"""The public pages of grant calls: the list (order, filters, bad input), a call's page, the home block."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.states import State
from grants.models import GrantCall
from tests.grants.factories import GrantCallFactory, GrantFactory, _in_days, resolved_call
from tests.organizations.factories import AreaFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Site settings exist (the context processor reads them once per page)."""


def titles(response):
    return [call.title for section in response.context["sections"] for call in section["calls"]]


@pytest.fixture
def calls():
    """One call in each phase, plus a draft and a withdrawn one nobody sees."""
    return {
        "open_later": GrantCallFactory(title="Nabór do późna", deadline_at=_in_days(20)),
        "open_soon": GrantCallFactory(title="Nabór wkrótce się kończy", deadline_at=_in_days(2)),
        "announced": GrantCallFactory(
            title="Zapowiedziany", applications_open_at=_in_days(5, 8, 0), deadline_at=_in_days(30)
        ),
        "evaluation": GrantCallFactory(
            title="W ocenie", applications_open_at=_in_days(-30, 8, 0), deadline_at=_in_days(-3)
        ),
        "resolved_old": resolved_call(
            title="Rozstrzygnięty dawno", resolved_on=timezone.localdate() - datetime.timedelta(days=300)
        ),
        "resolved": resolved_call(title="Rozstrzygnięty niedawno"),
        "cancelled": GrantCallFactory(
            title="Unieważniony",
            status=State.CANCELLED,
            cancellation_reason="Brak ofert.",
            cancelled_at=timezone.now(),
        ),
        "draft": GrantCallFactory(title="Szkic", status=State.DRAFT, published_at=None),
        "withdrawn": GrantCallFactory(title="Wycofany", status=State.WITHDRAWN),
    }


def test_list_shows_open_calls_first_then_upcoming_evaluated_resolved_cancelled(client, calls):
    response = client.get(reverse("grants:list"))
    assert titles(response) == [
        "Nabór wkrótce się kończy",
        "Nabór do późna",
        "Zapowiedziany",
        "W ocenie",
        "Rozstrzygnięty niedawno",
        "Rozstrzygnięty dawno",
        "Unieważniony",
    ]
    assert [section["heading"] for section in response.context["sections"]] == [
        "Trwa nabór",
        "Zapowiedziane",
        "Ocena ofert",
        "Rozstrzygnięte",
        "Unieważnione",
    ]


def test_list_says_how_many_days_are_left(client, calls):
    html = client.get(reverse("grants:list")).content.decode()
    assert "zostały 2 dni" in html and "zostało 20 dni" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "nabor"}, ["Nabór wkrótce się kończy", "Nabór do późna"]),
        ({"status": "zapowiedziany"}, ["Zapowiedziany"]),
        ({"status": "ocena"}, ["W ocenie"]),
        ({"status": "rozstrzygniety"}, ["Rozstrzygnięty niedawno", "Rozstrzygnięty dawno"]),
        ({"status": "uniewazniony"}, ["Unieważniony"]),
        ({"q": "rozstrzygniety"}, ["Rozstrzygnięty niedawno", "Rozstrzygnięty dawno"]),
    ],
)
def test_list_filters_by_status_and_title(client, calls, query, expected):
    assert titles(client.get(reverse("grants:list"), query)) == expected


def test_list_filters_by_kind_area_and_year(client):
    area = AreaFactory(slug="seniorzy", name="seniorzy")
    GrantCallFactory(title="Mały grant dla seniorów", kind=GrantCall.Kind.SMALL_GRANT, area=area)
    GrantCallFactory(title="Konkurs dla seniorów", area=area, announced_on=datetime.date(2024, 3, 1))
    GrantCallFactory(title="Inny obszar")
    url = reverse("grants:list")
    assert titles(client.get(url, {"rodzaj": "maly-grant"})) == ["Mały grant dla seniorów"]
    assert sorted(titles(client.get(url, {"obszar": "seniorzy"}))) == [
        "Konkurs dla seniorów",
        "Mały grant dla seniorów",
    ]
    assert titles(client.get(url, {"rok": "2024", "obszar": "seniorzy"})) == ["Konkurs dla seniorów"]


@pytest.mark.parametrize(
    "query",
    [
        {"status": "trwa"},
        {"rok": "abc"},
        {"rok": "99999999999999999999"},
        {"obszar": "nie-ma-takiego"},
        {"rodzaj": "<script>"},
        {"q": "%' OR 1=1 --"},
        {"q": "x" * 5000},
        {"q": "\x00"},
        {"page": "abc"},
        {"page": "99999"},
        {"status": ["nabor", "ocena"]},
    ],
)
def test_bad_filter_values_never_fail(client, calls, query):
    response = client.get(reverse("grants:list"), query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_an_unknown_filter_value_is_skipped_and_said(client, calls):
    response = client.get(reverse("grants:list"), {"status": "trwa", "rodzaj": "otwarty-konkurs"})
    html = response.content.decode()
    assert "Nie zastosowano części filtrów" in html
    assert len(titles(response)) == 7


def test_call_page_shows_the_facts_an_ngo_needs(client):
    call = GrantCallFactory(
        title="Wspieranie ekonomii społecznej",
        budget=Decimal("1250000"),
        deadline_at=_in_days(5),
        contact_name="Anna Nowak",
        contact_email="ps@example.org",
    )
    html = client.get(call.get_absolute_url()).content.decode()
    assert "1\u00a0250\u00a0000,00\u00a0zł" in html
    assert "zostało 5 dni" in html
    assert call.get_ics_url() in html
    assert "Elektroniczny Generator (witkac.pl)" in html
    assert "Anna Nowak" in html


def test_call_page_shows_results_linked_to_published_registry_entries(client):
    call = resolved_call()
    listed = OrganizationFactory(name="Fundacja w Bazie")
    withdrawn = OrganizationFactory(name="Fundacja wycofana", status=State.WITHDRAWN)
    GrantFactory(call=call, organization=listed, recipient_name="Fundacja w Bazie", amount=Decimal("5000"))
    GrantFactory(call=call, organization=withdrawn, recipient_name="Fundacja wycofana", amount=Decimal("3000"))
    GrantFactory(call=call, recipient_name="Koło Gospodyń spoza Bazy", amount=Decimal("2000.5"))
    html = client.get(call.get_absolute_url()).content.decode()
    assert f'<a href="{listed.get_absolute_url()}">Fundacja w Bazie</a>' in html
    assert withdrawn.get_absolute_url() not in html
    assert "Koło Gospodyń spoza Bazy" in html
    assert "10\u00a0000,50\u00a0zł" in html


def test_results_are_hidden_until_the_results_date(client):
    call = GrantCallFactory(
        applications_open_at=_in_days(-60, 8, 0),
        deadline_at=_in_days(-40),
        resolved_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    GrantFactory(call=call, recipient_name="Jeszcze tajne")
    html = client.get(call.get_absolute_url()).content.decode()
    assert "Jeszcze tajne" not in html
    assert "Wyniki opublikujemy tutaj po rozstrzygnięciu" in html


def test_cancelled_call_page_gives_the_reason(client):
    call = GrantCallFactory(
        status=State.CANCELLED, cancellation_reason="Nie złożono żadnej oferty.", cancelled_at=timezone.now()
    )
    html = client.get(call.get_absolute_url()).content.decode()
    assert "Nie złożono żadnej oferty." in html and "Unieważniony" in html


@pytest.mark.parametrize(
    "fields",
    [
        {"status": State.DRAFT, "published_at": None},
        {"status": State.WITHDRAWN},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
        {
            "visible_until": timezone.now() - datetime.timedelta(minutes=1),
            "published_at": timezone.now() - datetime.timedelta(days=2),
        },
    ],
    ids=["draft", "withdrawn", "scheduled", "expired"],
)
def test_calls_not_public_are_not_found(client, fields):
    call = GrantCallFactory(**fields)
    assert client.get(call.get_absolute_url()).status_code == 404
    assert client.get(call.get_ics_url()).status_code == 404
    assert call.title not in client.get(reverse("grants:list")).content.decode()


def test_staff_preview_a_draft(editor_client):
    call = GrantCallFactory(status=State.DRAFT, published_at=None)
    response = editor_client.get(call.get_absolute_url())
    assert response.status_code == 200
    assert "Podgląd — konkurs niewidoczny publicznie" in response.content.decode()


def test_home_page_lists_open_calls_with_their_deadlines(client, calls):
    response = client.get(reverse("home"))
    html = response.content.decode()
    block = html[html.index('id="home-calls-heading"') :]
    assert block.index("Nabór wkrótce się kończy") < block.index("Nabór do późna")
    assert "Zapowiedziany" not in block[: block.index("</section>")]
    assert "zostały 2 dni" in block


def test_home_page_says_when_no_call_is_open(client):
    assert "Teraz nie trwa nabór w żadnym konkursie." in client.get(reverse("home")).content.decode()


def test_a_renamed_call_answers_at_its_old_page_and_ics(client):
    call = GrantCallFactory(slug="ekonomia-spoleczna")
    call.slug = "ekonomia-spoleczna-2026"
    call.save()
    old_page, old_ics = client.get("/konkursy/ekonomia-spoleczna/"), client.get("/konkursy/ekonomia-spoleczna.ics")
    assert (old_page.status_code, old_page["Location"]) == (301, "/konkursy/ekonomia-spoleczna-2026/")
    assert (old_ics.status_code, old_ics["Location"]) == (301, "/konkursy/ekonomia-spoleczna-2026.ics")
