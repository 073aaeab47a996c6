from django.conf import settings
from django.core.management.base import BaseCommand

from organizations.models import OrganizationChange
from organizations.notifications import notify_editors_of_change, send_change_outcome
from submissions.models import Submission
from submissions.notifications import notify_submission, send_sender_outcome


class Command(BaseCommand):
    """Send the e-mails that failed earlier (run it from cron): the editors'
    notices of new submissions and of organizations' proposed changes, and
    the outcome messages to senders and organizations."""

    help = "Ponawia powiadomienia o zgłoszeniach i zmianach danych organizacji, których nie udało się wysłać."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url", default=settings.SITE_URL, help="Site address for links in the e-mails (default: SITE_URL)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be sent.")

    def handle(self, *args, base_url, dry_run, **options):
        pending = list(Submission.objects.unnotified())
        outcomes = list(Submission.objects.sender_notice_due().order_by("closed_at", "pk"))
        changes = list(OrganizationChange.objects.editors_unnotified())
        change_outcomes = list(OrganizationChange.objects.outcome_due())
        if dry_run:
            self.stdout.write(
                f"{len(pending)} notice(s) and {len(outcomes)} outcome message(s) waiting; "
                f"organizations' changes: {len(changes)} notice(s) and {len(change_outcomes)} outcome message(s)."
            )
            return
        sent = sum(notify_submission(submission, base_url=base_url) for submission in pending)
        sent_outcomes = sum(send_sender_outcome(submission) for submission in outcomes)
        sent_changes = sum(notify_editors_of_change(change, base_url=base_url) for change in changes)
        sent_change_outcomes = sum(send_change_outcome(change) for change in change_outcomes)
        complete = (sent, sent_outcomes, sent_changes, sent_change_outcomes) == (
            len(pending),
            len(outcomes),
            len(changes),
            len(change_outcomes),
        )
        style = self.style.SUCCESS if complete else self.style.WARNING
        self.stdout.write(
            style(
                f"Sent {sent} of {len(pending)} waiting notice(s) "
                f"and {sent_outcomes} of {len(outcomes)} outcome message(s); "
                f"organizations' changes: {sent_changes} of {len(changes)} notice(s) "
                f"and {sent_change_outcomes} of {len(change_outcomes)} outcome message(s)."
            )
        )
