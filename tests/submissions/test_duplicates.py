"""Two submissions of one KRS: neither blocks the other, nothing reveals a
pending entry, editors see the duplicate and publish only one."""

import pytest

from editorial.services import TransitionRefused, transition
from organizations.models import Organization
from submissions.models import Submission
from tests.organizations.factories import OrganizationFactory
from tests.submissions.helpers import organization_data

pytestmark = pytest.mark.django_db

KRS = "0000123456"


def send(client, **extra):
    return client.post("/zglos/organizacje/", organization_data(**extra))


def test_a_pending_organization_does_not_block_another_with_the_same_krs(client, site_settings):
    first = send(client)
    second = send(client, name="Fundacja Pomocy Seniorom")
    assert (first.status_code, second.status_code) == (302, 302)
    assert Organization.objects.filter(krs=KRS, status=Organization.Status.PENDING).count() == 2


def test_a_second_submission_of_a_pending_krs_looks_like_any_other(client, site_settings):
    send(client)
    response = send(client, name="Fundacja Pomocy Seniorom")
    thanks = client.get(response["Location"]).content.decode()
    assert ("KRS" in thanks, "w bazie" in thanks, Submission.objects.count()) == (False, False, 2)


def test_editors_see_the_pending_duplicate(client, site_settings, editor):
    send(client)
    send(client, name="Fundacja Pomocy Seniorom")
    first, second = Organization.objects.order_by("pk")
    client.force_login(editor)
    html = client.get(f"/admin/organizations/organization/{second.pk}/change/").content.decode()
    assert "możliwy duplikat" in html and f"/admin/organizations/organization/{first.pk}/change/" in html


def test_approving_a_duplicate_of_a_published_organization_is_refused_clearly(client, site_settings, editor):
    send(client)
    send(client, name="Fundacja Pomocy Seniorom")
    first, second = Submission.objects.order_by("pk")
    transition(first, "approve", actor=editor)
    with pytest.raises(TransitionRefused, match="o tym numerze KRS jest już w bazie"):
        transition(second, "approve", actor=editor)
    second.refresh_from_db()
    assert (second.status, second.organization.status) == ("pending", Organization.Status.PENDING)


def test_a_published_organizations_krs_is_pointed_out_to_the_sender(client, site_settings):
    OrganizationFactory(krs=KRS, name="Fundacja Już Opublikowana")
    response = send(client)
    assert (response.status_code, Submission.objects.count()) == (200, 0)
    assert "jest już w Bazie NGO: „Fundacja Już Opublikowana”" in response.content.decode()
