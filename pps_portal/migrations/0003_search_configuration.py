from django.db import migrations


class Migration(migrations.Migration):
    """A text search configuration shared by every search in the portal.

    `pps_search` is `simple` (PostgreSQL has no Polish stemmer) with unaccent
    in front, so `czestochowa` matches `Częstochowa`. Used with an explicit
    name, to_tsvector('pps_search', …) is immutable, so generated tsvector
    columns with GIN indexes can use it. `immutable_unaccent` is the same for
    trigram indexes on unaccented text (unaccent() itself is only STABLE).
    """

    dependencies = [("pps_portal", "0002_site_settings_and_banners")]

    operations = [
        migrations.RunSQL(
            sql=[
                "CREATE TEXT SEARCH CONFIGURATION pps_search (COPY = simple)",
                "ALTER TEXT SEARCH CONFIGURATION pps_search "
                "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
                "CREATE FUNCTION immutable_unaccent(text) RETURNS text "
                "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
                "RETURN public.unaccent('public.unaccent'::regdictionary, $1)",
            ],
            reverse_sql=[
                "DROP FUNCTION immutable_unaccent(text)",
                "DROP TEXT SEARCH CONFIGURATION pps_search",
            ],
        ),
    ]
