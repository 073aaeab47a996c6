from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from calendar_app.demo import seed_events
from documents.demo import seed_documents
from grants.demo import seed_grants
from news.demo import seed_news
from organizations.demo import seed_organizations
from pages.demo import seed_pages
from pps_portal.demo import seed_demo_accounts, seed_site
from pps_portal.demo_translations import seed_translations


def seeders():
    """Each app's demo loader, in dependency order.

    A seeder is `seed(*, scale) -> str`: idempotent (natural keys, never
    overwriting rows editors may have changed), bulk inserts for scale > 1,
    returning a one-line summary of what it created.
    """
    return [
        seed_site,
        seed_news,
        seed_organizations,
        seed_events,
        seed_documents,
        seed_pages,
        seed_grants,
        seed_translations,
    ]


class Command(BaseCommand):
    """Load demo content. Idempotent: running it again adds nothing twice."""

    help = (
        "Wypełnia bazę treścią demonstracyjną "
        "(ustawienia serwisu, banery, aktualności, organizacje, wydarzenia, dokumenty, strony informacyjne, "
        "konkursy ofert, tłumaczenia na ukraiński i angielski)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply generated demo data N times with bulk inserts (benchmarks).",
        )
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Also create the README's demo logins (development only: needs DJANGO_DEBUG=1).",
        )

    @transaction.atomic
    def handle(self, *args, scale, demo_accounts, **options):
        if scale < 1:
            raise CommandError("--scale must be at least 1")
        if demo_accounts and not settings.DEBUG:
            # Checked before anything is written: nothing is seeded.
            raise CommandError(
                "--demo-accounts is for local development only: run with DJANGO_DEBUG=1 (as `make run` does)."
            )
        for seed in seeders():
            self.stdout.write(self.style.SUCCESS(seed(scale=scale)))
        if demo_accounts:
            self.stdout.write(self.style.SUCCESS(seed_demo_accounts()))
