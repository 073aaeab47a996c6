"""Occurrences of events, series expanded in local wall-clock time.

A series is stored as a small rule (weekly or monthly, an interval, the
weekdays, an optional last day) and expanded with python-dateutil's rrule
over *naive local* datetimes in Europe/Warsaw, each occurrence then made
aware again. That is what keeps a weekly 18:00 meeting at 18:00 on both
sides of the October and March clock changes (an rrule over UTC datetimes
would move it by an hour).

Nothing here queries the database: callers load the events (with their
exceptions, see `EventQuerySet.with_exceptions`) in one query and expand
them in Python, bounded by the range they show.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from functools import cached_property
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings

LOCAL_TZ = ZoneInfo(settings.TIME_ZONE)

WEEKLY = "weekly"
MONTHLY = "monthly"
BY_MONTH_DAY = "monthday"
BY_WEEKDAY = "weekday"

RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def local_naive(value):
    """An aware datetime as naive wall-clock time in the portal's time zone."""
    return value.astimezone(LOCAL_TZ).replace(tzinfo=None)


def aware(value):
    """Naive wall-clock time in the portal's time zone made aware.

    An ambiguous time (the repeated hour in October) takes the first, summer
    offset; a non-existent one (the skipped hour in March) lands an hour
    later, as clocks do.
    """
    return value.replace(tzinfo=LOCAL_TZ).astimezone(LOCAL_TZ)


def local_midnight(day):
    return aware(datetime.datetime.combine(day, datetime.time.min))


def local_day_range(first_day, last_day):
    """Aware [start, end) covering the local days first_day..last_day inclusive."""
    return local_midnight(first_day), local_midnight(last_day + datetime.timedelta(days=1))


