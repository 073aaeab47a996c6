"""The grants blocks other pages show: the home page's open calls, an
organization's grants, the registry statistics' totals; and "zostało N dni"."""

from itertools import groupby

from django import template
from django.db.models import Count, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf

from grants import phases
from grants.models import Grant, GrantCall
from pps_portal.languages import localized_names

register = template.Library()

HOME_LIMIT = 5
# The statistics' table by area shows this many latest years as columns.
STATISTICS_YEARS = 3
# One recipient, however its rows name it: by KRS, else NIP, else the name as given.
RECIPIENT = Coalesce(NullIf("krs", Value("")), NullIf("nip", Value("")), "recipient_name")


@register.filter
def days_left_label(days):
    """ "został 1 dzień", "zostały 2 dni", "zostało 5 dni"… (`grants.phases.days_left_label`)."""
    return "" if days is None else phases.days_left_label(days)


@register.inclusion_tag("grants/_home.html")
def open_calls(limit=HOME_LIMIT):
    """The home page block: calls taking applications now, nearest deadline first (one query)."""
    calls = list(GrantCall.objects.open_now().defer("description")[: limit + 1])
    return {"calls": calls[:limit], "has_more": len(calls) > limit}


@register.inclusion_tag("grants/_organization.html")
def organization_grants(organization):
    """ "Dotacje z budżetu miasta": the organization's public grants by year, with totals (one query)."""
    grants = list(
        Grant.objects.public()
        .of_organization(organization)
        .select_related("call")
        # Every language's title (a Grant query does not expand translated fields by itself).
        .only(
            "task_title", "amount", "awarded_on", *(f"call__{name}" for name in localized_names("title")), "call__slug"
        )
        .order_by("-awarded_on", "-pk")
    )
    years = [
        {"year": year, "grants": items, "total": sum(g.amount for g in items)}
        for year, items in ((year, list(items)) for year, items in groupby(grants, key=lambda g: g.awarded_on.year))
    ]
    return {"years": years, "total": sum(g.amount for g in grants), "count": len(grants)}


@register.inclusion_tag("grants/_statistics.html")
def grants_statistics():
    """Total awarded per year and per area (two aggregate queries)."""
    public = Grant.objects.public().order_by()
    by_year = list(
        public.annotate(year=ExtractYear("awarded_on"))
        .values("year")
        .annotate(total=Sum("amount"), grants=Count("pk"), organizations=Count(RECIPIENT, distinct=True))
        .order_by("-year")
    )
    cells = (
        public.annotate(year=ExtractYear("awarded_on"))
        .values("call__area__name", "call__area__slug", "year")
        .annotate(total=Sum("amount"))
        .order_by("call__area__name")
    )
    years = [row["year"] for row in by_year[:STATISTICS_YEARS]]
    areas = {}
    for cell in cells:
        area = areas.setdefault(
            cell["call__area__slug"],
            {"name": cell["call__area__name"], "slug": cell["call__area__slug"], "by_year": {}, "total": 0},
        )
        area["by_year"][cell["year"]] = cell["total"]
        area["total"] += cell["total"]
    by_area = sorted(areas.values(), key=lambda area: -area["total"])
    for area in by_area:
        area["columns"] = [area["by_year"].get(year) for year in years]
    # Names apart from the statistics page's own ("by_area"…): one template context.
    return {
        "grants_by_year": by_year,
        "grants_by_area": by_area,
        "grant_years": years,
        "grants_total": sum(row["total"] for row in by_year),
        "grants_count": sum(row["grants"] for row in by_year),
    }
