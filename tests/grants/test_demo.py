import pytest
from django.db.models import Count
from django.utils import timezone

from grants.demo import seed_grants
from grants.models import Grant, GrantCall
from grants.phases import Phase
from organizations.demo import seed_organizations
from organizations.identifiers import is_valid_nip

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    seed_organizations()
    return seed_grants()


def test_demo_has_calls_of_three_years_one_open_one_upcoming(demo):
    calls = list(GrantCall.objects.published().with_phase())
    years = {call.announced_on.year for call in calls}
    phases = [call.current_phase for call in calls]
    this_year = timezone.localdate().year
    assert years == {this_year - 2, this_year - 1, this_year}
    assert (phases.count(Phase.OPEN), phases.count(Phase.ANNOUNCED)) == (1, 1)
    assert {Phase.EVALUATION, Phase.CANCELLED, Phase.RESOLVED} <= set(phases)


def test_demo_results_link_registry_organizations_and_some_names_as_given(demo):
    grants = Grant.objects.public()
    assert grants.filter(organization__isnull=False).count() > 20
    assert grants.filter(organization__isnull=True, recipient_name="Stowarzyszenie Przyjaciół Parku Lisiniec").exists()


def test_demo_is_consistent_with_the_seed(demo):
    open_call = GrantCall.objects.published().in_phase(Phase.OPEN).get()
    picnic = GrantCall.objects.filter(kind=GrantCall.Kind.SMALL_GRANT).in_phase(Phase.RESOLVED).first()
    assert open_call.title.startswith("Wspieranie ekonomii społecznej")
    assert [d.title for d in open_call.documents.order_by("position")] == [
        f"Regulamin konkursu: {open_call.title}",
        "Wzór oferty realizacji zadania publicznego",
    ]
    assert picnic.grants.exists()
    assert all(grant.amount <= 10000 for grant in Grant.objects.filter(call__kind=GrantCall.Kind.SMALL_GRANT))
    assert is_valid_nip(open_call.funder.nip)


def test_demo_is_idempotent(demo):
    counts = (GrantCall.objects.count(), Grant.objects.count())
    seed_grants()
    assert (GrantCall.objects.count(), Grant.objects.count()) == counts


def test_scaled_demo_adds_past_calls_with_results(demo):
    before = GrantCall.objects.count()
    seed_grants(scale=3)
    added = GrantCall.objects.count() - before
    assert added == 2 * 3 * 6
    assert not GrantCall.objects.annotate(n=Count("grants")).filter(n=0, resolved_on__isnull=False).exists()
