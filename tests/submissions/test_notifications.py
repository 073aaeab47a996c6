"""A failing mail server neither loses nor fails a submission."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from editorial.models import HistoryEntry
from submissions.models import Submission
from tests.submissions.helpers import contact_data, news_data

pytestmark = pytest.mark.django_db

FAILING = "tests.submissions.helpers.FailingEmailBackend"


def test_mail_failure_keeps_the_record_and_thanks_the_sender(client, site_settings):
    with override_settings(EMAIL_BACKEND=FAILING):
        response = client.post("/kontakt/", contact_data(), follow=True)
    submission = Submission.objects.get()
    assert submission.reference in response.content.decode()
    assert (submission.editors_notified_at, submission.notify_attempts) == (None, 1)
    assert "Connection unexpectedly closed" in submission.last_notify_error


def test_retry_command_sends_waiting_notices_later(client, site_settings):
    with override_settings(EMAIL_BACKEND=FAILING):
        client.post("/zglos/news/", news_data(wants_copy="on"))
    assert mail.outbox == []
    call_command("retry_submission_notifications", stdout=io.StringIO())
    submission = Submission.objects.get()
    assert submission.editors_notified_at is not None
    assert [m.to for m in mail.outbox] == [["redakcjapps@czestochowa.um.gov.pl"], ["jan@example.pl"]]


def test_retry_command_leaves_notified_submissions_alone(client, site_settings):
    client.post("/kontakt/", contact_data())
    call_command("retry_submission_notifications", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_history_records_the_failure_and_the_later_success(client, site_settings):
    with override_settings(EMAIL_BACKEND=FAILING):
        client.post("/kontakt/", contact_data())
    call_command("retry_submission_notifications", stdout=io.StringIO())
    submission = Submission.objects.get()
    actions = list(HistoryEntry.objects.for_object(submission).reverse().values_list("action", flat=True))
    assert actions == ["created", "notify_failed", "notified"]
