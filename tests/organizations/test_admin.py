"""Editors moderate the registry in admin through the editorial core."""

import pytest

from editorial.models import HistoryEntry
from editorial.services import TransitionRefused, transition
from organizations.models import Organization
from tests.organizations.factories import OrganizationFactory, pending

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/organizations/organization/"


def test_publishing_sets_verified_and_leaves_a_history_entry(editor):
    organization = pending()
    published = transition(organization, "publish", actor=editor)
    entry = HistoryEntry.objects.for_object(organization).get(action="transition")
    assert (published.status, published.verified_at is not None) == ("published", True)
    assert (entry.actor, entry.from_state, entry.to_state) == (editor, "pending", "published")


def test_rejecting_keeps_the_record_with_its_reason(editor):
    organization = transition(OrganizationFactory(), "reject", actor=editor, reason="Nie działa w mieście.")
    assert (organization.status, organization.rejection_reason) == ("rejected", "Nie działa w mieście.")
    assert list(Organization.objects.published()) == []


def test_rejecting_requires_a_reason(editor):
    organization = OrganizationFactory()
    with pytest.raises(TransitionRefused, match="wymaga podania powodu"):
        transition(organization, "reject", actor=editor, reason="  ")
    organization.refresh_from_db()
    assert organization.status == "published"


def test_editor_publishes_in_bulk_from_the_changelist(editor_client):
    first, second = pending(), pending()
    selected = {"action": "transition_publish", "_selected_action": [first.pk, second.pk], "apply": "1"}
    response = editor_client.post(CHANGELIST, selected, follow=True)
    assert "Opublikowano 2 organizacje." in response.content.decode()
    assert Organization.objects.published().count() == 2


def test_editor_rejects_with_a_reason_on_an_intermediate_page(editor_client):
    organization = pending()
    selected = {"action": "transition_reject", "_selected_action": [organization.pk]}
    form = editor_client.post(CHANGELIST, selected)
    without_reason = editor_client.post(CHANGELIST, {**selected, "apply": "1", "reason": ""})
    editor_client.post(CHANGELIST, {**selected, "apply": "1", "reason": "Duplikat wpisu."})
    organization.refresh_from_db()
    assert "Powód odrzucenia" in form.content.decode() and "Podaj powód." in without_reason.content.decode()
    assert (organization.status, organization.rejection_reason) == ("rejected", "Duplikat wpisu.")


def test_publishing_a_duplicate_krs_is_refused_with_a_message(editor_client):
    OrganizationFactory(krs="0000012345")
    duplicate = OrganizationFactory(krs="0000012345", status="rejected", rejection_reason="Duplikat.")
    selected = {"action": "transition_publish", "_selected_action": [duplicate.pk], "apply": "1"}
    response = editor_client.post(CHANGELIST, selected, follow=True)
    assert "Opublikowana organizacja o tym numerze KRS jest już w bazie." in response.content.decode()
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


def test_krs_is_unique_among_published_records():
    from django.core.exceptions import ValidationError

    OrganizationFactory(krs="0000012345")
    Organization(name="Zgłoszona", slug="zgloszona", legal_form="inna", krs="12345", status="pending").full_clean()
    duplicate = Organization(name="Kopia", slug="kopia", legal_form="inna", krs="12345", status="published")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "Opublikowana organizacja o tym numerze KRS jest już w bazie." in str(excinfo.value)


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
