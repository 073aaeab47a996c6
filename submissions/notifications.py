"""E-mails about submissions, each sent after the record is saved.

* The editors' notice of a new submission (and an optional copy to the sender).
* The outcome to the sender when an editor approves, rejects (with the
  reason) or finishes a submission: its reference and what happened, never
  the editors' internal notes.

A failure is recorded, never raised: the record is safe and
`manage.py retry_submission_notifications` tries again.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial.models import HistoryEntry
from editorial.services import record, record_failed_notification
from editorial.states import State
from pps_portal.models import SiteSettings
from submissions.models import Submission

logger = logging.getLogger(__name__)


def editors_recipients(site=None):
    """Where notices to the editors go: the address in site settings, else SUBMISSIONS_NOTIFY_EMAIL."""
    site = site or SiteSettings.load()
    return [address for address in [site.editors_email or settings.SUBMISSIONS_NOTIFY_EMAIL] if address]


def notify_submission(submission, *, base_url=""):
    """Send the editors' notice (and the sender's copy once, in the language of
    the form they filled in); True when sent."""
    site = SiteSettings.load()
    recipients = editors_recipients(site)
    context = {"submission": submission, "site": site, "base_url": base_url.rstrip("/")}
    try:
        if not recipients:
            raise RuntimeError("No editors' address: set it in admin → Ustawienia serwisu.")
        send_mail(
            subject=_("[%(site)s] Nowe zgłoszenie %(reference)s: %(kind)s")
            % {"site": site.site_name, "reference": submission.reference, "kind": submission.get_kind_display()},
            message=render_to_string("submissions/email/editors.txt", context),
            from_email=None,
            recipient_list=recipients,
        )
    except Exception as error:  # any mail failure: keep the record, retry later
        with transaction.atomic():
            Submission.objects.filter(pk=submission.pk).update(
                notify_attempts=submission.notify_attempts + 1, last_notify_error=str(error)[:1000]
            )
            record_failed_notification(submission, _("Powiadomienie redakcji"), error)
        return False

    now = timezone.now()
    with transaction.atomic():
        Submission.objects.filter(pk=submission.pk).update(
            editors_notified_at=now, notify_attempts=submission.notify_attempts + 1, last_notify_error=""
        )
        record(submission, HistoryEntry.Action.NOTIFIED, detail=_("Powiadomiono redakcję."))
    with translation.override(submission.sender_language):
        _send_sender_copy(submission, context)
    return True


def _send_sender_copy(submission, context):
    if not (submission.wants_copy and submission.contact_email and submission.sender_copy_sent_at is None):
        return
    try:
        send_mail(
            subject=_("Potwierdzenie zgłoszenia %(reference)s") % {"reference": submission.reference},
            message=render_to_string("submissions/email/sender_copy.txt", context),
            from_email=None,
            recipient_list=[submission.contact_email],
        )
    except Exception as error:  # the sender's copy is a courtesy; the record is safe
        logger.warning("submission %s: sender's copy failed: %s", submission.reference, error)
        return
    Submission.objects.filter(pk=submission.pk).update(sender_copy_sent_at=timezone.now())


# Lazy: rendered in the sender's language at sending time.
OUTCOMES = {
    State.APPROVED: gettext_lazy("zatwierdzone"),
    State.REJECTED: gettext_lazy("odrzucone"),
    State.DONE: gettext_lazy("załatwione"),
}


def send_sender_outcome(submission):
    """E-mail the sender the outcome of a decided submission; True when sent.

    Only the reference, the kind, the outcome and the reason of a
    rejection (which the editor wrote for the sender): never internal notes.
    """
    submission = Submission.objects.get(pk=submission.pk)
    if not (
        submission.sender_notice_due_at
        and submission.sender_notified_at is None
        and submission.contact_email
        and submission.personal_data_erased_at is None
    ):
        return False
    context = {"submission": submission, "site": SiteSettings.load(), "outcome": OUTCOMES[submission.status]}
    try:
        # In the language of the form the sender filled in; the history stays Polish.
        with translation.override(submission.sender_language):
            send_mail(
                subject=_("Zgłoszenie %(reference)s: %(outcome)s")
                % {"reference": submission.reference, "outcome": context["outcome"]},
                message=render_to_string("submissions/email/outcome.txt", context),
                from_email=None,
                recipient_list=[submission.contact_email],
            )
    except Exception as error:  # any mail failure: the notice stays due for the retry command
        record_failed_notification(submission, _("Wiadomość do nadawcy o wyniku"), error)
        return False
    Submission.objects.filter(pk=submission.pk).update(sender_notified_at=timezone.now())
    record(submission, HistoryEntry.Action.NOTIFIED, detail=_("Wysłano nadawcy wiadomość o wyniku."))
    return True


def notify_sender_of_outcome(submission, entry):
    """The workflow's notify hook (after commit) for approve, reject and finish."""
    send_sender_outcome(submission)
