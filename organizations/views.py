import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from organizations import exports
from organizations.forms import OppFilterForm, OrganizationFilterForm
from organizations.models import Area, District, Organization

PER_PAGE = 20
OPP_PER_PAGE = 50


def _filtered(request):
    """(form, queryset of published organizations matching the query string)."""
    areas = list(Area.objects.all())
    districts = list(District.objects.all())
    form = OrganizationFilterForm(request.GET, areas=areas, districts=districts)
    organizations = Organization.objects.published().filter_by(**form.filters())
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
    organization = get_object_or_404(
        Organization.objects.published().select_related("district").prefetch_related("areas"), slug=slug
    )
    return render(
        request,
        "organizations/organization_detail.html",
        {
            "organization": organization,
            "structured_data": _structured_data(request, organization),
            "phone_uri": re.sub(r"[^\d+]", "", organization.phone),
        },
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
        Organization.objects.published()
        .public_benefit()
        .filter_by(area=area)
        .alphabetical()
        .only("name", "slug", "krs")
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
    published = Organization.objects.published()
    totals = published.aggregate(total=Count("pk"), opp=Count("pk", filter=Q(is_public_benefit=True)))
    total = totals["total"]
    legal_forms = dict(Organization.LegalForm.choices)
    by_form = [
        {"label": legal_forms.get(row["legal_form"], row["legal_form"]), "count": row["n"], "param": row["legal_form"]}
        for row in published.order_by().values("legal_form").annotate(n=Count("pk"))
    ]
    published_filter = Q(organizations__status=Organization.Status.PUBLISHED)
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
            "now": timezone.now(),
        },
    )


def _export_rows(request):
    _form, _query, organizations = _filtered(request)
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
