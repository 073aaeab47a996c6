from django.db import migrations

from pps_portal.permissions import editor_permissions_operation

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



class Migration(migrations.Migration):
    dependencies = [
        ("calendar_app", "0002_recompute_series_span_ends"),
        ("news", "0002_editor_group"),
    ]

    operations = [editor_permissions_operation(PERMISSIONS)]
