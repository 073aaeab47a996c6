from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from organizations import exports, freshness, hsds
from organizations.forms import OppFilterForm, OrganizationFilterForm
from organizations.models import Area, District, Organization, OrganizationChange

PER_PAGE = 20
OPP_PER_PAGE = 50


def _filtered(request, organizations=None):
    """(form, query, organizations matching the query string): listed ones
    unless another queryset is given."""
    areas = list(Area.objects.all())
    districts = list(District.objects.all())
    form = OrganizationFilterForm(request.GET, areas=areas, districts=districts)
    if organizations is None:
        organizations = Organization.objects.listed()
    organizations = organizations.filter_by(**form.filters())
    query = form.query()
    organizations = organizations.search(query) if query else organizations.alphabetical()
    return form, query, organizations


@require_safe
def organization_list(request):
    form, query, organizations = _filtered(request)
    page = Paginator(organizations.for_listing(), PER_PAGE).get_page(request.GET.get("page"))
    filter_params = form.filter_params()
    return render(
        request,
        "organizations/organization_list.html",
        {
            "form": form,
            "query": query,
            "page_obj": page,
            "organizations": page.object_list,
            "is_filtered": bool(filter_params),
            "filter_params": filter_params,
            "filter_query": urlencode(filter_params),
        },
    )


@require_safe
def organization_detail(request, slug):
    """One entry. Also for organizations in liquidation (200) or struck off
    (410 Gone): the page stays, so old links explain themselves."""
    waiting = OrganizationChange.objects.waiting().filter(organization=OuterRef("pk"))
    organization = get_object_or_404(
        Organization.objects.published()
        .select_related("district")
        .prefetch_related("areas")
        # In the same query: since when a change proposed by the organization waits for the editors.
        .annotate(change_waiting_since=Subquery(waiting.values("created_at")[:1])),
        slug=slug,
    )
    return render(
        request,
        "organizations/organization_detail.html",
        {
            "organization": organization,
            "structured_data": _structured_data(request, organization),
        },
        status=410 if organization.is_struck_off else 200,
    )


