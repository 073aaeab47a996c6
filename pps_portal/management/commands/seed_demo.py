from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from calendar_app.demo import seed_events
from documents.demo import seed_documents
from news.demo import seed_news
from organizations.demo import seed_organizations
from pages.demo import seed_pages
from pps_portal.demo import seed_site, seed_users


def seeders():
    """Each app's demo loader, in dependency order.

    A seeder is `seed(*, scale) -> str`: idempotent (natural keys, never
    overwriting rows editors may have changed), bulk inserts for scale > 1,
    returning a one-line summary of what it created.
    """
    return [seed_site, seed_users, seed_news, seed_organizations, seed_events, seed_documents, seed_pages]


class Command(BaseCommand):
    """Load demo content. Idempotent: running it again adds nothing twice."""

    help = (
        "Wypełnia bazę treścią demonstracyjną "
        "(ustawienia serwisu, banery, aktualności, organizacje, wydarzenia, dokumenty, strony informacyjne)."
    )

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
            raise CommandError("--scale must be at least 1")
        for seed in seeders():
            self.stdout.write(self.style.SUCCESS(seed(scale=scale)))
