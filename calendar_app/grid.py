"""The month as weeks of days (Monday first), with each day's occurrences."""

import calendar
import datetime
from dataclasses import dataclass, field

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
    shown: list = field(default_factory=list)  # the first DAY_CELL_LIMIT occurrences, in time order
    count: int = 0  # all occurrences taking place that day

    @property
    def url(self):
        return reverse("calendar:day", args=[self.date.year, f"{self.date.month:02d}", f"{self.date.day:02d}"])

    @property
    def more(self):
        return max(0, self.count - len(self.shown))

    @property
    def has_events(self):
        return self.count > 0


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


def build_month(year, month, today, shown=(), counts=None):
    """The month grid: each day with how many occurrences take place on it and the first few of them.

    `counts`: how many start on each date; `shown`: the occurrences the cells
    list (the first few starting each day and every multi-day one in the
    grid), placed on each day they cover. A multi-day occurrence that began
    on an earlier day is counted there, so it is added to the count of each
    later day it covers.
    """
    counts = counts or {}
    by_day = {}
    for occurrence in shown:
        for n in range((occurrence.last_day - occurrence.first_day).days + 1):
            by_day.setdefault(occurrence.first_day + datetime.timedelta(days=n), []).append(occurrence)
    weeks = []
    for week in month_dates(year, month):
        days = []
        for date in week:
            listed = sorted(by_day.get(date, []), key=lambda o: (o.starts_at, not o.is_all_day, o.pk))
            continuing = sum(1 for o in listed if o.first_day < date)
            days.append(
                Day(
                    date=date,
                    in_month=date.month == month,
                    is_today=date == today,
                    shown=listed[:DAY_CELL_LIMIT],
                    count=counts.get(date, 0) + continuing,
                )
            )
        weeks.append(days)
    return Month(year=year, month=month, weeks=weeks)


def month_occurrence_count(calendar_month, shown, counts):
    """How many occurrences take place in the month itself (the grid's caption)."""
    first = calendar_month.first_day
    starting = sum(n for date, n in counts.items() if date.year == first.year and date.month == first.month)
    return starting + sum(1 for o in shown if o.first_day < first <= o.last_day)


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
