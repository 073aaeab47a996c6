from django.db import migrations

from pps_portal.permissions import editor_permissions_operation, reviewer_permissions_operation

# Editors publish and withdraw news and show or hide banners through the
# editorial core's transitions, which ask for these permissions.
PERMISSIONS = [
    "news.moderate_news",
    "pps_portal.moderate_banner",
]

# Reviewers read news and decide on publishing; they do not write articles,
# keep categories, banners or site settings.
REVIEWER_PERMISSIONS = [
    "news.view_news",
    "news.moderate_news",
    "news.view_category",
]


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_editorial_workflow"),
        ("pps_portal", "0005_banner_workflow"),
    ]

    operations = [
        editor_permissions_operation(PERMISSIONS),
        reviewer_permissions_operation(REVIEWER_PERMISSIONS),
    ]
