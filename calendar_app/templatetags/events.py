"""Side-column mini calendar, the home page's and organization pages' event blocks."""

import calendar
import datetime
import functools
from urllib.parse import quote

from django import template
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language, gettext

from calendar_app import grid, services
from calendar_app.models import Event, Occurrence

register = template.Library()

HOME_LIMIT = 5
ORGANIZATION_LIMIT = 10


def _month_param(date):
    return f"{date.year:04d}-{date.month:02d}"


def local_path(path):
    """`path` as a link that stays on this site, whatever the request's path was.

    Percent-encoded (a backslash, tab or newline would let a browser read
    `/\\host` or `/<tab>/host` as another host), keeping escapes already
    there (the mini view gets an encoded path back), and with one leading
    slash (`//host/` is another host).
    """
    return "/" + quote(path, safe="/%:@&+$,-_.!~*'()").lstrip("/")


def mini_calendar_context(month_param, page_path, query=None):
    """Context of the mini calendar body for `?kalendarz=YYYY-MM` (default: this month).

    One query: the (first, last) days of the month's public occurrences;
    only the month's own days are links, adjacent months' days are dimmed.
    """
    today = timezone.localdate()
    year, month = grid.parse_month_param(month_param, (today.year, today.month))
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    services.ensure_stored_until(last)
    spans = Occurrence.objects.public().spans(first, last)
    days = {start + datetime.timedelta(days=n) for start, end in spans for n in range((end - start).days + 1)}
    calendar_month = grid.Month(year=year, month=month, weeks=[])  # the links around the table
    query = query.copy() if query is not None else QueryDict(mutable=True)
    query.pop("kalendarz", None)
    page_path = local_path(page_path)

    def page_link(date):
        if date is None:
            return None
        params = query.copy()
        params["kalendarz"] = _month_param(date)
        return f"{page_path}?{params.urlencode()}"

    def fragment_link(date):
        if date is None:
            return None
        params = QueryDict(mutable=True)
        params["kalendarz"] = _month_param(date)
        params["strona"] = page_path + (f"?{query.urlencode()}" if query else "")
        return f"{reverse('calendar:mini')}?{params.urlencode()}"

    return {
        "month": calendar_month,
        "table": month_table(year, month, today, frozenset(days), get_language(), get_script_prefix()),
        "previous_url": page_link(calendar_month.previous),
        "next_url": page_link(calendar_month.next),
        "previous_fragment_url": fragment_link(calendar_month.previous),
        "next_fragment_url": fragment_link(calendar_month.next),
    }


@functools.lru_cache(maxsize=256)
def month_table(year, month, today, days, language, script_prefix):
    """The mini calendar's table of the month, `days` (those with events) linked to the day view.

    Kept per process, keyed by everything it shows (the language and script
    prefix name its links' paths): it is on every page, and rendering its 42
    cells was a quarter of a simple page's CPU time. Which days have events is
    still read on every request, so a new event is linked at once.
    """
    # The mini calendar only tells whether a day has events.
    calendar_month = grid.build_month(year, month, today, counts=dict.fromkeys(days, 1))
    return render_to_string("calendar_app/_mini_calendar_table.html", {"month": calendar_month})


@register.simple_tag
def month_cell_events(day):
    """A month cell's events as list items: title, link, start time on its first day, state.

    Written here rather than by a template loop: a busy month lists
    hundreds of them, and a template renders each one many times slower.
    """
    cancelled = format_html('<strong class="badge badge--cancelled">{}</strong>', gettext("Odwołane"))
    moved = format_html('<strong class="badge badge--moved">{}</strong>', gettext("Zmiana terminu"))
    # The event pages' paths differ only in the slug (one reverse(), not one per item).
    detail = reverse("calendar:detail", kwargs={"slug": "-"}).removesuffix("-/")
    items = []
    for row in day.shown:  # OccurrenceQuerySet.in_cells() rows
        time = ""
        if not row.is_all_day and row.first_day == day.date:
            time = format_html('<span class="month__time">{}</span> ', f"{timezone.localtime(row.starts_at):%H:%M}")
        is_cancelled = row.state == Occurrence.State.CANCELLED or row.event_status == Event.Status.CANCELLED
        badge = cancelled if is_cancelled else moved if row.state == Occurrence.State.MOVED else ""
        modifier = " month__event--cancelled" if is_cancelled else ""
        items.append((modifier, f"{detail}{row.slug}/", time, row.title, badge))
    return format_html_join("", '<li class="month__event{}"><a href="{}">{}{}</a>{}</li>', items)


@register.inclusion_tag("calendar_app/_mini_calendar.html", takes_context=True)
def mini_calendar(context):
    """The side column's month: days with events link to the day view (one query)."""
    request = context.get("request")
    if request is None:
        return mini_calendar_context(None, "/")
    return mini_calendar_context(request.GET.get("kalendarz"), request.path, request.GET)


def _upcoming(occurrences, limit):
    now = timezone.now()
    services.ensure_stored_ahead(now)
    return list(occurrences.upcoming(now, limit))


@register.inclusion_tag("calendar_app/_upcoming.html")
def upcoming_events(limit=HOME_LIMIT):
    """The home page block: the next public events, each at its next occurrence (one query)."""
    return {"occurrences": _upcoming(Occurrence.objects.public(), limit)}


@register.inclusion_tag("calendar_app/_organization_events.html")
def organization_events(organization, limit=ORGANIZATION_LIMIT):
    """An organization page's block: its upcoming public events (one query)."""
    return {
        "organization": organization,
        "occurrences": _upcoming(Occurrence.objects.public().filter(event__organizer=organization), limit),
        # The agenda filtered by this organizer: all of them, and the date and other filters.
        "agenda_url": f"{reverse('calendar:agenda')}?organizacja={organization.slug}",
    }
