import datetime
from urllib.parse import urlsplit

from django.core.paginator import Paginator
from django.db.models import BooleanField, ExpressionWrapper, F, Q
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from calendar_app import grid, ics, recurrence, services
from calendar_app.forms import AgendaFilterForm
from calendar_app.models import EVENT_SEARCH_COLUMNS, Event, EventText, Occurrence
from calendar_app.structured_data import event_structured_data
from calendar_app.templatetags.events import mini_calendar_context
from pps_portal.models import SiteSettings

AGENDA_PAGE_SIZE = 20
DAY_PAGE_SIZE = 20
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
    weeks = grid.month_dates(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    services.ensure_stored_until(last)
    public = Occurrence.objects.public()
    # Query 1: how many start on each day; query 2: the first few of each day, with their events.
    counts = public.starts_per_day(first, last)
    shown = list(public.in_cells(first, last, grid.DAY_CELL_LIMIT))
    calendar_month = grid.build_month(year, month, _today(), shown, counts)
    return render(
        request,
        "calendar_app/month.html",
        {"month": calendar_month, "event_count": grid.month_occurrence_count(calendar_month, shown, counts)},
    )


@require_safe
def day(request, year, month, day):
    date = grid.check_day(year, month, day)
    services.ensure_stored_until(date)
    # Query 1: the day's occurrences in time order, keys only (a day has hundreds at most);
    # query 2: the page's, with their events. get_page() turns ?page=abc into page 1.
    keys = Occurrence.objects.public().on_days(date, date).values_list("pk", flat=True)
    page = Paginator(list(keys), DAY_PAGE_SIZE).get_page(request.GET.get("page"))
    occurrences = Occurrence.objects.for_listing().filter(pk__in=page.object_list)
    previous_day = date - datetime.timedelta(days=1)
    next_day = date + datetime.timedelta(days=1)
    return render(
        request,
        "calendar_app/day.html",
        {
            "date": date,
            "page": page,
            "occurrences": occurrences,
            "is_today": date == _today(),
            "previous_day": previous_day if previous_day.year >= grid.MIN_YEAR else None,
            "next_day": next_day if next_day.year <= grid.MAX_YEAR else None,
        },
    )


def _ensure_stored(start, end):
    if end is None:
        services.ensure_stored_ahead(start)
    else:
        services.ensure_stored_until(end.astimezone(recurrence.LOCAL_TZ).date())


@require_safe
def agenda(request):
    """Upcoming events by their next occurrence, filtered by the query string, paginated."""
    form = AgendaFilterForm(request.GET or None)
    start, end = form.date_range(timezone.now())
    _ensure_stored(start, end)
    day = start.astimezone(recurrence.LOCAL_TZ).date()
    rows = form.apply(Occurrence.objects.public()).next_per_event(start, end)
    # Multi-day events that began before the first day are listed first (on page 1),
    # then the rest page by page, both in index order.
    continuing = list(rows.continuing(day).for_listing())
    page = Paginator(rows.from_day(day).for_listing(), AGENDA_PAGE_SIZE).get_page(request.GET.get("page"))
    form.list_organizers()
    query = form.query_string()
    return render(
        request,
        "calendar_app/agenda.html",
        {
            "form": form,
            "filters": form.filters,
            "page": page,
            "occurrences": (continuing if page.number == 1 else []) + list(page.object_list),
            "count": len(continuing) + page.paginator.count,
            "query_prefix": query,
            "feed_url": reverse("calendar-feed") + (f"?{query}" if query else ""),
        },
    )


def _event_dates(slug, now):
    """One query: the event's next dates with the event, running or later ones first (a past event: its first)."""
    # Over at its end (as the event page always was); an event without duration at its start.
    running_or_later = Q(ends_at__gt=now) | Q(ends_at=F("starts_at"), starts_at__gte=now)
    is_upcoming = ExpressionWrapper(running_or_later, output_field=BooleanField())
    return list(
        Occurrence.objects.filter(event__slug=slug)
        .select_related("event__category", "event__organizer", "event__district")
        .defer(*EVENT_SEARCH_COLUMNS)
        .annotate(is_upcoming=is_upcoming)
        .order_by("-is_upcoming", "starts_at", "-is_all_day", "pk")[:UPCOMING_ON_DETAIL]
    )


@require_safe
def detail(request, slug):
    now = timezone.now()
    services.ensure_stored_ahead(now)
    dates = _event_dates(slug, now)
    if not dates:
        # Saved without its dates (outside calendar_app.services): store them, then read them.
        services.occurrences_store(events=[get_object_or_404(Event, slug=slug)])
        dates = _event_dates(slug, now)
    event = dates[0].event
    if not event.is_public and not (request.user.is_authenticated and request.user.is_staff):
        raise Http404("Event not public")
    upcoming = [occurrence for occurrence in dates if occurrence.is_upcoming]
    shown = upcoming[0] if upcoming else dates[0]
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


def _calendar_response(request, texts, name, filename=None):
    """The stored texts (`EventText.objects.in_language()` rows) as one VCALENDAR; URLs name the request's host."""
    content = ics.calendar_text(texts, base=request.build_absolute_uri("/").removesuffix("/"), name=name)
    response = HttpResponse(content, content_type=ics.CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def event_ics(request, slug):
    texts = list(EventText.objects.in_language().filter(event__slug=slug, event__in=Event.objects.public()))
    if not texts:
        raise Http404("No such public event")
    return _calendar_response(request, texts, texts[0].title, f"{texts[0].slug}.ics")


@require_safe
def feed(request):
    """/kalendarz.ics: upcoming public events, narrowed by the agenda's filters."""
    form = AgendaFilterForm(request.GET or None)
    start, end = form.date_range(timezone.now())
    if "od" not in form.filters:
        start -= FEED_PAST
    _ensure_stored(start, end)
    day = start.astimezone(recurrence.LOCAL_TZ).date()
    rows = form.apply(Occurrence.objects.public()).next_per_event(start, end)
    # The events whose next dates come first (as the agenda lists them), then what their files need.
    first = rows.continuing(day).values("pk").union(rows.from_day(day).values("pk")[:FEED_LIMIT], all=True)
    events = Occurrence.objects.filter(pk__in=first).values("event")
    return _calendar_response(
        request, list(EventText.objects.in_language().filter(event__in=events)), _feed_name(request)
    )


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
