"""Series stored as occurrences: local wall-clock time across DST, exceptions, rules, days covered."""

import datetime

import pytest

from calendar_app import recurrence, services
from calendar_app.models import Event, EventException, Occurrence
from tests.calendar_app.factories import EventExceptionFactory, EventFactory, local

pytestmark = pytest.mark.django_db


def month(year, month_number):
    first = datetime.date(year, month_number, 1)
    last = (first + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1)
    return recurrence.local_day_range(first, last)


def stored(event, start, end):
    return list(Occurrence.objects.filter(event=event).overlapping(start, end))


def local_starts(occurrences):
    return [o.starts_at.astimezone(recurrence.LOCAL_TZ).strftime("%Y-%m-%d %H:%M") for o in occurrences]


def test_weekly_series_keeps_local_time_across_october_dst_change():
    # 2026-10-25: CEST -> CET. 18:00 must stay 18:00 local, so UTC moves by an hour.
    event = EventFactory(
        starts_at=local(2026, 10, 14, 18), ends_at=local(2026, 10, 14, 20), repeat=Event.Repeat.WEEKLY
    )
    start, end = recurrence.local_day_range(datetime.date(2026, 10, 12), datetime.date(2026, 11, 8))
    occurrences = stored(event, start, end)
    assert local_starts(occurrences) == [
        "2026-10-14 18:00",
        "2026-10-21 18:00",
        "2026-10-28 18:00",
        "2026-11-04 18:00",
    ]
    assert [o.starts_at.astimezone(recurrence.LOCAL_TZ).utcoffset() for o in occurrences[1:3]] == [
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=1),
    ]
    assert {o.ends_at - o.starts_at for o in occurrences} == {datetime.timedelta(hours=2)}


def test_weekly_series_keeps_local_time_across_march_dst_change():
    event = EventFactory(starts_at=local(2027, 3, 17, 18), ends_at=local(2027, 3, 17, 19), repeat=Event.Repeat.WEEKLY)
    occurrences = stored(event, *recurrence.local_day_range(datetime.date(2027, 3, 22), datetime.date(2027, 4, 4)))
    assert local_starts(occurrences) == ["2027-03-24 18:00", "2027-03-31 18:00"]


def test_series_stores_cancelled_dates_marked_and_moved_ones_at_their_new_time():
    event = EventFactory(
        starts_at=local(2026, 11, 4, 17), ends_at=local(2026, 11, 4, 19), repeat=Event.Repeat.WEEKLY,
        repeat_until=datetime.date(2026, 11, 30),
    )  # fmt: skip
    EventExceptionFactory(event=event, occurrence_date=datetime.date(2026, 11, 11), note="Święto Niepodległości")
    EventExceptionFactory(
        event=event, occurrence_date=datetime.date(2026, 11, 18), kind=EventException.Kind.MOVED,
        new_starts_at=local(2026, 11, 19, 16), new_ends_at=local(2026, 11, 19, 18),
    )  # fmt: skip
    occurrences = stored(event, *month(2026, 11))
    assert [(s, o.is_cancelled, o.is_moved) for s, o in zip(local_starts(occurrences), occurrences, strict=True)] == [
        ("2026-11-04 17:00", False, False),
        ("2026-11-11 17:00", True, False),
        ("2026-11-19 16:00", False, True),
        ("2026-11-25 17:00", False, False),
    ]
    assert occurrences[2].original_starts_at == local(2026, 11, 18, 17)


def test_weekly_series_on_several_weekdays_with_interval():
    event = EventFactory(
        starts_at=local(2026, 11, 2, 10), ends_at=local(2026, 11, 2, 11), repeat=Event.Repeat.WEEKLY,
        repeat_interval=2, repeat_weekdays=[Event.Weekday.THURSDAY],
    )  # fmt: skip
    assert [o.start_date.day for o in stored(event, *month(2026, 11))] == [2, 5, 16, 19, 30]


def test_monthly_series_by_nth_weekday_and_last_weekday():
    second_tuesday = EventFactory(
        starts_at=local(2026, 1, 13, 17), ends_at=local(2026, 1, 13, 18), repeat=Event.Repeat.MONTHLY,
        repeat_monthly_by=Event.MonthlyBy.WEEKDAY,
    )  # fmt: skip
    last_friday = EventFactory(
        starts_at=local(2026, 1, 30, 17), ends_at=local(2026, 1, 30, 18), repeat=Event.Repeat.MONTHLY,
        repeat_monthly_by=Event.MonthlyBy.WEEKDAY,
    )  # fmt: skip
    assert [o.start_date for o in stored(second_tuesday, *month(2026, 11))] == [datetime.date(2026, 11, 10)]
    assert [o.start_date for o in stored(last_friday, *month(2026, 11))] == [datetime.date(2026, 11, 27)]
    assert second_tuesday.recurrence_text == "co miesiąc, w drugi wtorek miesiąca"


def test_monthly_series_on_31st_skips_shorter_months():
    event = EventFactory(starts_at=local(2026, 1, 31, 12), ends_at=local(2026, 1, 31, 13), repeat=Event.Repeat.MONTHLY)
    start, end = recurrence.local_day_range(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))
    assert [o.start_date.month for o in stored(event, start, end)] == [1, 3, 5]


