"""Stored occurrences: written with every change to an event, its rule and its exceptions; the horizon."""

import datetime
import re
import threading
import time

import pytest
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.test import Client

from calendar_app import changes, recurrence, services
from calendar_app.models import Event, EventException, Occurrence, OccurrenceHorizon
from calendar_app.views import FEED_PAST
from editorial import versions
from editorial.services import restore_version, transition
from tests.admin_forms import change_form_data
from tests.calendar_app.factories import EventFactory, local

pytestmark = pytest.mark.django_db


def stored(event):
    """(local start, state) of the event's stored occurrences, in order."""
    rows = Occurrence.objects.filter(event=event).order_by("starts_at")
    return [(f"{recurrence.local_naive(o.starts_at):%Y-%m-%d %H:%M}", o.state) for o in rows]


def change(admin_client, event, exceptions=(), **changes):
    """Post the event's admin change form with `changes` and new inline exceptions, as a browser would."""
    url = f"/admin/calendar_app/event/{event.pk}/change/"
    data = change_form_data(admin_client.get(url), **changes)
    data["exceptions-TOTAL_FORMS"] = str(len(exceptions))
    for n, exception in enumerate(exceptions):
        fields = {"kind": "cancelled", "new_starts_at_0": "", "new_starts_at_1": "", "new_ends_at_0": "",
                  "new_ends_at_1": "", "new_start_date": "", "new_end_date": "", "note": "", **exception}  # fmt: skip
        data.update({f"exceptions-{n}-{name}": value for name, value in fields.items()})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()


@pytest.fixture
def series(frozen_now):
    """Wednesdays at 17:00 in December 2026."""
    return EventFactory(
        title="Warsztaty", starts_at=local(2026, 12, 2, 17), ends_at=local(2026, 12, 2, 19),
        repeat=Event.Repeat.WEEKLY, repeat_until=datetime.date(2026, 12, 31),
    )  # fmt: skip


def test_creating_a_series_stores_one_row_per_date(series):
    assert stored(series) == [
        ("2026-12-02 17:00", "scheduled"),
        ("2026-12-09 17:00", "scheduled"),
        ("2026-12-16 17:00", "scheduled"),
        ("2026-12-23 17:00", "scheduled"),
        ("2026-12-30 17:00", "scheduled"),
    ]


def test_an_endless_series_is_stored_up_to_the_horizon(frozen_now):
    event = EventFactory(starts_at=local(2026, 11, 2, 9), ends_at=local(2026, 11, 2, 10), repeat=Event.Repeat.WEEKLY)
    until = OccurrenceHorizon.objects.get().until
    last = event.occurrences.order_by("starts_at").last()
    assert until - datetime.timedelta(days=7) < last.first_day <= until


def test_editing_the_rule_time_and_end_date_in_admin_rewrites_the_rows(admin_client, series):
    change(admin_client, series, repeat_weekdays=["2", "4"], starts_at_1="18:00", ends_at_1="20:00",
           repeat_until="2026-12-12")  # fmt: skip
    assert stored(series) == [
        ("2026-12-02 18:00", "scheduled"),
        ("2026-12-04 18:00", "scheduled"),
        ("2026-12-09 18:00", "scheduled"),
        ("2026-12-11 18:00", "scheduled"),
    ]


def test_cancelling_and_moving_dates_in_admin_inlines_marks_the_rows(admin_client, series):
    change(admin_client, series, exceptions=[
        {"occurrence_date": "2026-12-23", "note": "Przerwa świąteczna."},
        {"occurrence_date": "2026-12-30", "kind": "moved", "new_starts_at_0": "2026-12-29", "new_starts_at_1": "10:00",
         "new_ends_at_0": "2026-12-29", "new_ends_at_1": "12:00"},
    ])  # fmt: skip
    assert stored(series)[-2:] == [("2026-12-23 17:00", "cancelled"), ("2026-12-29 10:00", "moved")]
    assert series.occurrences.get(state="cancelled").note == "Przerwa świąteczna."
    # The change page lists the stored dates as they now are.
    url = f"/admin/calendar_app/event/{series.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert "<li>23.12.2026 17:00 (odwołany termin)</li><li>29.12.2026 10:00 (przeniesiony termin)</li>" in page
    # Deleting the exceptions in the inline (as an editor ticks "Usuń") brings the dates back.
    data = change_form_data(admin_client.get(url), **{"exceptions-0-DELETE": "on", "exceptions-1-DELETE": "on"})
    assert admin_client.post(url, data).status_code == 302
    assert not EventException.objects.filter(event=series).exists()
    assert stored(series)[-2:] == [("2026-12-23 17:00", "scheduled"), ("2026-12-30 17:00", "scheduled")]


