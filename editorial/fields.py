"""Model fields every kind shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def visible_until_field():
    """ "Widoczne do": the moment an item leaves every public page, feed,
    sitemap and search by itself (Workflow.expiry_field)."""
    return models.DateTimeField(
        _("widoczne do"),
        null=True,
        blank=True,
        help_text=_("Po tym czasie znika ze wszystkich stron, kanałów i wyszukiwarki. Puste — bez końca."),
    )
