"""The Editor group ("Redaktorzy"): city editors are staff, not superusers.

Each app's data migration grants its own permissions with `grant_to_editors`,
so the group holds exactly what editors need and nothing is granted by hand.
"""

from functools import partial

from django.db import migrations

EDITOR_GROUP = "Redaktorzy"


def editor_permissions_operation(permissions):
    """The RunPython operation an app's data migration uses to grant (and,
    reversed, revoke) `permissions` to the Editor group."""
    return migrations.RunPython(
        partial(grant_to_editors, permissions=permissions), partial(revoke_from_editors, permissions=permissions)
    )


def grant_to_editors(apps, schema_editor, permissions):
    """Add `permissions` ("app_label.codename") to the Editor group.

    Permissions are normally created after migrations run; create them now
    so a fresh database gets a complete group from `migrate` alone.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=EDITOR_GROUP)
    for dotted in permissions:
        app_label, codename = dotted.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke_from_editors(apps, schema_editor, permissions):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITOR_GROUP).first()
    if group is None:
        return
    for dotted in permissions:
        app_label, codename = dotted.split(".")
        group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))
