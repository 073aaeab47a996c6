"""Editors decide on changes organizations proposed: the diff, approve (all or some fields), reject."""

import pytest
from django.core import mail
from django.urls import reverse

from editorial import services as editorial_services
from editorial import versions
from editorial.models import HistoryEntry
from organizations import services
from organizations.models import Organization, OrganizationChange
from tests.factories import UserFactory
from tests.organizations.factories import AreaFactory, DistrictFactory, OrganizationFactory, proposed_change

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(site_settings, settings):
    settings.SITE_URL = "https://pps.example.pl"


@pytest.fixture
def organization():
    return OrganizationFactory(
        name="Stowarzyszenie Sąsiedzi",
        phone="34 360 11 11",
        email="biuro@sasiedzi.example.org",
        description="Organizujemy pikniki.",
        website="https://sasiedzi.example.org/",
    )


@pytest.fixture
def change(organization):
    return proposed_change(
        organization,
        phone="34 370 22 22",
        email="kontakt@sasiedzi.example.org",
        description="Organizujemy pikniki i festyny sąsiedzkie.",
        message="Nowy zarząd.",
    )


def change_url(change, view="change", *args):
    return reverse(f"admin:organizations_organizationchange_{view}", args=[change.pk, *args])


# -- the service ---------------------------------------------------------------------


def test_approving_applies_exactly_the_changed_fields(editor, organization, change):
    # An editor corrected the website after the organization sent its change:
    # the change does not touch the website, so the correction stays.
    Organization.objects.filter(pk=organization.pk).update(website="https://nowa.example.org/")
    editorial_services.transition(change, "approve", actor=editor)
    organization.refresh_from_db()
    assert (organization.phone, organization.email, organization.description, organization.website) == (
        "34 370 22 22",
        "kontakt@sasiedzi.example.org",
        "Organizujemy pikniki i festyny sąsiedzkie.",
        "https://nowa.example.org/",
    )
    assert OrganizationChange.objects.get().applied_fields == ["phone", "email", "description"]


def test_approving_keeps_a_version_and_a_history_entry_of_the_entry(editor, organization, change):
    editorial_services.transition(change, "approve", actor=editor)
    entry = HistoryEntry.objects.for_object(organization).filter(action="edited").get()
    older, newer = versions.versions_for(organization)
    changed = {f.field.name for f in versions.compare(older, newer) if f.changed}
    assert (entry.actor, entry.version_id) == (editor, newer.pk)
    assert changed == {"phone", "email", "description"}


