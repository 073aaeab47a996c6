import datetime
from urllib.parse import urlsplit

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from calendar_app import grid, ics, recurrence
from calendar_app.forms import AgendaFilterForm
from calendar_app.listing import AgendaSequence, hydrate
from calendar_app.models import Event
from calendar_app.structured_data import event_structured_data
from calendar_app.templatetags.events import mini_calendar_context
from pps_portal.languages import SEARCH_COLUMNS
from pps_portal.models import SiteSettings

AGENDA_PAGE_SIZE = 20
UPCOMING_ON_DETAIL = 8
# The feed: events from a month back (calendar apps keep showing what they
# already have), at most this many, soonest first.
FEED_PAST = datetime.timedelta(days=31)
FEED_LIMIT = 1000


def _today():
    return timezone.localdate()


@require_safe
def month(request, year=None, month=None):
    """The month grid; /kalendarz/ is the current month."""
    if year is None:
        today = _today()
        year, month = today.year, today.month
    grid.check_month(year, month)
    start, end = grid.month_range(year, month)
    # One query: public events overlapping the visible weeks, series exceptions attached.
    # Query 1: the public events overlapping the visible weeks, slim, exceptions attached;
    # query 2: the shown ones in full (a cell lists at most grid.DAY_CELL_LIMIT).
    occurrences = recurrence.expand_all(Event.objects.public().overlapping(start, end).for_days(), start, end)
    calendar_month = grid.build_month(year, month, occurrences, _today())
    shown = {id(o): o for day in calendar_month.days for o in day.shown}
    full = dict(zip(shown, hydrate(list(shown.values())), strict=True))
    for day in calendar_month.days:
        day.occurrences[: grid.DAY_CELL_LIMIT] = [full[id(o)] for o in day.shown]
    in_month = [o for o in occurrences if any(d.month == month and d.year == year for d in o.days)]
    return render(
        request,
        "calendar_app/month.html",
        {"month": calendar_month, "event_count": len(in_month)},
    )


@require_safe
def day(request, year, month, day):
    date = grid.check_day(year, month, day)
    start, end = recurrence.local_day_range(date, date)
    occurrences = hydrate(recurrence.expand_all(Event.objects.public().overlapping(start, end).for_days(), start, end))
    previous_day = date - datetime.timedelta(days=1)
    next_day = date + datetime.timedelta(days=1)
    return render(
        request,
        "calendar_app/day.html",
        {
            "date": date,
            "occurrences": occurrences,
            "is_today": date == _today(),
            "previous_day": previous_day if previous_day.year >= grid.MIN_YEAR else None,
            "next_day": next_day if next_day.year <= grid.MAX_YEAR else None,
        },
    )


@require_safe
def agenda(request):
    """Upcoming events by their next occurrence, filtered by the query string, paginated."""
    form = AgendaFilterForm(request.GET or None)
    start, end = form.date_range(timezone.now())
    sequence = AgendaSequence(form.apply(Event.objects.public()), start, end)
    # get_page() turns ?page=abc into page 1 and ?page=99999 into the last page.
    page = Paginator(sequence, AGENDA_PAGE_SIZE).get_page(request.GET.get("page"))
    query = form.query_string()
    return render(
        request,
        "calendar_app/agenda.html",
        {
            "form": form,
            "filters": form.filters,
            "page": page,
            "query_prefix": query,
            "feed_url": reverse("calendar-feed") + (f"?{query}" if query else ""),
        },
    )


def _get_event(request, slug):
    event = get_object_or_404(
        Event.objects.select_related("category", "organizer", "district").defer(*SEARCH_COLUMNS).with_exceptions(),
        slug=slug,
    )
    if not event.is_public and not (request.user.is_authenticated and request.user.is_staff):
        raise Http404("Event not public")
    return event


@require_safe
def detail(request, slug):
    event = _get_event(request, slug)
    now = timezone.now()
    upcoming = event.upcoming_occurrences(UPCOMING_ON_DETAIL, after=now)
    if upcoming:
        shown = upcoming[0]
    else:  # a past event: its (first) date
        start, end = event.first_bounds()
        shown = recurrence.Occurrence(event=event, starts_at=start, ends_at=end, is_all_day=event.is_all_day)
    return render(
        request,
        "calendar_app/detail.html",
        {
            "event": event,
            "occurrence": shown,
            "upcoming": upcoming if event.is_series else [],
            "is_past": not upcoming,
            "is_preview": not event.is_public,
            "structured_data": event_structured_data(request, event, shown),
        },
    )


def _calendar_response(cal, filename=None):
    response = HttpResponse(cal.to_ical(), content_type=ics.CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def event_ics(request, slug):
    event = get_object_or_404(
        Event.objects.public().select_related("category", "organizer", "district").with_exceptions(), slug=slug
    )
    cal = ics.calendar_for(
        [event],
        url_for=lambda e: request.build_absolute_uri(e.get_absolute_url()),
        name=event.title,
    )
    return _calendar_response(cal, f"{event.slug}.ics")


@require_safe
def feed(request):
    """/kalendarz.ics: upcoming public events, narrowed by the agenda's filters."""
    form = AgendaFilterForm(request.GET or None)
    start, end = form.date_range(timezone.now())
    if "od" not in form.filters:
        start -= FEED_PAST
    events = form.apply(Event.objects.public().for_listing()).overlapping(start, end).order_by("starts_at", "pk")
    cal = ics.calendar_for(
        list(events[:FEED_LIMIT]),
        url_for=lambda e: request.build_absolute_uri(e.get_absolute_url()),
        name=_feed_name(request),
    )
    return _calendar_response(cal)


def _feed_name(request):
    site = SiteSettings.load()
    if site.site_name:
        return _("Kalendarz — %(site)s") % {"site": site.site_name}
    return _("Kalendarz")


def _same_site_page(request, page):
    """(path, QueryDict) of the page the mini calendar is on; ("/", empty) unless a same-site path."""
    parts = urlsplit(page)
    if (
        parts.scheme
        or parts.netloc
        or not parts.path.startswith("/")
        or parts.path.startswith(("//", "/\\"))
        or not url_has_allowed_host_and_scheme(page, allowed_hosts={request.get_host()})
    ):
        return "/", QueryDict()
    return parts.path, QueryDict(parts.query)


@require_safe
def mini(request):
    """The mini calendar's body for another month, swapped in by static/js/calendar.js."""
    path, query = _same_site_page(request, request.GET.get("strona", "/"))
    context = mini_calendar_context(request.GET.get("kalendarz"), path, query)
    response = render(request, "calendar_app/_mini_calendar_body.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
