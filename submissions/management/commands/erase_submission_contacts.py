import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from submissions.models import Submission
from submissions.services import erase_personal_data


class Command(BaseCommand):
    """RODO retention: erase senders' contact data from closed submissions."""

    help = "Usuwa dane kontaktowe nadawców z zamkniętych zgłoszeń starszych niż okres przechowywania."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SUBMISSIONS_RETENTION_DAYS,
            help="Days after closing (default: SUBMISSIONS_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1")
        if dry_run:
            count = Submission.objects.closed_before(timezone.now() - datetime.timedelta(days=days)).count()
            self.stdout.write(f"{count} submission(s) would be erased.")
            return
        with transaction.atomic():
            erased = erase_personal_data(older_than_days=days)
        self.stdout.write(self.style.SUCCESS(f"Erased contact data from {erased} submission(s)."))
