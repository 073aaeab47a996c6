"""/szukaj/ covers news, the registry and the calendar; only public records."""

import pytest

from calendar_app.models import Event
from tests.calendar_app.factories import EventFactory
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
