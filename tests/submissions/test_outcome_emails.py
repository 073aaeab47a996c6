"""The sender hears back: approved, rejected (with the reason) or done, by e-mail, never the internal notes."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from editorial.models import HistoryEntry
from editorial.services import transition
from submissions.services import add_note
from tests.submissions.factories import SubmissionFactory
from tests.submissions.helpers import FailingEmailBackend

pytestmark = pytest.mark.django_db

FAILING = f"{FailingEmailBackend.__module__}.{FailingEmailBackend.__name__}"
NOTE = "Nadawca dzwonił dwa razy, uważać."


@pytest.fixture
def organization_submission():
    from tests.organizations.factories import pending

    return SubmissionFactory(kind="organization", organization=pending(name="Fundacja Nadziei"))


def decide(submission, name, editor, capture, reason=""):
    add_note(submission=submission, actor=editor, note=NOTE)
    with capture(execute=True):
        transition(submission, name, actor=editor, reason=reason)


def test_approval_tells_the_sender_the_reference_and_outcome(
    site_settings, editor, organization_submission, django_capture_on_commit_callbacks
):
    decide(organization_submission, "approve", editor, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert (message.to, message.subject) == (
        ["anna@example.pl"],
        f"Zgłoszenie {organization_submission.reference}: zatwierdzone",
    )
    assert "Wynik: zatwierdzone" in message.body and NOTE not in message.body


def test_rejection_tells_the_sender_the_reason(
    site_settings, editor, organization_submission, django_capture_on_commit_callbacks
):
    decide(organization_submission, "reject", editor, django_capture_on_commit_callbacks, reason="Brak wpisu w KRS.")
    [message] = mail.outbox
    assert "Wynik: odrzucone" in message.body and "Powód: Brak wpisu w KRS." in message.body
    assert NOTE not in message.body


def test_a_handled_message_tells_the_sender_it_is_done(site_settings, editor, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(kind="contact")
    decide(submission, "finish", editor, django_capture_on_commit_callbacks, reason="Odpowiedziano telefonicznie.")
    [message] = mail.outbox
    assert "Wynik: załatwione" in message.body and "telefonicznie" not in message.body


def test_no_e_mail_when_the_sender_gave_none(site_settings, editor, django_capture_on_commit_callbacks):
    submission = SubmissionFactory(kind="error", contact_email="")
    with django_capture_on_commit_callbacks(execute=True):
        transition(submission, "finish", actor=editor)
    assert mail.outbox == []


def test_starting_work_sends_nothing(site_settings, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        transition(SubmissionFactory(), "start", actor=editor)
    assert mail.outbox == []


def test_a_failed_outcome_e_mail_is_kept_and_the_retry_command_sends_it_once(
    site_settings, editor, organization_submission, django_capture_on_commit_callbacks
):
    with override_settings(EMAIL_BACKEND=FAILING), django_capture_on_commit_callbacks(execute=True):
        transition(organization_submission, "reject", actor=editor, reason="Duplikat.")
    organization_submission.refresh_from_db()
    failed = HistoryEntry.objects.for_object(organization_submission).filter(action="notify_failed").count()
    assert (organization_submission.status, organization_submission.sender_notified_at, failed) == (
        "rejected",
        None,
        1,
    )
    call_command("retry_submission_notifications", stdout=io.StringIO())
    call_command("retry_submission_notifications", stdout=io.StringIO())
    assert [m.subject for m in mail.outbox if m.to == ["anna@example.pl"]] == [
        f"Zgłoszenie {organization_submission.reference}: odrzucone"
    ]
