from django.db import migrations


class Migration(migrations.Migration):
    """The shared cache's table when no REDIS_URL is set (settings.CACHE_TABLE,
    read by pps_portal.caches.DatabaseCache): the columns Django's
    `createcachetable` makes, created here so `migrate` alone sets up a
    server. UNLOGGED: a cache needs no write-ahead log (writes are cheaper,
    and after a crash PostgreSQL empties it, which a cache may be). IF NOT
    EXISTS: a table made before by `createcachetable` (same columns) is kept."""

    dependencies = [
        ("pps_portal", "0007_redirects_and_deaf_contact"),
    ]

    operations = [
        migrations.RunSQL(
            sql=[
                'CREATE UNLOGGED TABLE IF NOT EXISTS "pps_cache" ('
                '"cache_key" varchar(255) NOT NULL PRIMARY KEY, '
                '"value" text NOT NULL, '
                '"expires" timestamp with time zone NOT NULL)',
                'CREATE INDEX IF NOT EXISTS "pps_cache_expires" ON "pps_cache" ("expires")',
            ],
            reverse_sql=['DROP TABLE "pps_cache"'],
        ),
    ]
