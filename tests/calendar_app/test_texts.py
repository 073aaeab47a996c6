"""Stored iCalendar text: written with every change an event's VEVENTs show, and what the .ics files serve."""

import datetime

import icalendar
import pytest
from django.db import transaction
from django.utils import translation

from calendar_app import ics
from calendar_app.models import Event, EventException, EventText, Occurrence
from editorial.services import transition
from tests.calendar_app.factories import EventCategoryFactory, EventExceptionFactory, EventFactory, local
from tests.calendar_app.test_occurrences import change
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def text(event, language="pl"):
    return EventText.objects.get(event=event, language=language).text


@pytest.fixture
def series(frozen_now):
    """Wednesdays at 17:00 in December 2026."""
    return EventFactory(
        title="Warsztaty", title_uk="Майстер-клас", starts_at=local(2026, 12, 2, 17), ends_at=local(2026, 12, 2, 19),
        repeat=Event.Repeat.WEEKLY, repeat_until=datetime.date(2026, 12, 31), organizer_name="Fundacja Q",
    )  # fmt: skip


def test_every_language_has_its_text(series):
    assert sorted(EventText.objects.filter(event=series).values_list("language", flat=True)) == ["en", "pl", "uk"]
    assert ("SUMMARY:Майстер-клас" in text(series, "uk"), "SUMMARY:Warsztaty" in text(series, "en")) == (True, True)
    assert ("Organizator: Fundacja Q" in text(series), "Organiser: Fundacja Q" in text(series, "en")) == (True, True)


def test_editing_the_event_in_admin_stores_its_new_text(admin_client, series):
    change(admin_client, series, title="Warsztaty plastyczne", repeat_until="2026-12-16")
    assert ("SUMMARY:Warsztaty plastyczne" in text(series), "UNTIL=20261216" in text(series)) == (True, True)


def test_changing_the_rule_stores_the_new_rrule(admin_client, series):
    change(admin_client, series, repeat="monthly", repeat_until="2027-03-31")
    assert "RRULE:FREQ=MONTHLY" in text(series)


def test_an_exception_becomes_an_exdate_and_a_moved_date_an_override(series):
    EventExceptionFactory(event=series, occurrence_date=datetime.date(2026, 12, 9))
    EventExceptionFactory(
        event=series, occurrence_date=datetime.date(2026, 12, 16), kind=EventException.Kind.MOVED,
        new_starts_at=local(2026, 12, 17, 17), new_ends_at=local(2026, 12, 17, 19), note="Sala zajęta.",
    )  # fmt: skip
    master, override = icalendar.Calendar.from_ical(f"BEGIN:VCALENDAR\r\n{text(series)}END:VCALENDAR\r\n").walk(
        "VEVENT"
    )
    assert [d.dt for d in master["EXDATE"].dts] == [local(2026, 12, 9, 17)]
    assert (override.decoded("RECURRENCE-ID"), override.decoded("DTSTART")) == (
        local(2026, 12, 16, 17),
        local(2026, 12, 17, 17),
    )
    assert str(override["DESCRIPTION"]).startswith("Sala zajęta.")


def test_cancelling_the_event_stores_status_cancelled(series, admin_user):
    transition(series, "cancel", actor=admin_user, reason="Deszcz.")
    assert "STATUS:CANCELLED" in text(series)


def test_renaming_the_category_or_the_organizer_stores_the_texts_that_show_them(frozen_now):
    category = EventCategoryFactory(name="Sport")
    organization = OrganizationFactory(name="Fundacja Stara")
    event = EventFactory(category=category, organizer=organization)
    category.name = "Rekreacja"
    category.save()
    organization.name = "Fundacja Nowa"
    organization.save()
    assert ("CATEGORIES:Rekreacja" in text(event), "Organizator: Fundacja Nowa" in text(event)) == (True, True)


def test_a_failed_change_leaves_the_old_text(series):
    before = text(series)
    with pytest.raises(ValueError), transaction.atomic():
        series.title = "Nigdy zapisane"
        series.save()
        raise ValueError
    assert text(series) == before


def _from_scratch(events, *, name, base):
    """What icalendar writes for `events` without anything stored (the feed before stored texts)."""
    cal = ics.new_calendar(name)
    years = [event.starts_at.year for event in events if not event.is_all_day]
    cal.add_component(
        icalendar.Timezone.from_tzid(
            ics.TZID,
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 3, 1, 1),
        )
    )
    for event in events:
        event = Event.objects.select_related("category", "organizer", "district").get(pk=event.pk)
        changes = Occurrence.objects.filter(event=event).exclude(state="scheduled").order_by("original_starts_at")
        for component in ics.event_components(event, list(changes), url=base + event.get_absolute_url()):
            cal.add_component(component)
    return cal.to_ical(sorted=False)


@pytest.mark.parametrize(("prefix", "language"), [("", "pl"), ("/uk", "uk"), ("/en", "en")])
def test_feed_is_what_icalendar_writes_from_the_events(client, series, prefix, language):
    EventExceptionFactory(event=series, occurrence_date=datetime.date(2026, 12, 9))
    EventExceptionFactory(
        event=series, occurrence_date=datetime.date(2026, 12, 16), kind=EventException.Kind.MOVED,
        new_starts_at=local(2026, 12, 17, 17), new_ends_at=local(2026, 12, 17, 19), note="Sala zajęta.",
    )  # fmt: skip
    fair = EventFactory(
        title="Kiermasz", all_day=True, start_date=datetime.date(2026, 12, 5), end_date=datetime.date(2026, 12, 6),
        category=EventCategoryFactory(name="Kultura", name_en="Culture"), price="10 zł", is_free=False,
    )  # fmt: skip
    response = client.get(f"{prefix}/kalendarz.ics")
    name = str(icalendar.Calendar.from_ical(response.content)["X-WR-CALNAME"])
    with translation.override(language):
        expected = _from_scratch([series, fair], name=name, base="http://testserver")
    assert response.content == expected


def test_saving_only_what_texts_do_not_show_leaves_them_alone(frozen_now):
    organization = OrganizationFactory(name="Fundacja Stara")
    event = EventFactory(organizer=organization)
    before = EventText.objects.get(event=event, language="pl").pk
    organization.save(update_fields=["updated_at"])
    assert EventText.objects.get(event=event, language="pl").pk == before
