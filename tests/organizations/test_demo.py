import pytest
from django.db.models import Count

from organizations.demo import seed_organizations
from organizations.identifiers import is_valid_krs, is_valid_nip, is_valid_regon
from organizations.models import Organization

pytestmark = pytest.mark.django_db


def test_seed_creates_named_and_generated_organizations_once():
    seed_organizations()
    count = Organization.objects.count()
    assert 200 <= count <= 220
    assert Organization.objects.filter(name="Fundacja Oczami Brata", is_public_benefit=True).exists()
    assert Organization.objects.filter(name__startswith="Spółdzielnia Socjalna „Jasne, że").count() == 5
    seed_organizations()
    assert Organization.objects.count() == count


def test_seed_identifiers_pass_their_checksums():
    seed_organizations()
    for krs, nip, regon in Organization.objects.values_list("krs", "nip", "regon"):
        assert not krs or is_valid_krs(krs)
        assert not nip or is_valid_nip(nip)
        assert not regon or is_valid_regon(regon)


def test_seed_keeps_the_seed_page_proportions():
    seed_organizations()
    counts = dict(Organization.objects.values_list("legal_form").annotate(n=Count("pk")))
    assert counts["fundacja"] > counts["uks"] > counts["klub-sportowy"] > counts["stowarzyszenie"] > counts["osp"]
    assert 15 <= Organization.objects.filter(is_public_benefit=True).count() <= 25


def test_seed_is_deterministic():
    seed_organizations()
    first = list(Organization.objects.order_by("slug").values_list("slug", "krs", "nip", "regon", "district__slug"))
    Organization.objects.all().delete()
    seed_organizations()
    second = list(Organization.objects.order_by("slug").values_list("slug", "krs", "nip", "regon", "district__slug"))
    assert first == second


def test_seed_scale_multiplies_generated_organizations():
    seed_organizations(scale=1)
    one = Organization.objects.count()
    seed_organizations(scale=3)
    assert Organization.objects.count() == one + 2 * 200


def test_seed_recreates_missing_districts_and_areas():
    from organizations.models import Area, District

    Organization.objects.all().delete()
    District.objects.all().delete()
    Area.objects.all().delete()
    seed_organizations()
    assert (District.objects.count(), Area.objects.count()) == (20, 14)
    assert Organization.objects.filter(district__isnull=False).exists()


def test_seed_leaves_one_proposed_change_waiting_and_the_entry_untouched():
    from organizations.models import OrganizationChange

    seed_organizations()
    seed_organizations()
    change = OrganizationChange.objects.get()
    assert (change.status, change.changed_fields) == ("pending", ["street_address", "phone"])
    assert change.organization.phone != "+48 34 360 12 34"
