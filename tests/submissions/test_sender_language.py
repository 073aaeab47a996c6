"""The sender hears back in the language of the form they filled in; the record and its history stay Polish."""

import pytest
from django.db import IntegrityError
from django.utils import translation

from editorial.models import HistoryEntry
from editorial.services import transition
from submissions.models import Submission
from submissions.notifications import notify_submission
from tests.submissions.factories import SubmissionFactory
from tests.submissions.helpers import contact_data

pytestmark = pytest.mark.django_db


def test_a_message_sent_from_the_ukrainian_form_is_answered_in_ukrainian(
    client, site_settings, editor, mailoutbox, django_capture_on_commit_callbacks
):
    site_settings.editors_email = "redakcja@example.pl"
    site_settings.save()
    response = client.post("/uk/kontakt/", contact_data())
    submission = Submission.objects.get()
    # The editor decides in admin, which is in Polish.
    with translation.override("pl"), django_capture_on_commit_callbacks(execute=True):
        transition(submission, "finish", actor=editor, reason="Odpowiedziano telefonicznie.")
    editors, outcome = mailoutbox
    history = list(HistoryEntry.objects.values_list("detail", flat=True))
    assert (response.status_code, submission.sender_language) == (302, "uk")
    assert "Nowe zgłoszenie" in editors.subject
    assert (outcome.subject, "Дякуємо, справу вирішено." in outcome.body) == (
        f"Заявка {submission.reference}: виконано",
        True,
    )
    assert "Wysłano nadawcy wiadomość o wyniku." in history


def test_a_copy_sent_later_by_the_retry_is_still_in_the_senders_language(site_settings, mailoutbox):
    site_settings.editors_email = "redakcja@example.pl"
    site_settings.save()
    submission = SubmissionFactory(kind="contact", sender_language="en", wants_copy=True)
    notify_submission(submission)  # what retry_submission_notifications calls, outside any request
    editors, copy = mailoutbox
    assert ("Nowe zgłoszenie" in editors.subject, copy.subject) == (
        True,
        f"Confirmation of submission {submission.reference}",
    )


def test_an_unknown_language_is_refused_by_the_database():
    with pytest.raises(IntegrityError):
        SubmissionFactory(kind="contact", sender_language="de")
