"""The month as weeks of days (Monday first), with each day's occurrences."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from calendar_app import recurrence

# Years a calendar URL may name; anything else is a 404, not a crash.
MIN_YEAR = 1900
MAX_YEAR = 2100
# A month cell lists this many occurrences; the rest are behind the day link.
DAY_CELL_LIMIT = 4

_CALENDAR = calendar.Calendar(firstweekday=calendar.MONDAY)

# Column headers, Monday first: (two letters for narrow columns, shown
# abbreviation, full name for screen readers).
WEEKDAY_NAMES = [
    (_("pn"), _("pon."), _("poniedziałek")),
    (_("wt"), _("wt."), _("wtorek")),
    (_("śr"), _("śr."), _("środa")),
    (_("cz"), _("czw."), _("czwartek")),
    (_("pt"), _("pt."), _("piątek")),
    (_("sb"), _("sob."), _("sobota")),
    (_("nd"), _("niedz."), _("niedziela")),
]


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    occurrences: list = field(default_factory=list)
    marked: bool = False  # has events, known without the occurrences (mini calendar)

    @property
    def shown(self):
        return self.occurrences[:DAY_CELL_LIMIT]

    @property
    def more(self):
        return max(0, len(self.occurrences) - DAY_CELL_LIMIT)

    @property
    def has_events(self):
        return self.marked or bool(self.occurrences)


@dataclass
class Month:
    year: int
    month: int
    weeks: list

    @property
    def first_day(self):
        return datetime.date(self.year, self.month, 1)

    @property
    def previous(self):
        first = self.first_day - datetime.timedelta(days=1)
        return first.replace(day=1) if first.year >= MIN_YEAR else None

    @property
    def next(self):
        last = self.first_day + datetime.timedelta(days=31)
        return last.replace(day=1) if last.year <= MAX_YEAR else None

    weekday_names = WEEKDAY_NAMES

    @property
    def days(self):
        return [day for week in self.weeks for day in week]


def check_month(year, month):
    """Raise Http404 unless year/month are a month the calendar shows."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        raise Http404("No such month")


def check_day(year, month, day):
    """The date, or Http404 for 2026-02-30, month 13, year 0…"""
    check_month(year, month)
    try:
        return datetime.date(year, month, day)
    except (ValueError, OverflowError):  # OverflowError: a day number beyond a C int
        raise Http404("No such day") from None


def month_dates(year, month):
    """Weeks of dates shown for the month, Monday first, including adjacent months' days."""
    return _CALENDAR.monthdatescalendar(year, month)


def month_range(year, month):
    """Aware [start, end) of everything the month grid shows (whole weeks)."""
    weeks = month_dates(year, month)
    return recurrence.local_day_range(weeks[0][0], weeks[-1][-1])


def build_month(year, month, occurrences, today, event_days=frozenset()):
    """The month grid: each day lists the occurrences covering it (multi-day ones on each day).

    `event_days` marks days as having events without listing them (mini calendar).
    """
    by_day = {}
    for occurrence in occurrences:
        for day in occurrence.days:
            by_day.setdefault(day, []).append(occurrence)
    weeks = [
        [
            Day(
                date=d,
                in_month=d.month == month,
                is_today=d == today,
                occurrences=by_day.get(d, []),
                marked=d in event_days,
            )
            for d in week
        ]
        for week in month_dates(year, month)
    ]
    return Month(year=year, month=month, weeks=weeks)


def parse_month_param(value, default):
    """`?kalendarz=2026-12` → (2026, 12); anything malformed or out of bounds → default."""
    try:
        year_text, month_text = (value or "").split("-")
        year, month = int(year_text), int(month_text)
    except ValueError:
        return default
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return default
    return year, month
