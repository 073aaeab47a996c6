"""Series expansion: local wall-clock time across DST, exceptions, bounded ranges."""

import datetime

import pytest

from calendar_app import recurrence
from calendar_app.models import Event, EventException
from tests.calendar_app.factories import EventExceptionFactory, EventFactory, local

pytestmark = pytest.mark.django_db


def month(year, month_number):
    first = datetime.date(year, month_number, 1)
    last = (first + datetime.timedelta(days=31)).replace(day=1) - datetime.timedelta(days=1)
    return recurrence.local_day_range(first, last)


def local_starts(occurrences):
    return [o.starts_at.astimezone(recurrence.LOCAL_TZ).strftime("%Y-%m-%d %H:%M") for o in occurrences]


def test_weekly_series_keeps_local_time_across_october_dst_change():
    # 2026-10-25: CEST -> CET. 18:00 must stay 18:00 local, so UTC moves by an hour.
    event = EventFactory(
        starts_at=local(2026, 10, 14, 18), ends_at=local(2026, 10, 14, 20), repeat=Event.Repeat.WEEKLY
    )
    start, end = recurrence.local_day_range(datetime.date(2026, 10, 12), datetime.date(2026, 11, 8))
    occurrences = event.occurrences(start, end)
    assert local_starts(occurrences) == [
        "2026-10-14 18:00",
        "2026-10-21 18:00",
        "2026-10-28 18:00",
        "2026-11-04 18:00",
    ]
    assert [o.starts_at.utcoffset() for o in occurrences[1:3]] == [
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=1),
    ]
    assert {o.ends_at - o.starts_at for o in occurrences} == {datetime.timedelta(hours=2)}


def test_weekly_series_keeps_local_time_across_march_dst_change():
    event = EventFactory(starts_at=local(2027, 3, 17, 18), ends_at=local(2027, 3, 17, 19), repeat=Event.Repeat.WEEKLY)
    occurrences = event.occurrences(*recurrence.local_day_range(datetime.date(2027, 3, 22), datetime.date(2027, 4, 4)))
    assert local_starts(occurrences) == ["2027-03-24 18:00", "2027-03-31 18:00"]


def test_series_expands_minus_cancelled_and_with_moved_occurrence():
    event = EventFactory(
        starts_at=local(2026, 11, 4, 17), ends_at=local(2026, 11, 4, 19), repeat=Event.Repeat.WEEKLY,
        repeat_until=datetime.date(2026, 11, 30),
    )  # fmt: skip
    EventExceptionFactory(event=event, occurrence_date=datetime.date(2026, 11, 11), note="Święto Niepodległości")
    EventExceptionFactory(
        event=event, occurrence_date=datetime.date(2026, 11, 18), kind=EventException.Kind.MOVED,
        new_starts_at=local(2026, 11, 19, 16), new_ends_at=local(2026, 11, 19, 18),
    )  # fmt: skip
    event = Event.objects.with_exceptions().get(pk=event.pk)
    occurrences = event.occurrences(*month(2026, 11))
    assert [(s, o.is_cancelled, o.is_moved) for s, o in zip(local_starts(occurrences), occurrences, strict=True)] == [
        ("2026-11-04 17:00", False, False),
        ("2026-11-11 17:00", True, False),
        ("2026-11-19 16:00", False, True),
        ("2026-11-25 17:00", False, False),
    ]


def test_weekly_series_on_several_weekdays_with_interval():
    event = EventFactory(
        starts_at=local(2026, 11, 2, 10), ends_at=local(2026, 11, 2, 11), repeat=Event.Repeat.WEEKLY,
        repeat_interval=2, repeat_weekdays=[Event.Weekday.THURSDAY],
    )  # fmt: skip
    assert [o.start_date.day for o in event.occurrences(*month(2026, 11))] == [2, 5, 16, 19, 30]


def test_monthly_series_by_nth_weekday_and_last_weekday():
    second_tuesday = EventFactory(
        starts_at=local(2026, 1, 13, 17), ends_at=local(2026, 1, 13, 18), repeat=Event.Repeat.MONTHLY,
        repeat_monthly_by=Event.MonthlyBy.WEEKDAY,
    )  # fmt: skip
    last_friday = EventFactory(
        starts_at=local(2026, 1, 30, 17), ends_at=local(2026, 1, 30, 18), repeat=Event.Repeat.MONTHLY,
        repeat_monthly_by=Event.MonthlyBy.WEEKDAY,
    )  # fmt: skip
    assert [o.start_date for o in second_tuesday.occurrences(*month(2026, 11))] == [datetime.date(2026, 11, 10)]
    assert [o.start_date for o in last_friday.occurrences(*month(2026, 11))] == [datetime.date(2026, 11, 27)]
    assert second_tuesday.recurrence_text == "co miesiąc, w drugi wtorek miesiąca"


def test_monthly_series_on_31st_skips_shorter_months():
    event = EventFactory(starts_at=local(2026, 1, 31, 12), ends_at=local(2026, 1, 31, 13), repeat=Event.Repeat.MONTHLY)
    start, end = recurrence.local_day_range(datetime.date(2026, 1, 1), datetime.date(2026, 6, 30))
    assert [o.start_date.month for o in event.occurrences(start, end)] == [1, 3, 5]


