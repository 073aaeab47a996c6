from django.db import migrations

from pps_portal.permissions import editor_permissions_operation

# Editors write and publish news, manage banners and keep site settings
# (footer, accessibility statement) current. Nothing about users or groups.
PERMISSIONS = [
    "news.add_news",
    "news.change_news",
    "news.delete_news",
    "news.view_news",
    "news.add_category",
    "news.change_category",
    "news.view_category",
    "pps_portal.add_banner",
    "pps_portal.change_banner",
    "pps_portal.delete_banner",
    "pps_portal.view_banner",
    "pps_portal.change_sitesettings",
    "pps_portal.view_sitesettings",
]



class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("pps_portal", "0003_search_configuration"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [editor_permissions_operation(PERMISSIONS)]
