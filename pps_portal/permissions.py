"""The two groups of city staff in admin, named in Polish; neither is a superuser.

* "Redaktorzy" (editors): write, edit and publish every kind of content,
  moderate submissions, keep banners, categories and site settings.
* "Moderatorzy" (reviewers): read every kind of content and decide on it —
  publish, withdraw, approve, reject, cancel (the editorial core's
  transitions) — but not write or delete content, and not change site
  settings, banners or the lists of categories, areas and districts.

Neither group may manage users, groups or login lockouts. Each app's data
migration grants its own permissions with `editor_permissions_operation` /
`reviewer_permissions_operation`, so the groups hold exactly what they need
and nothing is granted by hand.
"""

from functools import partial

from django.db import migrations

EDITOR_GROUP = "Redaktorzy"
REVIEWER_GROUP = "Moderatorzy"


def group_permissions_operation(group_name, permissions):
    """The RunPython operation a data migration uses to grant (and, reversed,
    revoke) `permissions` ("app_label.codename") to the group `group_name`."""
    return migrations.RunPython(
        partial(grant_to_group, group_name=group_name, permissions=permissions),
        partial(revoke_from_group, group_name=group_name, permissions=permissions),
    )


def editor_permissions_operation(permissions):
    return group_permissions_operation(EDITOR_GROUP, permissions)


def reviewer_permissions_operation(permissions):
    return group_permissions_operation(REVIEWER_GROUP, permissions)


def grant_to_group(apps, schema_editor, group_name, permissions):
    """Add `permissions` to the group (created if missing).

    Permissions are normally created after migrations run; create them now
    so a fresh database gets complete groups from `migrate` alone.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    for dotted in permissions:
        app_label, codename = dotted.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke_from_group(apps, schema_editor, group_name, permissions):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    for dotted in permissions:
        app_label, codename = dotted.split(".")
        group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))
