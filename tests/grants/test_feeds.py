"""New calls as RSS/Atom, deadlines as iCalendar with a reminder a day before."""

import datetime

import feedparser
import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from editorial.states import State
from tests.grants.factories import GrantCallFactory, _in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def calls(site_settings):
    return {
        "open": GrantCallFactory(title="Wspieranie ekonomii społecznej", deadline_at=_in_days(12)),
        "cancelled": GrantCallFactory(
            title="Unieważniony",
            status=State.CANCELLED,
            cancellation_reason="Brak ofert.",
            cancelled_at=timezone.now(),
        ),
        "draft": GrantCallFactory(title="Szkic", status=State.DRAFT, published_at=None),
        "old": GrantCallFactory(
            title="Sprzed dwóch lat", applications_open_at=_in_days(-800, 8, 0), deadline_at=_in_days(-780)
        ),
    }


@pytest.mark.parametrize("url", ["/konkursy/rss/", "/konkursy/atom/"])
def test_feeds_parse_and_list_public_calls(client, calls, url):
    feed = feedparser.parse(client.get(url).content)
    assert feed.bozo == 0
    assert sorted(entry.title for entry in feed.entries) == [
        "Sprzed dwóch lat",
        "Unieważniony",
        "Wspieranie ekonomii społecznej",
    ]


def test_rss_entry_describes_the_call(client, calls):
    entry = next(
        e for e in feedparser.parse(client.get("/konkursy/rss/").content).entries if e.title.startswith("Wsp")
    )
    assert "100\u00a0000,00\u00a0zł" in entry.description
    assert entry.link == "http://testserver" + calls["open"].get_absolute_url()


def events(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_deadlines_feed_has_each_public_calls_deadline_with_an_alarm_a_day_before(client, calls):
    response = client.get(reverse("grants-feed"))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = {str(event["summary"]): event for event in events(response)}
    assert sorted(found) == [
        "Termin składania ofert: Unieważniony",
        "Termin składania ofert: Wspieranie ekonomii społecznej",
    ]
    event = found["Termin składania ofert: Wspieranie ekonomii społecznej"]
    assert event.decoded("dtstart") == calls["open"].deadline_at
    [alarm] = event.walk("VALARM")
    assert (str(alarm["action"]), alarm.decoded("trigger")) == ("DISPLAY", -datetime.timedelta(days=1))
    assert str(found["Termin składania ofert: Unieważniony"]["status"]) == "CANCELLED"


def test_deadlines_feed_declares_the_warsaw_timezone(client, calls):
    calendar = icalendar.Calendar.from_ical(client.get(reverse("grants-feed")).content)
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Warsaw"]


def test_one_calls_ics_is_a_download_with_a_stable_uid(client, calls):
    response = client.get(calls["open"].get_ics_url())
    [event] = events(response)
    assert response["Content-Disposition"].startswith('attachment; filename="konkurs-')
    assert str(event["uid"]) == f"grant-call-{calls['open'].pk}@pps-portal.invalid"
    assert len(event.walk("VALARM")) == 1