def _structured_data(request, organization):
    """schema.org Organization data for search engines."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organization.name,
        "url": request.build_absolute_uri(organization.get_absolute_url()),
    }
    if organization.description:
        data["description"] = organization.description
    if organization.street_address or organization.postal_code:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": organization.street_address,
            "postalCode": organization.postal_code,
            "addressLocality": organization.city,
            "addressCountry": "PL",
        }
    if organization.phone:
        data["telephone"] = organization.phone
    if organization.email:
        data["email"] = organization.email
    if organization.website:
        data["sameAs"] = [organization.website]
    if organization.nip:
        data["taxID"] = organization.nip
    identifiers = [
        {"@type": "PropertyValue", "propertyID": name, "value": value}
        for name, value in (("KRS", organization.krs), ("REGON", organization.regon))
        if value
    ]
    if identifiers:
        data["identifier"] = identifiers
    if organization.is_struck_off:
        data["dissolutionDate"] = organization.registry_status_since.isoformat()
    if organization.logo:
        data["logo"] = request.build_absolute_uri(organization.logo.url)
    areas = [area.name for area in organization.areas.all()]
    if areas:
        data["knowsAbout"] = areas
    return data


@require_safe
def opp_list(request):
    areas = list(Area.objects.all())
    form = OppFilterForm(request.GET, areas=areas)
    area = form.area()
    organizations = (
        Organization.objects.listed().public_benefit().filter_by(area=area).alphabetical().only("name", "slug", "krs")
    )
    page = Paginator(organizations, OPP_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "organizations/opp_list.html",
        {"form": form, "area": area, "page_obj": page, "organizations": page.object_list},
    )


def _share(count, total):
    """(whole percent for the bar, label for the table: "<1%" rather than a false "0%")."""
    percent = round(100 * count / total) if total else 0
    return percent, ("<1%" if count and not percent else f"{percent}%")


def _bars(rows, total):
    """Rows with their share of all organizations, largest first, for a table with bars."""
    rows = sorted(rows, key=lambda row: -row["count"])
    for row in rows:
        row["percent"], row["percent_label"] = _share(row["count"], total)
    return rows


@require_safe
def statistics(request):
    published = Organization.objects.listed()
    now = timezone.now()
    totals = published.aggregate(
        total=Count("pk"),
        opp=Count("pk", filter=Q(is_public_benefit=True)),
        # Freshness (organizations.freshness): confirmed within a year, and not for two.
        current=Count(
            "pk", filter=Q(confirmed_at__gte=freshness.confirmed_before(freshness.CONFIRM_AFTER_MONTHS, now))
        ),
        unconfirmed=Count(
            "pk", filter=Q(confirmed_at__lt=freshness.confirmed_before(freshness.STALE_AFTER_MONTHS, now))
        ),
    )
    total = totals["total"]
    legal_forms = dict(Organization.LegalForm.choices)
    by_form = [
        {"label": legal_forms.get(row["legal_form"], row["legal_form"]), "count": row["n"], "param": row["legal_form"]}
        for row in published.order_by().values("legal_form").annotate(n=Count("pk"))
    ]
    published_filter = Q(organizations__in=published)
    by_area = [
        {"label": area.name, "count": area.n, "param": area.slug}
        for area in Area.objects.annotate(n=Count("organizations", filter=published_filter))
    ]
    by_district = [
        {"label": district.name, "count": district.n, "param": district.slug}
        for district in District.objects.annotate(n=Count("organizations", filter=published_filter))
    ]
    without_district = total - sum(row["count"] for row in by_district)
    return render(
        request,
        "organizations/statistics.html",
        {
            "total": total,
            "opp": totals["opp"],
            "not_opp": total - totals["opp"],
            "opp_percent": round(100 * totals["opp"] / total) if total else 0,
            "by_form": _bars(by_form, total),
            "by_area": _bars(by_area, total),
            "by_district": _bars(by_district, total),
            "without_district": without_district,
            "without_district_percent": _share(without_district, total)[1],
            "freshness": _bars(
                [
                    {"label": _("potwierdzone w ciągu ostatnich 12 miesięcy"), "count": totals["current"]},
                    {
                        "label": _("niepotwierdzone od 12–24 miesięcy"),
                        "count": total - totals["current"] - totals["unconfirmed"],
                    },
                    {"label": _("niepotwierdzone od ponad 24 miesięcy"), "count": totals["unconfirmed"]},
                ],
                total,
            ),
            "current": totals["current"],
            "current_percent": _share(totals["current"], total)[1],
            "now": now,
        },
    )


def _export_rows(request):
    """The CSV/JSON rows: every published entry matching the filters, with
    its status in the register (organizations in liquidation or struck off
    included, so those who copy the registry learn of the change)."""
    _form, _query, organizations = _filtered(request, Organization.objects.published())
    base_url = request.build_absolute_uri("/").rstrip("/")
    return exports.export_rows(organizations, base_url=base_url)


def _export_filename(extension):
    return f"organizacje-{timezone.localdate().isoformat()}.{extension}"


@require_safe
def export_csv(request):
    response = StreamingHttpResponse(exports.csv_lines(_export_rows(request)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_export_filename("csv")}"'
    return response


@require_safe
def export_json(request):
    response = StreamingHttpResponse(
        exports.json_chunks(_export_rows(request), source_url=request.build_absolute_uri()),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{_export_filename("json")}"'
    return response


@require_safe
def export_hsds(request):
    """The registry as Open Referral HSDS (organizations.hsds), streamed: like
    the CSV/JSON exports, every published entry, removed ones with their status."""
    _form, _query, organizations = _filtered(request, Organization.objects.published())
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = StreamingHttpResponse(
        hsds.json_chunks(organizations, base_url=base_url), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{_export_filename("hsds.json")}"'
    return response
