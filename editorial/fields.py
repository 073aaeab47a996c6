"""Model fields every kind shares."""

from django.db import models
from django.db.models import F, Q
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


def publication_window_constraints(prefix):
    """The database rules of a kind with "data publikacji" and "widoczne do"
    (`published_at`, `visible_until`): published ⇒ a publication time, and
    "widoczne do" after it. Named `<prefix>_…`, so they hold for imports and
    the shell too."""
    return [
        models.CheckConstraint(
            condition=~Q(status="published") | Q(published_at__isnull=False), name=f"{prefix}_published_has_date"
        ),
        models.CheckConstraint(
            condition=Q(visible_until__isnull=True)
            | Q(published_at__isnull=True)
            | Q(visible_until__gt=F("published_at")),
            name=f"{prefix}_visible_until_after_publication",
        ),
    ]


def publication_window_errors(obj):
    """The same rules for a model's clean(): {field: Polish message}."""
    errors = {}
    if obj.status == "published" and not obj.published_at:
        errors["published_at"] = _("Podaj datę publikacji (może być w przyszłości).")
    if obj.visible_until and obj.published_at and obj.visible_until <= obj.published_at:
        errors["visible_until"] = _("„Widoczne do” musi być później niż data publikacji.")
    return errors