def week_of_month(day):
    """1..4 for the n-th weekday of its month, -1 when it is the last one (5th)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n == 5 else n


@dataclass(frozen=True)
class Rule:
    """A weekly or monthly repeat, the subset of RFC 5545 RRULE the portal edits."""

    frequency: str
    interval: int = 1
    weekdays: tuple = ()  # 0 = Monday; weekly only; the first day's weekday is always included
    monthly_by: str = BY_MONTH_DAY
    until: datetime.date | None = None  # last day on which an occurrence may start (inclusive)

    def effective_weekdays(self, first):
        return tuple(sorted(set(self.weekdays) | {first.weekday()}))

    def _params(self, first):
        """rrule keyword arguments for a series whose first occurrence starts at `first` (naive local).

        Every BY* part is explicit, so the rule can be restarted from a later
        dtstart aligned to the interval (see `_fast_forward`) with the same result.
        """
        params = {"interval": self.interval, "wkst": rrule.MO}
        if self.frequency == WEEKLY:
            params["freq"] = rrule.WEEKLY
            params["byweekday"] = [RRULE_WEEKDAYS[d] for d in self.effective_weekdays(first)]
        else:
            params["freq"] = rrule.MONTHLY
            if self.monthly_by == BY_WEEKDAY:
                params["byweekday"] = [RRULE_WEEKDAYS[first.weekday()](week_of_month(first))]
            else:
                params["bymonthday"] = [first.day]
        if self.until is not None:
            params["until"] = datetime.datetime.combine(self.until, datetime.time.max)
        return params

    def as_dateutil(self, first):
        """The same rule as a dateutil rrule (the reference implementation, used by the tests)."""
        return rrule.rrule(dtstart=first, **self._params(first))

    def _candidate_days(self, first, start_day):
        """Local dates the rule produces, in order, from the period containing `start_day` on.

        Plain date arithmetic over whole periods (weeks or months) counted
        from the first occurrence's, so a series that began years ago costs
        nothing extra; checked against dateutil's rrule in the tests.
        """
        first_day = first.date()
        if self.frequency == WEEKLY:
            week0 = first_day - datetime.timedelta(days=first_day.weekday())
            weekdays = self.effective_weekdays(first)
            period = max(0, (start_day - week0).days // (7 * self.interval))
            while True:
                monday = week0 + datetime.timedelta(weeks=period * self.interval)
                for weekday in weekdays:
                    yield monday + datetime.timedelta(days=weekday)
                period += 1
        month0 = first_day.year * 12 + first_day.month - 1
        period = max(0, (start_day.year * 12 + start_day.month - 1 - month0) // self.interval)
        weekday, nth = first_day.weekday(), week_of_month(first_day)
        while True:
            year, month = divmod(month0 + period * self.interval, 12)
            month += 1
            length = calendar.monthrange(year, month)[1]
            if self.monthly_by == BY_WEEKDAY:
                if nth > 0:
                    day = 1 + (weekday - datetime.date(year, month, 1).weekday()) % 7 + 7 * (nth - 1)
                else:
                    day = length - (datetime.date(year, month, length).weekday() - weekday) % 7
            else:
                day = first_day.day
            if day <= length:
                yield datetime.date(year, month, day)
            period += 1

    def starts_between(self, first, start, end):
        """Naive local starts of occurrences with start <= t < end."""
        if end <= first or (self.until is not None and start.date() > self.until):
            return []
        starts = []
        for day in self._candidate_days(first, max(start, first).date()):
            moment = datetime.datetime.combine(day, first.time())
            if moment >= end or (self.until is not None and day > self.until):
                break
            if moment >= start and moment >= first:
                starts.append(moment)
        return starts

    def last_start(self, first):
        """The naive local start of the last occurrence, for a rule with `until` (None if it has none).

        Searched backwards from `until` in windows of one period of the rule
        (plus a week), doubled each time nothing is found: a series on the
        31st every few months can skip several periods.
        """
        if self.until is None:
            raise ValueError("An endless series has no last occurrence.")
        end = datetime.datetime.combine(self.until, datetime.time.max)
        window = datetime.timedelta(days=(7 if self.frequency == WEEKLY else 31) * self.interval + 7)
        start = end - window
        while True:
            starts = self.starts_between(first, max(start, first), end)
            if starts:
                return starts[-1]
            if start <= first:
                return None
            end, window = start, window * 2
            start = end - window

    def includes(self, first, day):
        """Whether the series has an occurrence starting on local date `day`."""
        start = datetime.datetime.combine(day, first.time())
        return start in self.starts_between(first, start, start + datetime.timedelta(seconds=1))

    def ical(self, *, all_day, first):
        """The rule as an icalendar vRecur dict (UNTIL in UTC for timed events, RFC 5545 3.3.10)."""
        value = {"FREQ": "WEEKLY" if self.frequency == WEEKLY else "MONTHLY"}
        if self.interval != 1:
            value["INTERVAL"] = self.interval
        if self.frequency == WEEKLY:
            value["BYDAY"] = [ICAL_WEEKDAYS[d] for d in self.effective_weekdays(first)]
            if self.interval != 1:
                value["WKST"] = "MO"
        elif self.monthly_by == BY_WEEKDAY:
            value["BYDAY"] = [f"{week_of_month(first)}{ICAL_WEEKDAYS[first.weekday()]}"]
        else:
            value["BYMONTHDAY"] = [first.day]
        if self.until is not None:
            if all_day:
                value["UNTIL"] = self.until
            else:
                last_moment = aware(datetime.datetime.combine(self.until, datetime.time(23, 59, 59)))
                value["UNTIL"] = last_moment.astimezone(datetime.UTC)
        return value


@dataclass
class Occurrence:
    """One occurrence of an event: the event itself, or one date of a series."""

    event: object
    starts_at: datetime.datetime  # aware; local midnight for all-day events
    ends_at: datetime.datetime  # aware, exclusive for all-day events
    is_all_day: bool
    original_date: datetime.date | None = None  # series only: the date it was planned for
    is_occurrence_cancelled: bool = False
    is_moved: bool = False
    note: str = ""
    days: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        first = self.starts_at.astimezone(LOCAL_TZ).date()
        if self.ends_at > self.starts_at:
            last = (self.ends_at - datetime.timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()
        else:
            last = first
        self.days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]

    @property
    def start_date(self):
        return self.days[0]

    @property
    def end_date(self):
        """The last local day it covers (inclusive)."""
        return self.days[-1]

    @property
    def is_multi_day(self):
        return len(self.days) > 1

    @property
    def is_cancelled(self):
        return self.is_occurrence_cancelled or self.event.is_cancelled

    @cached_property
    def sort_key(self):
        # A float timestamp compares much faster than aware datetimes in mixed zones.
        return (self.starts_at.timestamp(), not self.is_all_day, self.event.title, self.event.pk or 0)

    def overlaps(self, start, end):
        if self.ends_at == self.starts_at:
            return start <= self.starts_at < end
        return self.starts_at < end and self.ends_at > start

    def get_absolute_url(self):
        return self.event.get_absolute_url()


def _single(event, all_day, start, end, **kwargs):
    return Occurrence(event=event, starts_at=start, ends_at=end, is_all_day=all_day, **kwargs)


def expand(event, start, end):
    """The event's occurrences overlapping the aware range [start, end), in order.

    `event` is an Event (or anything with the same attributes) whose
    `series_exceptions` are already loaded. Cancelled occurrences are kept,
    marked, so pages can say "Odwołane"; moved ones appear at their new time.
    """
    first_start, first_end = event.first_bounds()
    if event.rule is None:
        occurrence = _single(event, event.is_all_day, first_start, first_end)
        return [occurrence] if occurrence.overlaps(start, end) else []

    rule = event.rule
    first = local_naive(first_start)
    duration = local_naive(first_end) - first
    exceptions = {exception.occurrence_date: exception for exception in event.series_exceptions}
    # Occurrences starting before `start` may still be running at `start`.
    window_start = local_naive(start) - duration - datetime.timedelta(days=1)
    result = []
    for naive_start in rule.starts_between(first, window_start, local_naive(end) + datetime.timedelta(days=1)):
        exception = exceptions.get(naive_start.date())
        if exception is not None and exception.is_moved:
            continue  # shown at its new time below
        occurrence = _single(
            event,
            event.is_all_day,
            aware(naive_start),
            aware(naive_start + duration),
            original_date=naive_start.date(),
            is_occurrence_cancelled=exception is not None,
            note=exception.note if exception is not None else "",
        )
        if occurrence.overlaps(start, end):
            result.append(occurrence)
    for exception in exceptions.values():
        if not exception.is_moved or not rule.includes(first, exception.occurrence_date):
            continue
        moved_start, moved_end = exception.moved_bounds(event.is_all_day)
        occurrence = _single(
            event,
            event.is_all_day,
            moved_start,
            moved_end,
            original_date=exception.occurrence_date,
            is_moved=True,
            note=exception.note,
        )
        if occurrence.overlaps(start, end):
            result.append(occurrence)
    result.sort(key=lambda o: o.sort_key)
    return result


def expand_all(events, start, end):
    """All occurrences of `events` overlapping [start, end), in order."""
    occurrences = [occurrence for event in events for occurrence in expand(event, start, end)]
    occurrences.sort(key=lambda o: o.sort_key)
    return occurrences


# How far ahead a series is searched for its next occurrence: an open-ended
# monthly series with every occurrence cancelled must not loop for ever.
NEXT_OCCURRENCE_HORIZON = datetime.timedelta(days=2 * 366)


def next_occurrence(event, after, before=None):
    """The first occurrence still running at or starting after `after` (None if none).

    Searched in growing windows, the first one about one repeat period long,
    starting no earlier than the event's stored span (a future series).
    """
    limit = before or after + NEXT_OCCURRENCE_HORIZON
    span = getattr(event, "occurrence_span", None)
    start = max(after, span.lower) if span is not None and span.lower is not None else after
    rule = event.rule
    period_days = 1 if rule is None else (7 if rule.frequency == WEEKLY else 31) * rule.interval
    first_start, first_end = event.first_bounds()
    window = datetime.timedelta(days=period_days + 1) + (first_end - first_start)
    while start < limit:
        end = min(start + window, limit)
        found = expand(event, start, end)
        if found:
            return found[0]
        start, window = end, window * 4
    return None


def upcoming_occurrences(event, after, count):
    """Up to `count` next occurrences (running at or starting after `after`)."""
    return expand(event, after, after + NEXT_OCCURRENCE_HORIZON)[:count]
