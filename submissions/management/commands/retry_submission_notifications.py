from django.core.management.base import BaseCommand

from submissions.models import Submission
from submissions.notifications import notify_submission


class Command(BaseCommand):
    """Send the editors' notices that failed earlier (run it from cron)."""

    help = "Ponawia powiadomienia redakcji o zgłoszeniach, których nie udało się wysłać."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="", help="Site address for links in the e-mails.")
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be sent.")

    def handle(self, *args, base_url, dry_run, **options):
        pending = list(Submission.objects.unnotified())
        if dry_run:
            self.stdout.write(f"{len(pending)} notice(s) waiting.")
            return
        sent = sum(notify_submission(submission, base_url=base_url) for submission in pending)
        style = self.style.SUCCESS if sent == len(pending) else self.style.WARNING
        self.stdout.write(style(f"Sent {sent} of {len(pending)} waiting notice(s)."))
