"""E-mail to the editors (and an optional copy to the sender), sent after
the submission is saved. A failure is recorded, never raised: the record is
safe and `manage.py retry_submission_notifications` tries again."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from pps_portal.models import SiteSettings
from submissions.models import Submission, SubmissionLog

logger = logging.getLogger(__name__)


def notify_submission(submission, *, base_url=""):
    """Send the editors' notice (and the sender's copy once); True when sent."""
    site = SiteSettings.load()
    recipients = [address for address in [site.editors_email or settings.SUBMISSIONS_NOTIFY_EMAIL] if address]
    context = {"submission": submission, "site": site, "base_url": base_url.rstrip("/")}
    try:
        if not recipients:
            raise RuntimeError("No editors' address: set it in admin → Ustawienia serwisu.")
        send_mail(
            subject=f"[{site.site_name}] Nowe zgłoszenie {submission.reference}: {submission.get_kind_display()}",
            message=render_to_string("submissions/email/editors.txt", context),
            from_email=None,
            recipient_list=recipients,
        )
    except Exception as error:  # any mail failure: keep the record, retry later
        logger.warning("submission %s: editors' notice failed: %s", submission.reference, error)
        with transaction.atomic():
            Submission.objects.filter(pk=submission.pk).update(
                notify_attempts=submission.notify_attempts + 1, last_notify_error=str(error)[:1000]
            )
            SubmissionLog.objects.create(
                submission=submission, action=SubmissionLog.Action.NOTIFY_FAILED, detail=str(error)[:1000]
            )
        return False

    now = timezone.now()
    with transaction.atomic():
        Submission.objects.filter(pk=submission.pk).update(
            editors_notified_at=now, notify_attempts=submission.notify_attempts + 1, last_notify_error=""
        )
        SubmissionLog.objects.create(submission=submission, action=SubmissionLog.Action.NOTIFIED)
    _send_sender_copy(submission, context)
    return True


def _send_sender_copy(submission, context):
    if not (submission.wants_copy and submission.contact_email and submission.sender_copy_sent_at is None):
        return
    try:
        send_mail(
            subject=f"Potwierdzenie zgłoszenia {submission.reference}",
            message=render_to_string("submissions/email/sender_copy.txt", context),
            from_email=None,
            recipient_list=[submission.contact_email],
        )
    except Exception as error:  # the sender's copy is a courtesy; the record is safe
        logger.warning("submission %s: sender's copy failed: %s", submission.reference, error)
        return
    Submission.objects.filter(pk=submission.pk).update(sender_copy_sent_at=timezone.now())
