"""iCalendar output parses back with icalendar and means what the pages show."""

import datetime

import icalendar
import pytest
from dateutil.rrule import rrulestr

from calendar_app import recurrence
from calendar_app.models import Event, EventException
from tests.calendar_app.factories import EventCategoryFactory, EventExceptionFactory, EventFactory, local

pytestmark = pytest.mark.django_db


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(cal):
    return list(cal.walk("VEVENT"))


def test_event_ics_has_stable_uid_dtstamp_tzid_and_vtimezone(client, frozen_now):
    event = EventFactory(
        title="Gala Ekonomii Społecznej", starts_at=local(2026, 12, 4, 18), ends_at=local(2026, 12, 4, 21)
    )
    first = client.get(event.get_ics_url())
    cal = parse(first)
    (vevent,) = vevents(cal)
    assert str(vevent["UID"]) == f"event-{event.pk}@pps-portal.invalid"
    assert vevent.decoded("DTSTART") == local(2026, 12, 4, 18)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert "DTSTAMP" in vevent
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Warsaw"]
    assert client.get(event.get_ics_url()).content == first.content  # stable output: DTSTAMP = last change


def test_cancelled_event_carries_status_cancelled(client, frozen_now):
    event = EventFactory(status=Event.Status.CANCELLED)
    (vevent,) = vevents(parse(client.get(event.get_ics_url())))
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_all_day_multi_day_event_uses_dates_with_exclusive_end(client, frozen_now):
    event = EventFactory(all_day=True, start_date=datetime.date(2026, 9, 16), end_date=datetime.date(2026, 9, 22))
    (vevent,) = vevents(parse(client.get(event.get_ics_url())))
    assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == (
        datetime.date(2026, 9, 16),
        datetime.date(2026, 9, 23),
    )


def test_series_expands_to_expected_occurrences_minus_exceptions(client, frozen_now):
    event = EventFactory(
        starts_at=local(2026, 10, 14, 18), ends_at=local(2026, 10, 14, 20), repeat=Event.Repeat.WEEKLY,
        repeat_until=datetime.date(2026, 11, 25),
    )  # fmt: skip
    EventExceptionFactory(event=event, occurrence_date=datetime.date(2026, 10, 28))
    EventExceptionFactory(
        event=event, occurrence_date=datetime.date(2026, 11, 11), kind=EventException.Kind.MOVED,
        new_starts_at=local(2026, 11, 12, 17), new_ends_at=local(2026, 11, 12, 19),
    )  # fmt: skip
    master, override = vevents(parse(client.get(event.get_ics_url())))
    dtstart = master.decoded("DTSTART")
    # dateutil steps aware datetimes in wall-clock time, as calendar applications do.
    rule = rrulestr(master["RRULE"].to_ical().decode(), dtstart=dtstart)
    excluded = {d.dt for exdate in [master["EXDATE"]] for d in exdate.dts}
    expanded = list(rule)
    expanded = [start for start in expanded if start not in excluded and start != override.decoded("RECURRENCE-ID")]
    expanded.append(override.decoded("DTSTART"))
    assert sorted(s.astimezone(recurrence.LOCAL_TZ).strftime("%d.%m %H:%M") for s in expanded) == [
        "04.11 18:00", "12.11 17:00", "14.10 18:00", "18.11 18:00", "21.10 18:00", "25.11 18:00",
    ]  # fmt: skip
    assert str(override["UID"]) == str(master["UID"])


def test_feed_lists_upcoming_public_events_with_agenda_filters(client, frozen_now):
    category = EventCategoryFactory(slug="sport", name="Sport")
    EventFactory(title="Bieg", category=category, starts_at=local(2026, 12, 6, 10))
    EventFactory(title="Koncert", starts_at=local(2026, 12, 7, 19))
    EventFactory(title="Dawno temu", starts_at=local(2026, 6, 1, 10))
    EventFactory(title="Szkic", status=Event.Status.DRAFT)
    all_titles = sorted(str(v["SUMMARY"]) for v in vevents(parse(client.get("/kalendarz.ics"))))
    sport_titles = [str(v["SUMMARY"]) for v in vevents(parse(client.get("/kalendarz.ics?kategoria=sport")))]
    assert all_titles == ["Bieg", "Koncert"]
    assert sport_titles == ["Bieg"]


@pytest.mark.parametrize("query", ["kategoria=%ff", "od=nonsense", "do=2026-02-31", "q=" + "x" * 500])
def test_feed_ignores_bad_filter_values(client, frozen_now, query):
    EventFactory()
    response = client.get(f"/kalendarz.ics?{query}")
    assert response.status_code == 200
    assert len(vevents(parse(response))) == 1


@pytest.mark.parametrize("query", ["do=2025-01-01", "do=2026-11-10", "od=abc&do=2025-01-01"])
def test_feed_with_an_end_date_before_today_answers_200(client, frozen_now, query):
    EventFactory()
    response = client.get(f"/kalendarz.ics?{query}")
    assert response.status_code == 200
    assert len(vevents(parse(response))) == 1  # the bad end date is ignored, like any bad filter


def test_uid_does_not_depend_on_the_host_name_of_the_request(client, frozen_now, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "kalendarz.example.org"]
    settings.ICAL_UID_DOMAIN = "pps.czestochowa.pl"
    event = EventFactory()
    uids = set()
    for host in ("127.0.0.1", "kalendarz.example.org:8443"):
        for path in (event.get_ics_url(), "/kalendarz.ics"):
            (vevent,) = vevents(parse(client.get(path, HTTP_HOST=host)))
            uids.add(str(vevent["UID"]))
    assert uids == {f"event-{event.pk}@pps.czestochowa.pl"}
