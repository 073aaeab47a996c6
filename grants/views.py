import datetime
from itertools import groupby
from operator import attrgetter

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from calendar_app.ics import CONTENT_TYPE
from grants import exports, ics
from grants.forms import CallFilterForm
from grants.models import GrantCall
from grants.phases import Phase
from organizations.models import Area
from pps_portal.languages import title_contains

PER_PAGE = 20
# Headings of the list's sections, one per phase.
SECTION_HEADINGS = {
    Phase.OPEN: gettext_lazy("Trwa nabór"),
    Phase.ANNOUNCED: gettext_lazy("Zapowiedziane"),
    Phase.EVALUATION: gettext_lazy("Ocena ofert"),
    Phase.RESOLVED: gettext_lazy("Rozstrzygnięte"),
    Phase.CANCELLED: gettext_lazy("Unieważnione"),
}
# The deadlines feed: calls whose deadline is at most a month old (calendar
# apps keep what they already have), soonest first.
FEED_PAST_DAYS = 31
FEED_LIMIT = 500


def _filter_options():
    """Areas and years that have public calls (one query each)."""
    calls = GrantCall.objects.published()
    areas = list(Area.objects.filter(Exists(calls.filter(area=OuterRef("pk")))))
    years = [day.year for day in calls.dates("announced_on", "year", order="DESC")]
    return areas, years


def _filtered(calls, filters, now):
    if filters["query"]:
        calls = calls.filter(title_contains(filters["query"]))
    if filters["kind"]:
        calls = calls.filter(kind=filters["kind"])
    if filters["area"] is not None:
        calls = calls.filter(area=filters["area"])
    if filters["year"]:
        calls = calls.filter(announced_on__year=filters["year"])
    if filters["phase"]:
        calls = calls.in_phase(filters["phase"], now)
    return calls


@require_safe
def call_list(request):
    """Open calls first (with days left), then upcoming, in evaluation, resolved, cancelled."""
    now = timezone.now()
    areas, years = _filter_options()
    form = CallFilterForm(request.GET, areas=areas, years=years)
    calls = _filtered(GrantCall.objects.for_listing(now), form.filters(), now)
    # get_page() turns ?page=abc into page 1 and ?page=99999 into the last page.
    page = Paginator(calls, PER_PAGE).get_page(request.GET.get("page"))
    filter_params = form.filter_params()
    sections = [
        {"phase": Phase(phase), "heading": SECTION_HEADINGS[phase], "calls": list(calls)}
        for phase, calls in groupby(page.object_list, key=attrgetter("current_phase"))
    ]
    return render(
        request,
        "grants/list.html",
        {
            "form": form,
            "page_obj": page,
            "sections": sections,
            "is_filtered": bool(filter_params),
            "filter_query": urlencode(filter_params),
        },
    )


def _get_call(request, slug):
    call = get_object_or_404(GrantCall.objects.select_related("area", "funder"), slug=slug)
    if not call.is_public and not (request.user.is_authenticated and request.user.is_staff):
        raise Http404("Grant call not public")
    return call


@require_safe
def call_detail(request, slug):
    call = _get_call(request, slug)
    grants = []
    if call.phase == Phase.RESOLVED:
        grants = list(call.grants.for_results())
    return render(
        request,
        "grants/detail.html",
        {
            "call": call,
            "grants": grants,
            "grants_total": sum(grant.amount for grant in grants),
            "is_preview": not call.is_public,
        },
    )


def _calendar_response(cal, filename=None):
    response = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def call_ics(request, slug):
    call = get_object_or_404(GrantCall.objects.published().select_related("area"), slug=slug)
    cal = ics.calendar_for([call], url_for=lambda c: request.build_absolute_uri(c.get_absolute_url()), name=call.title)
    return _calendar_response(cal, filename=f"konkurs-{call.slug[:60]}.ics")


@require_safe
def deadlines_feed(request):
    """/konkursy.ics: every public call's deadline from a month back on, to subscribe to once."""
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    calls = list(
        GrantCall.objects.published()
        .filter(deadline_at__gte=since)
        .select_related("area")
        .defer("description")
        .order_by("deadline_at", "pk")[:FEED_LIMIT]
    )
    cal = ics.calendar_for(
        calls,
        url_for=lambda c: request.build_absolute_uri(c.get_absolute_url()),
        name=_("%(site)s — terminy konkursów ofert") % {"site": request.site.site_name},
    )
    return _calendar_response(cal)


def _export_filename(extension):
    return f"dotacje-{timezone.localdate().isoformat()}.{extension}"


def _base_url(request):
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
def grants_json(request):
    """Awarded grants as a 360Giving package, streamed."""
    base_url = _base_url(request)
    response = StreamingHttpResponse(
        exports.json_chunks(
            exports.grant_rows(base_url=base_url),
            source_url=request.build_absolute_uri(reverse("grants:grants_json")),
            publisher_name=request.site.site_name,
            publisher_url=base_url + "/",
        ),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{_export_filename("json")}"'
    return response


@require_safe
def grants_csv(request):
    """Awarded grants as CSV (the registry export's format and guards), streamed."""
    response = StreamingHttpResponse(
        exports.csv_lines(exports.grant_rows(base_url=_base_url(request))), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_export_filename("csv")}"'
    return response
