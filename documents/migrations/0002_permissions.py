from django.db import migrations

from pps_portal.permissions import editor_permissions_operation, reviewer_permissions_operation

# Editors attach documents to what they write, replace and withdraw them.
PERMISSIONS = [
    "documents.add_document",
    "documents.change_document",
    "documents.delete_document",
    "documents.view_document",
    "documents.moderate_document",
]

# Reviewers read documents and may withdraw or restore them.
REVIEWER_PERMISSIONS = [
    "documents.view_document",
    "documents.moderate_document",
]


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_documents"),
        ("news", "0005_moderation_permissions"),
    ]

    operations = [
        editor_permissions_operation(PERMISSIONS),
        reviewer_permissions_operation(REVIEWER_PERMISSIONS),
    ]