def test_series_with_until_stops_and_endless_series_continues():
    ended = EventFactory(
        starts_at=local(2026, 1, 5, 9), ends_at=local(2026, 1, 5, 10), repeat=Event.Repeat.WEEKLY,
        repeat_until=datetime.date(2026, 6, 30),
    )  # fmt: skip
    endless = EventFactory(starts_at=local(2020, 1, 6, 9), ends_at=local(2020, 1, 6, 10), repeat=Event.Repeat.WEEKLY)
    assert stored(ended, *month(2026, 11)) == []
    assert len(stored(endless, *month(2026, 11))) == 5  # Mondays 2, 9, 16, 23, 30


def test_date_moved_after_the_series_end_is_shown_in_that_month():
    event = EventFactory(
        title="Warsztaty", starts_at=local(2026, 11, 4, 17), ends_at=local(2026, 11, 4, 19),
        repeat=Event.Repeat.WEEKLY, repeat_until=datetime.date(2026, 11, 25),
    )  # fmt: skip
    EventExceptionFactory(
        event=event, occurrence_date=datetime.date(2026, 11, 25), kind=EventException.Kind.MOVED,
        new_starts_at=local(2026, 12, 2, 17), new_ends_at=local(2026, 12, 2, 19),
    )  # fmt: skip
    (moved,) = stored(event, *month(2026, 12))
    assert (moved.start_date, moved.is_moved) == (datetime.date(2026, 12, 2), True)


def test_multi_day_timed_event_covers_each_local_day_but_not_the_day_it_ends_at_midnight():
    event = EventFactory(starts_at=local(2026, 11, 27, 20), ends_at=local(2026, 11, 30, 0))
    (occurrence,) = stored(event, *month(2026, 11))
    assert (occurrence.first_day, occurrence.last_day) == (datetime.date(2026, 11, 27), datetime.date(2026, 11, 29))


def test_all_day_event_is_stored_as_dates_with_local_midnights():
    event = EventFactory(all_day=True, start_date=datetime.date(2026, 9, 16), end_date=datetime.date(2026, 9, 22))
    assert (event.starts_at, event.ends_at) == (local(2026, 9, 16), local(2026, 9, 23))
    (occurrence,) = stored(event, *month(2026, 9))
    assert (occurrence.start_date, occurrence.end_date) == (datetime.date(2026, 9, 16), datetime.date(2026, 9, 22))


def test_next_occurrence_skips_past_ones_and_keeps_a_cancelled_one_marked():
    event = EventFactory(starts_at=local(2026, 1, 7, 18), ends_at=local(2026, 1, 7, 19), repeat=Event.Repeat.WEEKLY)
    EventExceptionFactory(event=event, occurrence_date=datetime.date(2026, 12, 2))
    (next_one,) = Occurrence.objects.filter(event=event).next_per_event(local(2026, 11, 26, 12))[:2]
    # A cancelled occurrence is still listed (marked); the agenda shows it as "Odwołane".
    assert (next_one.start_date, next_one.is_cancelled) == (datetime.date(2026, 12, 2), True)


def test_mini_calendar_days_in_one_query_cover_multi_day_series_and_moved(client, django_assert_num_queries):
    EventFactory(starts_at=local(2026, 10, 30, 20), ends_at=local(2026, 11, 2, 0))  # ends at midnight
    EventFactory(all_day=True, start_date=datetime.date(2026, 11, 10), end_date=datetime.date(2026, 11, 11))
    EventFactory(starts_at=local(2026, 11, 20, 10), status=Event.Status.DRAFT)
    series = EventFactory(
        starts_at=local(2026, 10, 7, 18), ends_at=local(2026, 10, 7, 19), repeat=Event.Repeat.WEEKLY,
        repeat_until=datetime.date(2026, 11, 18),
    )  # fmt: skip
    EventExceptionFactory(
        event=series, occurrence_date=datetime.date(2026, 11, 11), kind=EventException.Kind.MOVED,
        new_starts_at=local(2026, 11, 27, 18), new_ends_at=local(2026, 11, 27, 19),
    )  # fmt: skip
    with django_assert_num_queries(1):
        html = client.get("/kalendarz/mini/?kalendarz=2026-11").content.decode()
    linked = sorted(int(day) for day in __import__("re").findall(r'href="/kalendarz/2026/11/(\d\d)/"', html))
    assert linked == [1, 4, 10, 11, 18, 27]


@pytest.mark.parametrize(
    ("repeat", "interval", "first", "until", "last"),
    [
        # every 3 months: 15 January and 15 April, then nothing until 30 June
        (Event.Repeat.MONTHLY, 3, datetime.date(2027, 1, 15), datetime.date(2027, 6, 30), datetime.date(2027, 4, 15)),
        # every 12 weeks: the last one 11 weeks before the end
        (Event.Repeat.WEEKLY, 12, datetime.date(2027, 1, 4), datetime.date(2027, 6, 14), datetime.date(2027, 3, 29)),
        # on the 31st every 5 months: only months with 31 days have one (Jan 2027, Jul 2029, Dec 2029)
        (Event.Repeat.MONTHLY, 5, datetime.date(2027, 1, 31), datetime.date(2029, 12, 30), datetime.date(2029, 7, 31)),
    ],
)
def test_series_with_a_long_gap_before_its_end_stores_its_last_date(repeat, interval, first, until, last):
    event = EventFactory(
        starts_at=local(*first.timetuple()[:3], 10), ends_at=local(*first.timetuple()[:3], 12),
        repeat=repeat, repeat_interval=interval, repeat_until=until,
    )  # fmt: skip
    services.ensure_stored_until(until)  # as a page for that month would
    assert event.occurrences.order_by("starts_at").last().start_date == last