def test_deleting_a_series_in_admin_deletes_its_rows(admin_client, series):
    response = admin_client.post(f"/admin/calendar_app/event/{series.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert Occurrence.objects.count() == 0


def test_a_failed_save_leaves_the_old_rows(series):
    before = stored(series)
    with pytest.raises(IntegrityError), transaction.atomic():
        services.occurrences_lock()
        series.starts_at, series.ends_at = local(2026, 12, 3, 8), local(2026, 12, 3, 9)
        series.save()
        services.occurrences_store(events=[series])
        assert stored(series)[0] == ("2026-12-03 08:00", "scheduled")
        # A later step of the same save fails (a second exception for one date)...
        EventException.objects.create(event=series, occurrence_date=datetime.date(2026, 12, 10))
        EventException.objects.create(event=series, occurrence_date=datetime.date(2026, 12, 10))
    # ...and nothing of it is left: the rows were written in that transaction.
    assert stored(series) == before


def test_status_changes_reach_the_rows_and_a_stale_copy_is_refused(client, series, admin_user):
    transition(series, "withdraw", actor=admin_user)
    assert set(series.occurrences.values_list("event_status", flat=True)) == {"withdrawn"}
    assert "Warsztaty" not in client.get("/kalendarz/2026/12/").content.decode()
    Event.objects.filter(pk=series.pk).update(status=Event.Status.PUBLISHED)  # even a bulk update
    assert "Warsztaty" in client.get("/kalendarz/2026/12/").content.decode()
    with transaction.atomic(), pytest.raises(IntegrityError, match="occurrence_event_status_fk"):
        Occurrence.objects.filter(event=series).update(event_status=Event.Status.DRAFT)


def test_a_month_beyond_the_stored_horizon_shows_the_right_dates(client, frozen_now):
    EventFactory(title="Joga", starts_at=local(2026, 11, 4, 18), ends_at=local(2026, 11, 4, 19),
                 repeat=Event.Repeat.WEEKLY)  # fmt: skip
    assert OccurrenceHorizon.objects.get().until < datetime.date(2031, 3, 1)
    html = client.get("/kalendarz/2031/03/").content.decode()
    days = re.findall(r'href="/kalendarz/2031/03/(\d\d)/"><span aria-hidden="true">', html)
    assert days == ["05", "12", "19", "26"]  # the Wednesdays, 18:00 local in winter and in summer time
    assert html.count('<span class="month__time">18:00</span> Joga') == 4 + 2  # and the grid's April days
    assert OccurrenceHorizon.objects.get().until >= datetime.date(2031, 4, 5)


def test_the_calendar_tells_the_page_cache_when_its_pages_change_by_themselves(frozen_now):
    EventFactory(starts_at=local(2026, 11, 26, 10), ends_at=local(2026, 11, 26, 14))  # running now (12:00)
    EventFactory(starts_at=local(2026, 11, 26, 13), ends_at=local(2026, 11, 26, 15), status=Event.Status.DRAFT)
    assert changes.next_change(frozen_now, local(2026, 11, 27)) == local(2026, 11, 26, 14)
    # Later that day nothing public ends; the feed drops the event a month after it ended.
    evening = local(2026, 11, 26, 20)
    assert changes.next_change(evening, local(2026, 12, 1)) is None
    assert changes.next_change(evening, local(2027, 1, 1)) == local(2026, 11, 26, 14) + FEED_PAST


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_requests_beyond_the_horizon_store_each_date_once():
    services.ensure_stored_until(datetime.date.today())  # the horizon row of a flushed database
    EventFactory(title="Joga", starts_at=local(2026, 11, 4, 18), ends_at=local(2026, 11, 4, 19),
                 repeat=Event.Repeat.WEEKLY)  # fmt: skip
    services.forget_known_until()
    start = threading.Barrier(2)
    pages = []

    def request():
        try:
            start.wait()
            pages.append(Client().get("/kalendarz/2032/06/").content.decode())
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    june = Occurrence.objects.filter(first_day__range=(datetime.date(2032, 6, 1), datetime.date(2032, 6, 30)))
    assert sorted(o.first_day.day for o in june) == [2, 9, 16, 23, 30]
    assert [page.count("Joga</a>") for page in pages] == [5, 5]


def test_an_event_saved_without_its_occurrences_gets_them_on_its_page(client, frozen_now):
    event = Event.objects.create(
        title="Zapisane w powłoce", slug="zapisane", starts_at=local(2026, 12, 3, 10), ends_at=local(2026, 12, 3, 12),
        status=Event.Status.PUBLISHED,
    )  # fmt: skip
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert stored(event) == [("2026-12-03 10:00", "scheduled")]


def test_a_series_with_a_date_changed_far_ahead_is_listed_once_after_the_horizon_moves(client, frozen_now):
    series = EventFactory(title="Joga", starts_at=local(2026, 11, 4, 18), ends_at=local(2026, 11, 4, 19),
                          repeat=Event.Repeat.WEEKLY)  # fmt: skip
    EventException.objects.create(event=series, occurrence_date=datetime.date(2031, 6, 4), note="Remont sali.")
    services.occurrences_store(events=[series])  # the cancelled date is stored beyond the horizon
    html = client.get("/kalendarz/wydarzenia/?od=2030-01-01").content.decode()
    assert re.findall(r'class="event-card__title"><a href="[^"]+">([^<]+)</a>', html) == ["Joga"]
    assert "Wyniki: 1" in html
    assert series.occurrences.filter(first_day=datetime.date(2031, 6, 4), state="cancelled").count() == 1


def test_public_occurrences_are_those_of_public_events(frozen_now):
    """Occurrence.public() reads the status copied to each row: it must say what Event.public() says."""
    events = {status: EventFactory(status=status, rejection_reason="Duplikat.") for status in Event.workflow.states}
    public_events = set(Event.objects.public().values_list("pk", flat=True))
    assert set(Occurrence.objects.public().values_list("event_id", flat=True)) == public_events
    assert public_events == {events[Event.Status.PUBLISHED].pk, events[Event.Status.CANCELLED].pk}


def test_restoring_an_earlier_version_stores_its_dates_again(admin_client, admin_user, series):
    change(admin_client, series, starts_at_1="18:00", ends_at_1="20:00")  # version 2 (version 1: the baseline)
    assert stored(series)[0] == ("2026-12-02 18:00", "scheduled")
    restore_version(series, versions.versions_for(series).first(), actor=admin_user)
    assert stored(series)[0] == ("2026-12-02 17:00", "scheduled")


def test_a_weekly_10_00_series_is_stored_and_shown_at_10_00_across_both_clock_changes(client, frozen_now):
    """Clocks change on 28 March and 31 October 2027: the rows keep 10:00 local, their UTC offset changes."""
    series = EventFactory(title="Klub seniora", starts_at=local(2027, 3, 15, 10), ends_at=local(2027, 3, 15, 11),
                          repeat=Event.Repeat.WEEKLY, repeat_until=datetime.date(2027, 11, 8))  # fmt: skip
    rows = {o.first_day: o.starts_at.astimezone(recurrence.LOCAL_TZ) for o in series.occurrences.all()}
    assert len(rows) == 35
    assert {start.time() for start in rows.values()} == {datetime.time(10)}
    around = [datetime.date(2027, 3, 22), datetime.date(2027, 3, 29), datetime.date(2027, 10, 25),
              datetime.date(2027, 11, 1)]  # fmt: skip
    assert [rows[day].utcoffset().seconds // 3600 for day in around] == [1, 2, 2, 1]
    for path, dates in [("/kalendarz/2027/03/", 3), ("/kalendarz/2027/10/", 5), ("/kalendarz/2027/11/", 2)]:
        html = client.get(path).content.decode()
        assert html.count('<span class="month__time">10:00</span> Klub seniora') == dates


@pytest.mark.django_db(transaction=True)
def test_a_restore_waiting_for_a_horizon_extension_holds_no_lock_on_the_event(admin_client, admin_user):
    """An extension holds the occurrences lock and needs every series' row (its new rows' foreign keys).

    A restore takes the same lock before the event's row, so the two wait for
    each other in one order and never deadlock.
    """
    services.ensure_stored_until(datetime.date.today())  # the horizon row of a flushed database
    series = EventFactory(title="Joga", starts_at=local(2026, 11, 4, 18), ends_at=local(2026, 11, 4, 19),
                          repeat=Event.Repeat.WEEKLY)  # fmt: skip
    change(admin_client, series, starts_at_1="19:00", ends_at_1="20:00")
    first = versions.versions_for(series).first()
    extension = connections.create_connection(DEFAULT_DB_ALIAS)  # as a page extending the horizon would
    extension.connect()
    extension.connection.autocommit = False
    extension.connection.execute("SELECT pg_advisory_xact_lock(%s)", [services._HORIZON_LOCK])
    errors = []

    def restore():
        try:
            restore_version(Event.objects.get(pk=series.pk), first, actor=admin_user)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=restore)
    thread.start()
    try:
        waiting = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        for _attempt in range(200):
            if extension.connection.execute(waiting).fetchone()[0]:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the restore never waited for the occurrences lock")
        # What the extension's foreign-key checks need: the event's row, not locked by the waiting restore.
        locked = "SELECT id FROM calendar_app_event WHERE id = %s FOR KEY SHARE NOWAIT"
        assert extension.connection.execute(locked, [series.pk]).fetchone() == (series.pk,)
    finally:
        extension.connection.rollback()
        extension.close()
        thread.join()
    assert errors == []
    assert stored(series)[0] == ("2026-11-04 18:00", "scheduled")
