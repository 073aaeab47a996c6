"""Awarded grants as open data: 360Giving JSON and CSV, streamed.

Public grants only (those of public, resolved calls), read with `.values()`
over a server-side cursor and written as they come, like the registry's
export (`organizations.exports`, whose CSV writer and guards — BOM, `;`,
formula-injection prefix — and JSON streaming are used as they are).

360Giving (https://standard.threesixtygiving.org/): a package
`{"grants": [...]}`; every grant has the standard's required fields (id,
title, description, currency, amountAwarded, awardDate,
recipientOrganization[id, name], fundingOrganization[id, name]).
Organization identifiers follow org-id.guide: `PL-KRS-0000123456`, else
`PL-NIP-1234563218`; a recipient with neither gets an identifier under the
portal's own prefix. Grant identifiers are `<GRANTS_360G_PREFIX>-<id>`:
the prefix 360Giving assigns to a publisher, set once in the environment.
"""

from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from grants.models import Grant, GrantCall
from organizations import exports as registry_exports
from organizations.models import Organization
from pps_portal.text import slugify_pl

CHUNK_SIZE = 2000
# The licence's canonical URI, as the 360Giving package schema asks.
LICENSE_URI = "https://creativecommons.org/licenses/by/4.0/"

# (key, CSV header) in output order.
CSV_COLUMNS = [
    ("id", "identyfikator"),
    ("award_date", "data_przyznania"),
    ("recipient_name", "organizacja"),
    ("krs", "krs"),
    ("nip", "nip"),
    ("task", "zadanie"),
    ("amount", "kwota_zl"),
    ("call_title", "konkurs"),
    ("call_kind", "tryb"),
    ("area", "obszar"),
    ("funder", "grantodawca"),
    ("recipient_url", "adres_w_bazie_ngo"),
    ("call_url", "adres_konkursu"),
]


def grant_rows(*, base_url, now=None):
    """Dicts describing each public grant, newest award first, streamed."""
    kinds = dict(GrantCall.Kind.choices)
    public_slug = Organization.objects.published().filter(pk=OuterRef("organization_id")).values("slug")[:1]
    rows = (
        Grant.objects.public(now)
        .order_by("-awarded_on", "call_id", "position", "pk")
        .annotate(
            call_title=F("call__title"),
            call_slug=F("call__slug"),
            call_kind=F("call__kind"),
            area_name=F("call__area__name"),
            area_slug=F("call__area__slug"),
            funder_name=F("call__funder__name"),
            funder_department=F("call__funder__department"),
            funder_nip=F("call__funder__nip"),
            organization_name=F("organization__name"),
            organization_slug=Subquery(public_slug),
        )
        .values(
            "pk",
            "recipient_name",
            "krs",
            "nip",
            "task_title",
            "amount",
            "awarded_on",
            "updated_at",
            "call_title",
            "call_slug",
            "call_kind",
            "area_name",
            "area_slug",
            "funder_name",
            "funder_department",
            "funder_nip",
            "organization_name",
            "organization_slug",
        )
    )
    # Addresses from one reverse() each, not one per row (thousands of rows).
    organization_url = base_url + reverse("organizations:detail", args=["SLUG"]).replace("SLUG", "{}")
    call_url = base_url + reverse("grants:detail", args=["SLUG"]).replace("SLUG", "{}")
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        slug = row["organization_slug"]
        yield {
            **row,
            "id": grant_id(row["pk"]),
            "recipient_name": row["recipient_name"] or row["organization_name"] or "",
            "task": row["task_title"],
            "award_date": row["awarded_on"],
            "call_kind_label": str(kinds.get(row["call_kind"], row["call_kind"])),
            "area": row["area_name"],
            "funder": row["funder_name"],
            "recipient_url": organization_url.format(slug) if slug else "",
            "call_url": call_url.format(row["call_slug"]),
        }


def grant_id(pk):
    return f"{settings.GRANTS_360G_PREFIX}-{pk}"


def recipient_org_id(row):
    """org-id.guide form: PL-KRS-…, else PL-NIP-…, else the portal's own prefix and the name."""
    if row["krs"]:
        return f"PL-KRS-{row['krs']}"
    if row["nip"]:
        return f"PL-NIP-{row['nip']}"
    return f"{settings.GRANTS_360G_PREFIX}-org-{slugify_pl(row['recipient_name'], max_length=100) or row['pk']}"


def _number(amount):
    """A JSON number for an amount: an integer when whole, else a float with its two decimals."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def threesixtygiving(row):
    """One grant in the 360Giving schema."""
    recipient = {"id": recipient_org_id(row), "name": row["recipient_name"]}
    if row["recipient_url"]:
        recipient["url"] = row["recipient_url"]
    funder = {"id": f"PL-NIP-{row['funder_nip']}", "name": row["funder"]}
    if row["funder_department"]:
        funder["department"] = row["funder_department"]
    return {
        "id": row["id"],
        "title": row["task"],
        "description": f"{row['task']} — {row['call_kind_label']}: {row['call_title']} ({row['area']}).",
        "currency": "PLN",
        "amountAwarded": _number(row["amount"]),
        "awardDate": row["award_date"].isoformat(),
        "recipientOrganization": [recipient],
        "fundingOrganization": [funder],
        "grantProgramme": [{"code": row["call_slug"], "title": row["call_title"], "url": row["call_url"]}],
        "fromOpenCall": "Yes" if row["call_kind"] == GrantCall.Kind.OPEN_CALL else "No",
        "classifications": [
            {"vocabulary": "PPS Portal: obszar zadań publicznych", "code": row["area_slug"], "title": row["area"]}
        ],
        "url": f"{row['call_url']}#wyniki",
        "dateModified": row["updated_at"].isoformat(timespec="seconds"),
    }


def json_chunks(rows, *, source_url, publisher_name, publisher_url):
    """The 360Giving package as a stream of str chunks."""
    header = {
        "title": "Dotacje z budżetu miasta dla organizacji pozarządowych",
        "license": LICENSE_URI,
        "publisher": {"name": publisher_name, "website": publisher_url},
        "modified": timezone.now().isoformat(timespec="seconds"),
        "downloadURL": source_url,
    }
    yield from registry_exports.json_stream(header, "grants", (threesixtygiving(row) for row in rows))


def csv_lines(rows):
    """The grants as CSV, with the registry export's format and guards."""
    return registry_exports.csv_lines(({**row, "call_kind": row["call_kind_label"]} for row in rows), CSV_COLUMNS)
