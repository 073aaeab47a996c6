"""One history for every object: `HistoryEntry`.

Every transition, admin edit, restore, note and notification of any kind of
content is one row here, with who and when; rows that saved a version link
to it (django-reversion's `Version`), so the admin's history page of an
object is the one place to read what happened to it and to compare and
restore its versions.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.states import STATE_MAX_LENGTH, State


class HistoryQuerySet(models.QuerySet):
    def for_object(self, obj):
        """An object's history, newest first."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True), object_id=obj.pk
        ).order_by("-at", "-pk")


class HistoryEntry(models.Model):
    class Action(models.TextChoices):
        BASELINE = "baseline", _("wersja wyjściowa")
        CREATED = "created", _("utworzono")
        EDITED = "edited", _("zmieniono")
        TRANSITION = "transition", _("zmiana stanu")
        RESTORED = "restored", _("przywrócono wersję")
        DELETED = "deleted", _("usunięto")
        NOTE = "note", _("notatka")
        NOTIFIED = "notified", _("wysłano powiadomienie")
        NOTIFY_FAILED = "notify_failed", _("nie udało się wysłać powiadomienia")
        ERASED = "erased", _("usunięto dane osobowe")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    # Every kind has an integer primary key (BigAutoField).
    object_id = models.BigIntegerField()
    object_repr = models.CharField(_("obiekt"), max_length=300, blank=True)
    at = models.DateTimeField(_("kiedy"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kto"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("co"), max_length=20, choices=Action.choices)
    transition = models.CharField(_("czynność"), max_length=40, blank=True)
    from_state = models.CharField(_("stan przed"), max_length=STATE_MAX_LENGTH, choices=State.choices, blank=True)
    to_state = models.CharField(_("stan po"), max_length=STATE_MAX_LENGTH, choices=State.choices, blank=True)
    reason = models.TextField(_("powód"), blank=True)
    detail = models.TextField(_("szczegóły"), blank=True)
    version = models.ForeignKey(
        "reversion.Version",
        verbose_name=_("wersja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = HistoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("wpis historii")
        verbose_name_plural = _("historia")
        ordering = ["-at", "-pk"]
        indexes = [
            # An object's history page: WHERE content_type_id = … AND object_id = … ORDER BY at DESC.
            models.Index(fields=["content_type", "object_id", "-at"], name="history_object_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(action="transition") | (~models.Q(from_state="") & ~models.Q(to_state="")),
                name="history_transition_has_states",
            ),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.object_repr}: {self.summary}"

    @property
    def summary(self):
        """One line for the history table: "szkic → opublikowane", "zmieniono: tytuł"."""
        if self.action == self.Action.TRANSITION:
            return f"{State(self.from_state).label} → {State(self.to_state).label}"
        return self.get_action_display()
