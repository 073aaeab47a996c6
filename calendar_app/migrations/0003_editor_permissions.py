from django.db import migrations

from pps_portal.permissions import grant_to_editors, revoke_from_editors

# Editors publish, cancel, copy and edit events and their series exceptions,
# and keep the list of event categories.
PERMISSIONS = [
    "calendar_app.add_event",
    "calendar_app.change_event",
    "calendar_app.delete_event",
    "calendar_app.view_event",
    "calendar_app.add_eventexception",
    "calendar_app.change_eventexception",
    "calendar_app.delete_eventexception",
    "calendar_app.view_eventexception",
    "calendar_app.add_eventcategory",
    "calendar_app.change_eventcategory",
    "calendar_app.view_eventcategory",
]


def grant(apps, schema_editor):
    grant_to_editors(apps, schema_editor, PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_editors(apps, schema_editor, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("calendar_app", "0002_recompute_series_span_ends"),
        ("news", "0002_editor_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
