from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from pps_portal import invalidation
from pps_portal.caches import CacheUnavailable


class Command(BaseCommand):
    # Needed only after changing the database outside Django (psql by hand):
    # every write through Django invalidates the cached pages by itself.
    help = "Unieważnia wszystkie strony w pamięci podręcznej, na wszystkich serwerach."

    def handle(self, *args, **options):
        try:
            cache.set(invalidation.GENERATION_KEY, invalidation.new_generation(), timeout=None)
        except CacheUnavailable as error:
            raise CommandError(f"The shared cache is unavailable: {error}") from None
        self.stdout.write(self.style.SUCCESS("Every cached page is invalidated."))
