"""Series rules, expanded in local wall-clock time by python-dateutil's rrule.

A series is stored as a small rule (weekly or monthly, an interval, the
weekdays, an optional last day) and expanded by dateutil over *naive local*
datetimes in Europe/Warsaw, each occurrence then made aware again. That is
what keeps a weekly 18:00 meeting at 18:00 on both sides of the October and
March clock changes (an rrule over UTC datetimes would move it by an hour).

Nothing here queries the database: `calendar_app.services` stores what
`occurrences` returns as `Occurrence` rows.
"""

import datetime
from dataclasses import dataclass
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


def local_days(start, end):
    """(first, last) local date an occurrence [start, end) covers; one ending at midnight ends the day before."""
    first = start.astimezone(LOCAL_TZ).date()
    if end <= start:
        return first, first
    return first, (end - datetime.timedelta(microseconds=1)).astimezone(LOCAL_TZ).date()


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

    @classmethod
    def of(cls, event):
        """The rule of an event (or of anything with its `repeat*` fields: a migration's model); None if single."""
        if not event.repeat:
            return None
        return cls(
            frequency=event.repeat,
            interval=event.repeat_interval or 1,
            weekdays=tuple(event.repeat_weekdays or ()),
            monthly_by=event.repeat_monthly_by,
            until=event.repeat_until,
        )

    def effective_weekdays(self, first):
        return tuple(sorted(set(self.weekdays) | {first.weekday()}))

    def rrule(self, first):
        """The rule as a dateutil rrule for a series whose first occurrence starts at `first` (naive local)."""
        params = {"dtstart": first, "interval": self.interval, "wkst": rrule.MO}
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
        return rrule.rrule(**params)

    def starts_until(self, first, last_day):
        """Naive local starts of the occurrences starting on or before local date `last_day`."""
        return self.rrule(first).between(first, datetime.datetime.combine(last_day, datetime.time.max), inc=True)

    def includes(self, first, day):
        """Whether the series has an occurrence starting on local date `day`."""
        moment = datetime.datetime.combine(day, first.time())
        return moment >= first and self.rrule(first).after(moment, inc=True) == moment

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


SCHEDULED = "scheduled"
CANCELLED = "cancelled"
MOVED = "moved"


@dataclass(frozen=True)
class Change:
    """An exception to a series: the date it was planned for, cancelled or moved to [starts_at, ends_at)."""

    date: datetime.date
    starts_at: datetime.datetime | None = None  # None: cancelled
    ends_at: datetime.datetime | None = None
    note: str = ""

    @classmethod
    def of(cls, exception, all_day):
        """An EventException (or a migration's copy of one) of an event that is all-day or not."""
        if exception.kind != MOVED:
            return cls(exception.occurrence_date, note=exception.note)
        if all_day or exception.new_start_date is not None:
            last = exception.new_end_date or exception.new_start_date
            start, end = local_day_range(exception.new_start_date, last)
        else:
            start, end = exception.new_starts_at, exception.new_ends_at
        return cls(exception.occurrence_date, start, end, exception.note)


def occurrences(first_start, first_end, rule, changes, last_day):
    """Every occurrence planned to start on or before local date `last_day`, as Occurrence column values.

    `first_start`/`first_end` bound the first occurrence (aware; all-day:
    local midnights). A single event (rule None) has one occurrence; a
    series one per date of its rule, in its local wall-clock time and
    duration. A cancelled date stays, marked; a moved one keeps its planned
    start as `original_starts_at`. Changes for dates the rule does not
    produce are ignored; the first date and changed dates beyond `last_day`
    are included (every event has a row; a date may have moved before it). Sorted by start; each carries the
    latest end of the earlier ones (`previous_ends_at`).
    """
    if rule is None:
        planned = [(first_start, first_start, first_end, SCHEDULED, "")]
    else:
        by_date = {change.date: change for change in changes}
        first = local_naive(first_start)
        duration = local_naive(first_end) - first
        # The first date always, even after `last_day`: every event has a row.
        starts = rule.starts_until(first, max(last_day, first.date()))
        starts += sorted(
            datetime.datetime.combine(date, first.time())
            for date in by_date
            if date > last_day and rule.includes(first, date)
        )
        planned = []
        for naive_start in starts:
            start, end = aware(naive_start), aware(naive_start + duration)
            change = by_date.get(naive_start.date())
            if change is None:
                planned.append((start, start, end, SCHEDULED, ""))
            elif change.starts_at is None:
                planned.append((start, start, end, CANCELLED, change.note))
            else:
                planned.append((start, change.starts_at, change.ends_at, MOVED, change.note))
        planned.sort(key=lambda item: (item[1], item[0]))
    values, previous_end = [], None
    for original, start, end, state, note in planned:
        first_day, last_day_covered = local_days(start, end)
        values.append(
            {
                "original_starts_at": original,
                "starts_at": start,
                "ends_at": end,
                "state": state,
                "note": note,
                "first_day": first_day,
                "last_day": last_day_covered,
                "is_multi_day": last_day_covered > first_day,
                "previous_ends_at": previous_end,
            }
        )
        previous_end = end if previous_end is None else max(previous_end, end)
    return values