@pytest.mark.parametrize(
    "rule",
    [
        recurrence.Rule(frequency=recurrence.WEEKLY),
        recurrence.Rule(frequency=recurrence.WEEKLY, interval=3, weekdays=(1, 4, 6)),
        recurrence.Rule(frequency=recurrence.WEEKLY, interval=2, until=datetime.date(2027, 1, 20)),
        recurrence.Rule(frequency=recurrence.MONTHLY),
        recurrence.Rule(frequency=recurrence.MONTHLY, interval=5),
        recurrence.Rule(frequency=recurrence.MONTHLY, monthly_by=recurrence.BY_WEEKDAY),
        recurrence.Rule(frequency=recurrence.MONTHLY, interval=2, monthly_by=recurrence.BY_WEEKDAY),
    ],
)
@pytest.mark.parametrize(
    "first",
    [
        datetime.datetime(2019, 5, 7, 18, 0),
        datetime.datetime(2024, 1, 31, 9, 30),
        datetime.datetime(2026, 3, 29, 2, 30),
    ],
)
def test_expansion_matches_dateutil_rrule(rule, first):
    """Our date arithmetic gives exactly dateutil's occurrences, for ranges years after the start."""
    start, end = datetime.datetime(2026, 10, 1), datetime.datetime(2027, 4, 1)
    expected = [s for s in rule.as_dateutil(first).between(start, end, inc=True) if s < end]
    assert rule.starts_between(first, start, end) == expected


def test_series_with_until_stops_and_endless_series_continues():
    ended = EventFactory(
        starts_at=local(2026, 1, 5, 9), ends_at=local(2026, 1, 5, 10), repeat=Event.Repeat.WEEKLY,
        repeat_until=datetime.date(2026, 6, 30),
    )  # fmt: skip
    endless = EventFactory(starts_at=local(2020, 1, 6, 9), ends_at=local(2020, 1, 6, 10), repeat=Event.Repeat.WEEKLY)
    assert ended.occurrences(*month(2026, 11)) == []
    assert len(endless.occurrences(*month(2026, 11))) == 5  # Mondays 2, 9, 16, 23, 30


def test_occurrence_span_covers_series_until_and_moved_occurrences():
    event = EventFactory(
        starts_at=local(2026, 11, 4, 17), ends_at=local(2026, 11, 4, 19), repeat=Event.Repeat.WEEKLY,
        repeat_until=datetime.date(2026, 11, 25),
    )  # fmt: skip
    assert event.occurrence_span.upper == local(2026, 11, 25, 19)
    EventExceptionFactory(
        event=event, occurrence_date=datetime.date(2026, 11, 25), kind=EventException.Kind.MOVED,
        new_starts_at=local(2026, 12, 2, 17), new_ends_at=local(2026, 12, 2, 19),
    )  # fmt: skip
    event.refresh_from_db()
    assert event.occurrence_span.upper == local(2026, 12, 2, 19)
    assert list(Event.objects.overlapping(*month(2026, 12))) == [event]


def test_multi_day_timed_event_covers_each_local_day_but_not_the_day_it_ends_at_midnight():
    event = EventFactory(starts_at=local(2026, 11, 27, 20), ends_at=local(2026, 11, 30, 0))
    (occurrence,) = event.occurrences(*month(2026, 11))
    assert occurrence.days == [datetime.date(2026, 11, 27), datetime.date(2026, 11, 28), datetime.date(2026, 11, 29)]


def test_all_day_event_is_stored_as_dates_with_local_midnights():
    event = EventFactory(all_day=True, start_date=datetime.date(2026, 9, 16), end_date=datetime.date(2026, 9, 22))
    assert (event.starts_at, event.ends_at) == (local(2026, 9, 16), local(2026, 9, 23))
    (occurrence,) = event.occurrences(*month(2026, 9))
    assert (occurrence.start_date, occurrence.end_date) == (datetime.date(2026, 9, 16), datetime.date(2026, 9, 22))


def test_next_occurrence_skips_past_and_cancelled_ones():
    event = EventFactory(starts_at=local(2026, 1, 7, 18), ends_at=local(2026, 1, 7, 19), repeat=Event.Repeat.WEEKLY)
    EventExceptionFactory(event=event, occurrence_date=datetime.date(2026, 12, 2))
    event = Event.objects.with_exceptions().get(pk=event.pk)
    assert event.next_occurrence(local(2026, 11, 26, 12)).start_date == datetime.date(2026, 12, 2)
    # A cancelled occurrence is still listed (marked); the agenda shows it as "Odwołane".
    assert event.next_occurrence(local(2026, 11, 26, 12)).is_cancelled is True


def test_days_with_events_in_one_query_covers_multi_day_series_and_moved(django_assert_num_queries):
    from calendar_app.days import days_with_events

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
        days = days_with_events(datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    assert sorted(d.day for d in days) == [1, 4, 10, 11, 18, 27]


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
def test_occurrence_span_reaches_the_last_occurrence_after_a_long_gap(repeat, interval, first, until, last):
    event = EventFactory(
        starts_at=local(*first.timetuple()[:3], 10), ends_at=local(*first.timetuple()[:3], 12),
        repeat=repeat, repeat_interval=interval, repeat_until=until,
    )  # fmt: skip
    assert event.occurrence_span.upper == local(*last.timetuple()[:3], 12)
    assert recurrence.Rule(repeat, interval, until=until).starts_between(
        datetime.datetime.combine(first, datetime.time(10)),
        datetime.datetime(2020, 1, 1),
        datetime.datetime(2031, 1, 1),
    )[-1] == datetime.datetime.combine(last, datetime.time(10))
