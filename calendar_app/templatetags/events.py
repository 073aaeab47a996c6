"""Side-column mini calendar, the home page's and organization pages' event blocks."""

import calendar
import datetime
from urllib.parse import quote

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from calendar_app import grid
from calendar_app.days import days_with_events
from calendar_app.listing import AgendaSequence
from calendar_app.models import Event

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

    One query (calendar_app.days): days of the month with public events;
    only the month's own days are links, adjacent months' days are dimmed.
    """
    today = timezone.localdate()
    year, month = grid.parse_month_param(month_param, (today.year, today.month))
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    calendar_month = grid.build_month(year, month, [], today, event_days=days_with_events(first, last))
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
        "previous_url": page_link(calendar_month.previous),
        "next_url": page_link(calendar_month.next),
        "previous_fragment_url": fragment_link(calendar_month.previous),
        "next_fragment_url": fragment_link(calendar_month.next),
    }


@register.inclusion_tag("calendar_app/_mini_calendar.html", takes_context=True)
def mini_calendar(context):
    """The side column's month: days with events link to the day view (one query)."""
    request = context.get("request")
    if request is None:
        return mini_calendar_context(None, "/")
    return mini_calendar_context(request.GET.get("kalendarz"), request.path, request.GET)


@register.inclusion_tag("calendar_app/_upcoming.html")
def upcoming_events(limit=HOME_LIMIT):
    """The home page block: the next public events by their next occurrence (two queries)."""
    sequence = AgendaSequence(Event.objects.public(), timezone.now())
    return {"occurrences": sequence.head(limit)}


@register.inclusion_tag("calendar_app/_organization_events.html")
def organization_events(organization, limit=ORGANIZATION_LIMIT):
    """An organization page's block: its upcoming public events (two queries)."""
    events = Event.objects.public().filter(organizer=organization)
    return {
        "organization": organization,
        "occurrences": AgendaSequence(events, timezone.now()).head(limit),
        # The agenda filtered by this organizer: all of them, and the date and other filters.
        "agenda_url": f"{reverse('calendar:agenda')}?organizacja={organization.slug}",
    }
