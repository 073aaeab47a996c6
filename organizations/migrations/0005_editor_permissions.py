from django.db import migrations

from pps_portal.permissions import editor_permissions_operation

# Editors moderate and keep the registry (organizations, the lists of areas
# and districts); they cannot delete districts (organizations point at them).
PERMISSIONS = [
    "organizations.add_organization",
    "organizations.change_organization",
    "organizations.delete_organization",
    "organizations.view_organization",
    "organizations.add_area",
    "organizations.change_area",
    "organizations.view_area",
    "organizations.add_district",
    "organizations.change_district",
    "organizations.view_district",
]



class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0004_website_https"),
        ("pps_portal", "0003_search_configuration"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [editor_permissions_operation(PERMISSIONS)]
