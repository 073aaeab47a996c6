"""Open-data export of the published registry, streamed.

Rows are read with `.values()` over a server-side cursor
(`.iterator(chunk_size=…)`) and written as they come, so memory stays flat
however many organizations there are.

CSV: UTF-8 with a byte-order mark and `;` as the delimiter, CRLF line ends —
what Excel in Polish locale opens correctly, Polish letters included (a comma
is the decimal separator there, so Excel expects semicolons). A cell that
would start with = + - @ (a formula to a spreadsheet, e.g. a phone number
"+48 …") is prefixed with an apostrophe, the usual CSV-injection guard.
"""

import csv
import json
from decimal import Decimal

from django.contrib.postgres.aggregates import JSONBAgg
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import F, JSONField, Q, Value
from django.db.models.functions import JSONObject

from organizations.models import Organization

CHUNK_SIZE = 2000
LICENSE_NAME = "Creative Commons Uznanie autorstwa 4.0 (CC BY 4.0)"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.pl"

# (key, CSV header) in output order: public fields only.
COLUMNS = [
    ("name", "nazwa"),
    ("legal_form", "forma_prawna"),
    ("krs", "krs"),
    ("nip", "nip"),
    ("regon", "regon"),
    ("is_public_benefit", "opp"),
    ("areas", "obszary_dzialalnosci"),
    ("district", "dzielnica"),
    ("street_address", "adres"),
    ("postal_code", "kod_pocztowy"),
    ("city", "miejscowosc"),
    ("phone", "telefon"),
    ("email", "email"),
    ("website", "strona_www"),
    ("description", "opis"),
    ("registry_status", "status_w_rejestrze"),
    ("registry_status_since", "status_od_dnia"),
    ("verified_at", "zweryfikowano"),
    ("confirmed_at", "dane_potwierdzone"),
    ("updated_at", "zaktualizowano"),
    ("url", "adres_w_serwisie"),
]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
AREA_SEPARATOR = " | "


def public_values(queryset):
    """The public fields of each organization of `queryset` as plain values
    (its district's name, its areas as {id, slug, name} in Polish order),
    read over a server-side cursor: shared by every export."""
    rows = (
        queryset.order_by("name", "pk")
        .annotate(
            district_name=F("district__name"),
            area_list=JSONBAgg(
                JSONObject(id="areas__pk", slug="areas__slug", name="areas__name"),
                filter=Q(areas__isnull=False),
                order_by="areas__name",
                default=Value([], output_field=JSONField()),
            ),
        )
        .values(
            "pk",
            "slug",
            "name",
            "legal_form",
            "krs",
            "nip",
            "regon",
            "is_public_benefit",
            "area_list",
            "district_name",
            "street_address",
            "postal_code",
            "city",
            "phone",
            "email",
            "website",
            "description",
            "logo",
            "registry_status",
            "registry_status_since",
            "verified_at",
            "confirmed_at",
            "updated_at",
        )
    )
    return rows.iterator(chunk_size=CHUNK_SIZE)


def export_rows(queryset, *, base_url):
    """Dicts of public fields for the given (already public) queryset, streamed."""
    legal_forms = dict(Organization.LegalForm.choices)
    registry_statuses = dict(Organization.RegistryStatus.choices)
    for row in public_values(queryset):
        yield {
            "name": row["name"],
            "legal_form": str(legal_forms.get(row["legal_form"], row["legal_form"])),
            "krs": row["krs"],
            "nip": row["nip"],
            "regon": row["regon"],
            "is_public_benefit": row["is_public_benefit"],
            "areas": [area["name"] for area in row["area_list"]],  # Polish order, from the collation
            "district": row["district_name"] or "",
            "street_address": row["street_address"],
            "postal_code": row["postal_code"],
            "city": row["city"],
            "phone": row["phone"],
            "email": row["email"],
            "website": row["website"],
            "description": row["description"],
            "registry_status": str(registry_statuses[row["registry_status"]]),
            "registry_status_since": row["registry_status_since"],
            "verified_at": row["verified_at"],
            "confirmed_at": row["confirmed_at"],
            "updated_at": row["updated_at"],
            "url": f"{base_url}/organizacje/{row['slug']}/",
        }


class _Echo:
    """A file-like object csv.writer can write to; returns the line instead."""

    def write(self, value):
        return value


def _csv_cell(value):
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, Decimal):
        # A decimal comma, no thousands separator: a number to Polish Excel.
        return format(value, "f").replace(".", ",")
    if isinstance(value, list):
        value = AREA_SEPARATOR.join(value)
    elif value is None:
        return ""
    elif not isinstance(value, str):
        value = value.isoformat()
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_lines(rows, columns=COLUMNS):
    """The CSV file as a stream of str chunks (BOM first); `columns` are (key, header) pairs."""
    writer = csv.writer(_Echo(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow([header for _key, header in columns])
    for row in rows:
        yield writer.writerow([_csv_cell(row[key]) for key, _header in columns])


def json_stream(header, key, items):
    """The JSON object `header` with one more member, `key`: [items…], as a
    stream of str chunks (valid once complete): the items are written as
    they come, so a long list never sits in memory."""
    opening = json.dumps(header, ensure_ascii=False, cls=DjangoJSONEncoder)
    yield (opening[:-1] + ", " if header else "{") + json.dumps(key) + ": ["
    separator = ""
    for item in items:
        yield separator + json.dumps(item, ensure_ascii=False, cls=DjangoJSONEncoder)
        separator = ","
    yield "]}"


def json_chunks(rows, *, source_url):
    """The registry as a JSON document: source, licence, organizations."""
    header = {
        "source": source_url,
        "license": {"name": LICENSE_NAME, "url": LICENSE_URL},
    }
    yield from json_stream(header, "organizations", rows)
