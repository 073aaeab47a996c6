"""Approve, reject, handle; the draft from a news submission; retention; who may moderate."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from calendar_app.models import Event
from editorial.models import HistoryEntry
from editorial.services import TransitionRefused, transition
from news.models import News
from organizations.models import Organization
from submissions.models import Submission
from tests.discovery import parse_page
from tests.factories import UserFactory
from tests.submissions.helpers import contact_data, error_data, event_data, jpeg_upload, news_data, organization_data

pytestmark = pytest.mark.django_db


def submit(client, url, data):
    client.post(url, data)
    return Submission.objects.latest("pk")


def test_approving_an_organization_publishes_it(client, site_settings, editor):
    submission = submit(client, "/zglos/organizacje/", organization_data())
    transition(submission, "approve", actor=editor)
    submission.refresh_from_db()
    assert (submission.status, submission.organization.status) == ("approved", Organization.Status.PUBLISHED)
    assert "Fundacja Testowa Pomocy" in client.get("/organizacje/").content.decode()


def test_approving_an_event_publishes_it(client, site_settings, editor):
    submission = submit(client, "/zglos/wydarzenie/", event_data())
    transition(submission, "approve", actor=editor)
    event = Event.objects.get()
    assert event.status == Event.Status.PUBLISHED
    assert client.get(event.get_absolute_url()).status_code == 200


def test_news_submission_becomes_a_prefilled_draft(client, site_settings, editor):
    submission = submit(client, "/zglos/news/", {**news_data(), "image": jpeg_upload(), "image_alt": "Piknik"})
    transition(submission, "approve", actor=editor)
    news = News.objects.get()
    assert (news.title, news.status, news.author, news.image_alt) == (
        "Piknik sąsiedzki na Tysiącleciu",
        News.Status.DRAFT,
        editor,
        "Piknik",
    )
    assert news.body.startswith("<p>Zapraszamy mieszkańców na piknik.</p>")
    assert bool(news.image) and client.get(news.get_absolute_url()).status_code == 404


def test_rejecting_needs_a_reason_and_keeps_the_record(client, site_settings, editor):
    submission = submit(client, "/zglos/organizacje/", organization_data())
    with pytest.raises(TransitionRefused):
        transition(submission, "reject", actor=editor, reason=" ")
    transition(submission, "reject", actor=editor, reason="Brak wpisu w KRS.")
    submission.refresh_from_db()
    assert (submission.status, submission.rejection_reason) == ("rejected", "Brak wpisu w KRS.")
    assert submission.organization.status == Organization.Status.REJECTED


def test_error_report_moves_new_in_progress_done_with_notes(client, site_settings, editor):
    submission = submit(client, "/zglos/blad/", error_data())
    transition(submission, "start", actor=editor, reason="Sprawdzam link.")
    transition(submission, "finish", actor=editor, reason="Link poprawiony.")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DONE
    assert "Sprawdzam link." in submission.internal_note and "Link poprawiony." in submission.internal_note
    history = HistoryEntry.objects.for_object(submission).reverse()
    assert list(history.values_list("action", "actor", "to_state")) == [
        ("created", None, ""),
        ("notified", None, ""),
        ("transition", editor.pk, "in_progress"),
        ("transition", editor.pk, "done"),
    ]


def test_error_report_cannot_be_approved(client, site_settings, editor):
    submission = submit(client, "/zglos/blad/", error_data())
    with pytest.raises(TransitionRefused):
        transition(submission, "approve", actor=editor)


def test_closed_submission_cannot_be_decided_again(client, site_settings, editor):
    submission = submit(client, "/zglos/organizacje/", organization_data())
    transition(submission, "approve", actor=editor)
    with pytest.raises(TransitionRefused):
        transition(submission, "reject", actor=editor, reason="Jednak nie.")


def test_queue_lists_open_items_of_every_kind_oldest_first(client, site_settings, editor):
    for url, data in [("/kontakt/", contact_data()), ("/zglos/news/", news_data()), ("/zglos/blad/", error_data())]:
        client.post(url, data)
    done = Submission.objects.get(kind="error")
    transition(done, "finish", actor=editor)
    assert list(Submission.objects.open().values_list("kind", flat=True)) == ["contact", "news"]


def test_retention_erases_contact_data_of_old_closed_items_only(client, site_settings, editor):
    old = submit(client, "/kontakt/", contact_data())
    transition(old, "finish", actor=editor)
    Submission.objects.filter(pk=old.pk).update(closed_at=timezone.now() - datetime.timedelta(days=400))
    recent_closed = submit(client, "/zglos/blad/", error_data(contact_email="b@example.pl"))
    transition(recent_closed, "finish", actor=editor)
    still_open = submit(client, "/zglos/news/", news_data())
    call_command("erase_submission_contacts", "--days", "365", stdout=io.StringIO())
    emails = dict(Submission.objects.values_list("pk", "contact_email"))
    assert emails == {old.pk: "", recent_closed.pk: "b@example.pl", still_open.pk: "jan@example.pl"}
    assert Submission.objects.get(pk=old.pk).message == ""


def test_logged_in_non_staff_user_cannot_reach_the_queue(client):
    client.force_login(UserFactory(username="mieszkaniec"))
    response = client.get("/admin/submissions/pendingsubmission/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_editor_sees_the_queue_oldest_first_with_age(client, site_settings, editor):
    client.post("/kontakt/", contact_data(subject="Starsze pytanie"))
    client.post("/kontakt/", contact_data(subject="Nowsze pytanie"))
    Submission.objects.filter(title="Starsze pytanie").update(created_at=timezone.now() - datetime.timedelta(days=3))
    client.force_login(editor)
    html = client.get("/admin/submissions/pendingsubmission/").content.decode()
    assert html.index("Starsze pytanie") < html.index("Nowsze pytanie")
    assert '<td class="field-age">3\xa0dni</td>' in html


def test_editor_approves_from_the_change_page(client, site_settings, editor):
    submission = submit(client, "/zglos/organizacje/", organization_data())
    client.force_login(editor)
    response = client.post(f"/admin/submissions/submission/{submission.pk}/stan/approve/")
    submission.refresh_from_db()
    assert (response.status_code, submission.status) == (302, "approved")


def submit_change_page(client, submission, **typed):
    """Send the change page's form as a browser would: every field it prints, plus what was typed."""
    url = f"/admin/submissions/submission/{submission.pk}/change/"
    page = parse_page(client.get(url).content.decode())
    form = next(f for f in page.forms if set(typed) <= set(f["fields"]))
    return client.post(url, {**form["values"], **typed})


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_a_note_typed_on_the_change_page_is_saved_for_editors_and_superusers(
    client, site_settings, editor, admin_user, who
):
    submission = submit(client, "/kontakt/", contact_data())
    client.force_login(editor if who == "editor" else admin_user)
    response = submit_change_page(client, submission, note="Oddzwonić we wtorek.")
    submission.refresh_from_db()
    assert (response.status_code, submission.internal_note.endswith("Oddzwonić we wtorek.")) == (302, True)


