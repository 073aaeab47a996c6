from django.core.management.base import BaseCommand

from submissions.models import Submission
from submissions.notifications import notify_submission, send_sender_outcome


class Command(BaseCommand):
    """Send the e-mails that failed earlier (run it from cron): the editors'
    notices of new submissions and the senders' outcome messages."""

    help = "Ponawia powiadomienia o zgłoszeniach (redakcji i nadawców), których nie udało się wysłać."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="", help="Site address for links in the e-mails.")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be sent.")

    def handle(self, *args, base_url, dry_run, **options):
        pending = list(Submission.objects.unnotified())
        outcomes = list(Submission.objects.sender_notice_due().order_by("closed_at", "pk"))
        if dry_run:
            self.stdout.write(f"{len(pending)} notice(s) and {len(outcomes)} outcome message(s) waiting.")
            return
        sent = sum(notify_submission(submission, base_url=base_url) for submission in pending)
        sent_outcomes = sum(send_sender_outcome(submission) for submission in outcomes)
        complete = sent == len(pending) and sent_outcomes == len(outcomes)
        style = self.style.SUCCESS if complete else self.style.WARNING
        self.stdout.write(
            style(
                f"Sent {sent} of {len(pending)} waiting notice(s) "
                f"and {sent_outcomes} of {len(outcomes)} outcome message(s)."
            )
        )
