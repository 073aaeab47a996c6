from django.db import migrations

from pps_portal.permissions import editor_permissions_operation

# Editors moderate submissions (view, decide). Nobody adds or deletes them
# by hand: they come from the public forms and the retention command.
PERMISSIONS = [
    "submissions.view_submission",
    "submissions.change_submission",
    "submissions.view_pendingsubmission",
    "submissions.change_pendingsubmission",
]



class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("news", "0002_editor_group"),
    ]

    operations = [editor_permissions_operation(PERMISSIONS)]
