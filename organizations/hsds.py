"""The registry as Open Referral HSDS 3 (Human Services Data Specification).

`/organizacje/eksport-hsds.json`: one page of the HSDS API's paginated
organization list (`total_items`, `total_pages`, …, `contents`), every
record a nested `organization` with

* `id`: a UUID derived from the entry (uuid5: stable across exports and
  servers, see `stable_id`), `name`, `description`, `email`, `website`,
  `legal_status` (the legal form), `logo`, `uri` (the entry's page);
* `organization_identifiers`: KRS, NIP and REGON with the org-id.guide
  schemes `PL-KRS`, `PL-NIP`, `PL-REGON` (so PL-KRS-0000123456 in org-id
  form: `identifier_scheme` + "-" + `identifier`);
* `phones`, and `locations` with the seat's `addresses` (`address_type`
  "physical", country "PL");
* `attributes`: the areas of activity as terms of the registry's own
  taxonomy; the OPP status, and a removal from the register ("w likwidacji",
  "wykreślona z KRS", with its date as the attribute's `value`), as terms
  of a second one.

Every published entry, like the CSV/JSON exports: an organization in
liquidation or struck off stays in the export with its status, so that a
directory copied from it learns of the removal (a record that silently
disappeared would live on in every copy). HSDS 3 has no status field for
an organization; an attribute is its way of saying more about a record.

Streamed like the other exports (`exports.public_values`, a server-side
cursor): after the count, each record is written as it is read.
"""

import json
import uuid

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder

from organizations.exports import LICENSE_NAME, LICENSE_URL, public_values
from organizations.models import Organization

HSDS_VERSION = "3.0"
AREA_TAXONOMY = "Baza NGO: obszary działalności"
STATUS_TAXONOMY = "Baza NGO: status organizacji"
# org-id.guide schemes of the Polish registers.
SCHEMES = [
    ("krs", "PL-KRS", "Krajowy Rejestr Sądowy (KRS)"),
    ("nip", "PL-NIP", "Numer Identyfikacji Podatkowej (NIP)"),
    ("regon", "PL-REGON", "Rejestr REGON"),
]


def stable_id(*parts):
    """A UUID for one record of the export that never changes: uuid5 in a
    namespace of the site's fixed domain (ICAL_UID_DOMAIN, set once per
    deployment), never the request's host."""
    namespace = uuid.uuid5(uuid.NAMESPACE_DNS, settings.ICAL_UID_DOMAIN)
    return str(uuid.uuid5(namespace, "/".join(str(part) for part in parts)))


def _term(kind, code, name, taxonomy):
    term_id = stable_id(kind, code)
    return term_id, {
        "id": term_id,
        "code": code,
        "name": name,
        "description": name,
        "taxonomy": taxonomy,
        "language": "pl",
    }


def _attribute(organization_id, kind, code, name, taxonomy):
    term_id, term = _term(kind, code, name, taxonomy)
    return {
        "id": stable_id("attribute", organization_id, kind, code),
        "link_id": organization_id,
        "link_type": kind,
        "link_entity": "organization",
        "taxonomy_term_id": term_id,
        "taxonomy_term": term,
    }


def _absolute(url, base_url):
    return f"{base_url}{url}" if url.startswith("/") else url


def record(row, *, base_url):
    """One HSDS organization from one row of `exports.public_values`."""
    pk = row["pk"]
    org_id = stable_id("organization", pk)
    legal_forms = dict(Organization.LegalForm.choices)
    registry_statuses = dict(Organization.RegistryStatus.choices)
    record = {
        "id": org_id,
        "name": row["name"],
        "description": row["description"],
        "email": row["email"] or None,
        "website": row["website"] or None,
        "legal_status": str(legal_forms.get(row["legal_form"], row["legal_form"])),
        "logo": _absolute(default_storage.url(row["logo"]), base_url) if row["logo"] else None,
        "uri": f"{base_url}/organizacje/{row['slug']}/",
        "organization_identifiers": [
            {
                "id": stable_id("identifier", pk, scheme),
                "organization_id": org_id,
                "identifier_scheme": scheme,
                "identifier_type": label,
                "identifier": row[field],
            }
            for field, scheme, label in SCHEMES
            if row[field]
        ],
        "phones": [],
        "locations": [],
        "attributes": [
            _attribute(org_id, "area_of_activity", area["slug"], area["name"], AREA_TAXONOMY)
            for area in row["area_list"]
        ],
    }
    if row["phone"]:
        record["phones"].append(
            {"id": stable_id("phone", pk), "organization_id": org_id, "number": row["phone"], "type": "voice"}
        )
    if row["is_public_benefit"]:
        record["attributes"].append(
            _attribute(org_id, "status", "opp", "organizacja pożytku publicznego (OPP)", STATUS_TAXONOMY)
        )
    if row["registry_status"] != Organization.RegistryStatus.ACTIVE:
        removal = _attribute(
            org_id, "status", row["registry_status"], str(registry_statuses[row["registry_status"]]), STATUS_TAXONOMY
        )
        removal["value"] = row["registry_status_since"].isoformat()
        record["attributes"].append(removal)
    if row["street_address"]:
        location_id = stable_id("location", pk)
        record["locations"].append(
            {
                "id": location_id,
                "organization_id": org_id,
                "location_type": "physical",
                "name": row["name"],
                "addresses": [
                    {
                        "id": stable_id("address", pk),
                        "location_id": location_id,
                        "address_1": row["street_address"],
                        "city": row["city"],
                        # Polish addresses name no region; the field is required.
                        "state_province": "",
                        "postal_code": row["postal_code"],
                        "country": "PL",
                        "address_type": "physical",
                    }
                ],
            }
        )
    return record


def json_chunks(queryset, *, base_url):
    """The HSDS document as a stream of str chunks, valid once complete."""
    total = queryset.count()
    header = {
        "total_items": total,
        "total_pages": 1,
        "page_number": 1,
        "size": total,
        "first_page": True,
        "last_page": True,
        "empty": total == 0,
        "hsds_version": HSDS_VERSION,
        "license": {"name": LICENSE_NAME, "url": LICENSE_URL},
    }
    yield json.dumps(header, ensure_ascii=False)[:-1] + ', "contents": ['
    separator = ""
    for row in public_values(queryset):
        yield separator + json.dumps(record(row, base_url=base_url), ensure_ascii=False, cls=DjangoJSONEncoder)
        separator = ","
    yield "]}"