def test_approving_some_fields_applies_only_those_and_tells_the_organization(
    editor, organization, change, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_change(
            change=change, fields=["phone"], actor=editor, reply="Adres e-mail potwierdźcie w KRS."
        )
    organization.refresh_from_db()
    outcome = mail.outbox[-1]
    assert (organization.phone, organization.email) == ("34 370 22 22", "biuro@sasiedzi.example.org")
    assert outcome.to == ["biuro@sasiedzi.example.org"]
    accepted, skipped = outcome.body.split("Nieprzyjęte zmiany:")
    assert "- telefon" in accepted and "- e-mail" in skipped and "- opis działalności" in skipped
    assert "Adres e-mail potwierdźcie w KRS." in outcome.body


def test_approving_no_field_is_refused(editor, change):
    with pytest.raises(editorial_services.TransitionRefused, match="Zaznacz co najmniej jedną zmianę"):
        services.approve_change(change=change, fields=[], actor=editor)
    assert OrganizationChange.objects.get().status == "pending"


def test_approving_a_change_that_breaks_a_rule_is_refused_and_changes_nothing(editor, organization):
    OrganizationFactory(krs="0000777777")
    change = proposed_change(organization, krs="0000777777", phone="34 999 99 99")
    with pytest.raises(editorial_services.TransitionRefused, match="KRS"):
        editorial_services.transition(change, "approve", actor=editor)
    organization.refresh_from_db()
    assert (organization.phone, OrganizationChange.objects.get(pk=change.pk).status) == ("34 360 11 11", "pending")


def test_areas_and_district_are_applied(editor, organization):
    district, area = DistrictFactory(), AreaFactory()
    change = proposed_change(organization, district=district.pk, areas=[area.pk])
    editorial_services.transition(change, "approve", actor=editor)
    organization.refresh_from_db()
    assert (organization.district, list(organization.areas.all())) == (district, [area])


def test_rejecting_needs_a_reason_and_tells_the_organization(
    editor, organization, change, django_capture_on_commit_callbacks
):
    with pytest.raises(editorial_services.TransitionRefused, match="wymaga podania powodu"):
        editorial_services.transition(change, "reject", actor=editor, reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        editorial_services.transition(change, "reject", actor=editor, reason="Telefon nie odpowiada.")
    organization.refresh_from_db()
    assert organization.phone == "34 360 11 11"
    assert mail.outbox[-1].to == ["biuro@sasiedzi.example.org"]
    assert "Telefon nie odpowiada." in mail.outbox[-1].body and "Zmian nie wprowadziliśmy" in mail.outbox[-1].body


def test_a_reply_to_the_outcome_reaches_the_editors(editor, change, site_settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        editorial_services.transition(change, "reject", actor=editor, reason="Proszę o dokument z KRS.")
    assert mail.outbox[-1].reply_to == [site_settings.editors_email]


def test_a_failed_outcome_mail_is_sent_by_the_retry_command(
    editor, change, settings, django_capture_on_commit_callbacks
):
    import io

    from django.core.management import call_command

    settings.EMAIL_BACKEND = "tests.submissions.helpers.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        editorial_services.transition(change, "reject", actor=editor, reason="Brak zgody zarządu.")
    assert list(OrganizationChange.objects.outcome_due()) == [change]
    assert HistoryEntry.objects.for_object(change).filter(action="notify_failed").count() == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_submission_notifications", stdout=io.StringIO())
    assert list(OrganizationChange.objects.outcome_due()) == []
    assert "Brak zgody zarządu." in mail.outbox[-1].body


# -- admin ------------------------------------------------------------------------------


def test_change_page_shows_the_diff_old_to_new_field_by_field(editor_client, change):
    html = editor_client.get(change_url(change)).content.decode()
    assert "34 360 11 11" in html and "34 370 22 22" in html
    assert "<del>pikniki.</del> <ins>pikniki i festyny sąsiedzkie.</ins>" in html
    assert "Nowy zarząd." in html
    assert change_url(change, "transition", "approve") in html and change_url(change, "transition", "reject") in html


def test_change_page_warns_when_the_entry_changed_after_the_change_was_sent(editor_client, organization, change):
    Organization.objects.filter(pk=organization.pk).update(phone="34 555 55 55")
    html = editor_client.get(change_url(change)).content.decode()
    assert "ktoś zmienił to pole w bazie (było: 34 360 11 11)" in html


def test_editor_approves_some_fields_by_unticking_the_others(editor_client, organization, change):
    page = editor_client.get(change_url(change, "transition", "approve"))
    assert page.content.decode().count('name="fields"') == 3
    response = editor_client.post(
        change_url(change, "transition", "approve"), {"fields": ["phone", "description"], "reason": ""}
    )
    organization.refresh_from_db()
    assert response.status_code == 302
    assert (organization.phone, organization.email) == ("34 370 22 22", "biuro@sasiedzi.example.org")
    assert organization.description == "Organizujemy pikniki i festyny sąsiedzkie."


def test_a_refused_approval_shows_the_page_again_with_the_reason(editor_client, organization):
    OrganizationFactory(krs="0000777777")
    change = proposed_change(organization, krs="0000777777", phone="34 999 99 99")
    response = editor_client.post(change_url(change, "transition", "approve"), {"fields": ["krs", "phone"]})
    assert response.status_code == 200 and "KRS" in response.content.decode()
    fixed = editor_client.post(change_url(change, "transition", "approve"), {"fields": ["phone"]})
    organization.refresh_from_db()
    assert (fixed.status_code, organization.phone, organization.krs) == (302, "34 999 99 99", organization.krs)


def test_editor_rejects_with_a_reason_through_the_cores_page(editor_client, organization, change):
    editor_client.post(change_url(change, "transition", "reject"), {"reason": "Proszę o dokument z KRS."})
    change.refresh_from_db()
    assert (change.status, change.reply) == ("rejected", "Proszę o dokument z KRS.")


def test_bulk_approve_from_the_list(editor_client, change):
    other = proposed_change(OrganizationFactory(phone="1"), phone="2")
    response = editor_client.post(
        reverse("admin:organizations_organizationchange_changelist"),
        {"action": "transition_approve", "_selected_action": [change.pk, other.pk], "apply": "1"},
    )
    assert response.status_code == 302
    assert set(OrganizationChange.objects.values_list("status", flat=True)) == {"approved"}


def test_the_moderation_queue_points_to_waiting_changes(editor_client, change):
    response = editor_client.get(reverse("admin:submissions_pendingsubmission_changelist"), follow=True)
    html = response.content.decode()
    assert "Czeka też 1 zmiana danych zgłoszona przez organizację." in html
    assert reverse("admin:organizations_organizationchange_changelist") + "?status__exact=pending" in html


def test_the_organizations_admin_page_lists_its_waiting_changes(editor_client, organization, change):
    html = editor_client.get(reverse("admin:organizations_organization_change", args=[organization.pk])).content
    assert change_url(change).encode() in html


def test_nobody_adds_or_edits_a_change_in_admin(editor_client, change):
    add = editor_client.get(reverse("admin:organizations_organizationchange_add"))
    edit = editor_client.post(change_url(change), {"reply": "x"})
    assert (add.status_code, edit.status_code) == (403, 403)


def test_reviewer_decides_on_changes(client, reviewer_group, change):
    reviewer = UserFactory(username="moderatorka", is_staff=True)
    reviewer.groups.add(reviewer_group)
    client.force_login(reviewer)
    client.post(change_url(change, "transition", "approve"), {"fields": ["phone"]})
    assert OrganizationChange.objects.get().status == "approved"


def test_staff_without_the_permission_cannot_decide(client, change):
    outsider = UserFactory(username="stazysta", is_staff=True)
    client.force_login(outsider)
    assert client.post(change_url(change, "transition", "approve"), {"fields": ["phone"]}).status_code == 403
    assert OrganizationChange.objects.get().status == "pending"


# -- the public page ------------------------------------------------------------------------


def test_the_page_says_a_change_is_under_review(client, change):
    html = client.get(change.organization.get_absolute_url()).content.decode()
    assert "zmianę swoich danych; redakcja ją sprawdza" in html
    assert "34 370 22 22" not in html  # nothing public before approval


@pytest.mark.parametrize("waiting", [0, 1, 3], ids=["no-change", "one-change", "three-changes"])
def test_organization_page_queries_do_not_grow_with_pending_changes(
    client, django_assert_num_queries, organization, waiting
):
    for n in range(waiting):
        proposed_change(organization, phone=f"34 370 00 0{n}")
    # Shared by every page: site settings (1), the mini calendar (1), banners (1);
    # the organization with its district and the oldest waiting change (1), its
    # areas (1), its upcoming events (1), its grants (1).
    with django_assert_num_queries(3 + 4):
        response = client.get(organization.get_absolute_url())
    assert ("redakcja ją sprawdza" in response.content.decode()) == bool(waiting)