def test_editor_rejects_in_bulk_with_a_reason(client, site_settings, editor):
    first = submit(client, "/zglos/news/", news_data())
    second = submit(client, "/zglos/organizacje/", organization_data())
    client.force_login(editor)
    client.post(
        "/admin/submissions/pendingsubmission/",
        {"action": "transition_reject", "_selected_action": [first.pk, second.pk], "apply": "1", "reason": "Spam."},
    )
    assert set(Submission.objects.values_list("status", "rejection_reason")) == {("rejected", "Spam.")}


def test_editor_approves_in_bulk(client, site_settings, editor):
    first = submit(client, "/zglos/news/", news_data())
    second = submit(client, "/zglos/wydarzenie/", event_data())
    client.force_login(editor)
    client.post(
        "/admin/submissions/pendingsubmission/",
        {"action": "transition_approve", "_selected_action": [first.pk, second.pk], "apply": "1"},
    )
    assert set(Submission.objects.values_list("status", flat=True)) == {"approved"}


def test_approving_when_the_submitted_record_was_deleted_is_refused_clearly(client, site_settings, editor):
    submission = submit(client, "/zglos/organizacje/", organization_data())
    submission.organization.delete()
    submission.refresh_from_db()
    with pytest.raises(TransitionRefused):
        transition(submission, "approve", actor=editor)


def test_bulk_approve_reports_items_it_cannot_approve_and_goes_on(client, site_settings, editor):
    broken = submit(client, "/zglos/organizacje/", organization_data())
    broken.organization.delete()
    fine = submit(client, "/zglos/news/", news_data())
    client.force_login(editor)
    response = client.post(
        "/admin/submissions/pendingsubmission/",
        {"action": "transition_approve", "_selected_action": [broken.pk, fine.pk], "apply": "1"},
        follow=True,
    )
    statuses = dict(Submission.objects.values_list("pk", "status"))
    assert statuses == {broken.pk: "pending", fine.pk: "approved"}
    assert "można tylko odrzucić" in response.content.decode()
