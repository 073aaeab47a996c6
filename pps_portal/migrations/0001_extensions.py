from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """PostgreSQL extensions for search: pg_trgm (typo tolerance) and unaccent
    (diacritics-insensitive matching). Both are trusted extensions, so the
    database owner can create them without superuser rights."""

    initial = True
    dependencies = []

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
    ]
