from django.core.management.base import BaseCommand
from django.db import transaction

from pps_portal.demo import seed_site


class Command(BaseCommand):
    """Load demo content. Idempotent: running it again adds nothing twice."""

    help = "Wypełnia bazę treścią demonstracyjną (ustawienia serwisu, banery, …)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply generated demo data N times with bulk inserts (benchmarks).",
        )

    @transaction.atomic
    def handle(self, *args, scale, **options):
        if scale < 1:
            self.stderr.write("--scale must be at least 1")
            return
        banners = seed_site()
        self.stdout.write(self.style.SUCCESS(f"Site settings updated, {banners} banner(s) created."))
