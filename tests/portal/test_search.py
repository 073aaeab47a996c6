"""/szukaj/ covers news, the registry and the calendar; only public records."""

import pytest
import time_machine

from calendar_app.models import Event
from tests.calendar_app.factories import EventFactory, local
from tests.news.factories import NewsFactory
from tests.organizations.factories import OrganizationFactory, pending

pytestmark = pytest.mark.django_db


def test_search_finds_organizations_without_polish_letters(client):
    found = OrganizationFactory(name="Stowarzyszenie Przyjaciół Łąk")
    response = client.get("/szukaj/?q=przyjaciol")
    assert list(response.context["organizations"]) == [found]


def test_search_finds_public_events_including_cancelled(client):
    published = EventFactory(title="Koncert charytatywny")
    cancelled = EventFactory(title="Koncert odwołany", status=Event.Status.CANCELLED)
    EventFactory(title="Koncert zgłoszony", status=Event.Status.PENDING)
    response = client.get("/szukaj/?q=koncert")
    assert set(response.context["events"]) == {published, cancelled}
    assert "Odwołane" in response.content.decode()


def test_search_hides_pending_organizations(client):
    pending(name="Fundacja Oczekująca")
    assert list(client.get("/szukaj/?q=oczekujaca").context["organizations"]) == []


def test_search_sections_link_to_full_results(client):
    NewsFactory(title="Wolontariat")
    html = client.get("/szukaj/?q=wolontariat").content.decode()
    assert 'href="/organizacje/?q=wolontariat"' in html
    assert 'href="/kalendarz/wydarzenia/?q=wolontariat"' in html


@time_machine.travel(local(2026, 11, 26, 12), tick=False)
def test_site_search_and_the_agenda_find_the_same_events(client):
    """One EventQuerySet.search(): a part of a title is found by both (it once was by the agenda only)."""
    fair = EventFactory(title="Kiermasze świąteczne", starts_at=local(2026, 12, 5, 10))
    EventFactory(title="Koncert kolęd", starts_at=local(2026, 12, 6, 18))
    site = list(client.get("/szukaj/", {"q": "kiermasz"}).context["events"])
    agenda = [o.event for o in client.get("/kalendarz/wydarzenia/", {"q": "kiermasz"}).context["page"]]
    assert site == agenda == [fair]


@time_machine.travel(local(2026, 11, 26, 12), tick=False)
def test_search_shows_a_series_at_its_next_date(client):
    EventFactory(
        title="Joga w parku",
        starts_at=local(2026, 1, 7, 18),
        ends_at=local(2026, 1, 7, 19),
        repeat=Event.Repeat.WEEKLY,
    )
    html = client.get("/szukaj/?q=joga").content.decode()
    assert "2 grudnia 2026, 18:00" in html  # the next Wednesday, not 7 January
