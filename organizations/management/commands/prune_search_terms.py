from django.core.management.base import BaseCommand
from django.db import connection, transaction

from organizations.models import SearchTerm

# A word no organization contains any more (after edits or deletions).
# `search_terms @> ARRAY[term]` is served by the GIN index on search_terms.
STALE = """
    FROM organizations_searchterm st
    WHERE NOT EXISTS (
        SELECT 1 FROM organizations_organization o WHERE o.search_terms @> ARRAY[st.term]
    )
"""


class Command(BaseCommand):
    """Remove words from the search vocabulary that no organization uses any more.

    Stale words are harmless (they only ever expand a search to nothing), so
    this is housekeeping, e.g. monthly from cron. Idempotent and transactional.
    """

    help = "Usuwa ze słownika wyszukiwarki Bazy NGO słowa, których nie ma już w żadnej organizacji."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count the stale words.")

    @transaction.atomic
    def handle(self, *args, dry_run, **options):
        with connection.cursor() as cursor:
            if dry_run:
                cursor.execute("SELECT count(*) " + STALE)
                stale = cursor.fetchone()[0]
            else:
                cursor.execute("DELETE FROM organizations_searchterm WHERE term IN (SELECT st.term " + STALE + ")")
                stale = cursor.rowcount
        kept = SearchTerm.objects.count() - (stale if dry_run else 0)
        verb = "would be removed" if dry_run else "removed"
        self.stdout.write(self.style.SUCCESS(f"{stale} stale search word(s) {verb}, {kept} kept."))
