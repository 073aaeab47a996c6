from django.db import migrations

from pps_portal.permissions import editor_permissions_operation, reviewer_permissions_operation

# Editors build the tree of information pages, publish them, keep the
# easy-to-read text, the sign-language page and the redirects of old addresses.
PERMISSIONS = [
    "pages.add_page",
    "pages.change_page",
    "pages.delete_page",
    "pages.view_page",
    "pages.moderate_page",
    "pages.change_easyreadtext",
    "pages.view_easyreadtext",
    "pages.change_signlanguagepage",
    "pages.view_signlanguagepage",
    "pps_portal.add_redirect",
    "pps_portal.change_redirect",
    "pps_portal.delete_redirect",
    "pps_portal.view_redirect",
]

# Reviewers read pages and decide on publishing them.
REVIEWER_PERMISSIONS = [
    "pages.view_page",
    "pages.moderate_page",
    "pages.view_easyreadtext",
    "pages.view_signlanguagepage",
]


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_pages"),
        ("pps_portal", "0007_redirects_and_deaf_contact"),
        ("documents", "0002_permissions"),
    ]

    operations = [
        editor_permissions_operation(PERMISSIONS),
        reviewer_permissions_operation(REVIEWER_PERMISSIONS),
    ]
