"""Editors moderate the registry in admin; services do the writes."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group

from organizations import services
from organizations.models import Organization
from pps_portal.permissions import EDITOR_GROUP
from tests.organizations.factories import OrganizationFactory, pending

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/organizations/organization/"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="haslo-testowe-123", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_publish_service_publishes_sets_verified_and_logs(editor):
    organization = pending()
    services.publish_organization(organization=organization, moderator=editor)
    assert organization.status == Organization.Status.PUBLISHED
    assert organization.verified_at is not None
    assert LogEntry.objects.get(object_id=str(organization.pk)).change_message == "Opublikowano."


def test_reject_service_keeps_record_with_reason(editor):
    organization = OrganizationFactory()
    services.reject_organization(organization=organization, reason="Nie działa w mieście.", moderator=editor)
    assert (organization.status, organization.rejection_reason) == ("rejected", "Nie działa w mieście.")
    assert list(Organization.objects.published()) == []


def test_reject_service_requires_a_reason():
    with pytest.raises(ValueError):
        services.reject_organization(organization=OrganizationFactory(), reason="  ")


def test_editor_publishes_in_bulk_from_the_changelist(editor_client):
    first, second = pending(), pending()
    response = editor_client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [first.pk, second.pk]}, follow=True
    )
    assert "Opublikowano 2 organizacje." in response.content.decode()
    assert Organization.objects.published().count() == 2


def test_editor_rejects_with_a_reason_on_an_intermediate_page(editor_client):
    organization = pending()
    form = editor_client.post(CHANGELIST, {"action": "reject", "_selected_action": [organization.pk]})
    assert "Powód odrzucenia" in form.content.decode()
    editor_client.post(
        CHANGELIST, {"action": "reject", "_selected_action": [organization.pk], "reason": "Duplikat wpisu."}
    )
    organization.refresh_from_db()
    assert (organization.status, organization.rejection_reason) == ("rejected", "Duplikat wpisu.")


def test_publishing_a_duplicate_krs_is_refused_with_a_message(editor_client):
    OrganizationFactory(krs="0000012345")
    duplicate = OrganizationFactory(krs="0000012345", status="rejected", rejection_reason="Duplikat.")
    response = editor_client.post(CHANGELIST, {"action": "publish", "_selected_action": [duplicate.pk]}, follow=True)
    assert "ten sam numer KRS" in response.content.decode()
    duplicate.refresh_from_db()
    assert duplicate.status == "rejected"


def test_change_form_warns_about_same_nip(editor_client):
    OrganizationFactory(name="Pierwsza", krs="", nip="1234563218")
    second = OrganizationFactory(name="Druga", krs="", nip="123-456-32-18")
    response = editor_client.get(f"{CHANGELIST}{second.pk}/change/")
    assert "Inny rekord ma ten sam numer KRS, NIP lub REGON" in response.content.decode()
    assert "Pierwsza" in response.content.decode()


@pytest.mark.parametrize("typed", ["123-456-32-18", "PL1234563218", "Szukana"])
def test_admin_search_by_name_or_typed_identifier(editor_client, typed):
    found = OrganizationFactory(name="Szukana", nip="1234563218")
    OrganizationFactory(name="Inna", nip="5260250995")
    response = editor_client.get(CHANGELIST, {"q": typed})
    assert list(response.context["cl"].result_list) == [found]


def test_krs_is_unique_among_live_records():
    from django.core.exceptions import ValidationError

    OrganizationFactory(krs="0000012345")
    duplicate = Organization(name="Kopia", slug="kopia", legal_form="inna", krs="12345")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "Organizacja o tym numerze KRS jest już w bazie." in str(excinfo.value)


def test_opp_needs_a_krs_number():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        OrganizationFactory(krs="", is_public_benefit=True)


def test_editor_can_add_an_organization(editor_client):
    response = editor_client.post(
        "/admin/organizations/organization/add/",
        {
            "name": "Nowa Fundacja",
            "slug": "nowa-fundacja",
            "legal_form": "fundacja",
            "status": "pending",
            "krs": "54321",
            "nip": "PL 123-456-32-18",
            "regon": "",
            "city": "Częstochowa",
            "postal_code": "42-217",
            "website": "example.org",
        },
    )
    assert response.status_code == 302
    organization = Organization.objects.get(slug="nowa-fundacja")
    assert (organization.krs, organization.nip, organization.website) == (
        "0000054321",
        "1234563218",
        "https://example.org",
    )
