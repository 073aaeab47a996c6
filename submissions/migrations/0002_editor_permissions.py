from django.db import migrations

from pps_portal.permissions import grant_to_editors, revoke_from_editors

# Editors moderate submissions (view, decide). Nobody adds or deletes them
# by hand: they come from the public forms and the retention command.
PERMISSIONS = [
    "submissions.view_submission",
    "submissions.change_submission",
    "submissions.view_pendingsubmission",
    "submissions.change_pendingsubmission",
]


def grant(apps, schema_editor):
    grant_to_editors(apps, schema_editor, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_editors(apps, schema_editor, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("news", "0002_editor_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
