from django.db import migrations

from pps_portal.permissions import editor_permissions_operation, reviewer_permissions_operation

# Editors write calls, enter or import their results, keep the list of funders.
PERMISSIONS = [
    "grants.add_grantcall",
    "grants.change_grantcall",
    "grants.delete_grantcall",
    "grants.view_grantcall",
    "grants.moderate_grantcall",
    "grants.add_grant",
    "grants.change_grant",
    "grants.delete_grant",
    "grants.view_grant",
    "grants.add_funder",
    "grants.change_funder",
    "grants.view_funder",
]

# Reviewers read calls and results and may publish, cancel or withdraw a call.
REVIEWER_PERMISSIONS = [
    "grants.view_grantcall",
    "grants.moderate_grantcall",
    "grants.view_grant",
    "grants.view_funder",
]


class Migration(migrations.Migration):
    dependencies = [
        ("grants", "0001_grants"),
        ("documents", "0002_permissions"),
    ]

    operations = [
        editor_permissions_operation(PERMISSIONS),
        reviewer_permissions_operation(REVIEWER_PERMISSIONS),
    ]
