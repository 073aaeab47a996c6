"""Public submissions and their moderation.

Every form a resident or an NGO sends (news, error report, organization,
event, contact message) becomes one `Submission`: the envelope with its
reference number, the sender's contact data (personal data: never shown
publicly, erased after the retention period), notification state and the
moderation decision. An organization or event submission also creates the
pending Organization/Event itself; a news submission keeps its text here
until an editor turns it into a draft article. Its states and the steps
between them are `Submission.workflow` (the editorial core), and its history
is the core's `HistoryEntry`, like every other kind's.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from editorial.states import State
from editorial.workflow import EditorialModel, Transition, Workflow, reject_step
from pps_portal.images import SafeImageField
from pps_portal.models import ImageWithAltText


def private_storage():
    return storages["private"]


def private_upload_path(instance, filename):
    """A random name: nothing about the sender's file name is kept."""
    extension = os.path.splitext(filename)[1].lower() or ".jpg"
    return f"submissions/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class SubmissionQuerySet(models.QuerySet):
    def open(self):
        """The moderation queue: everything not yet decided, oldest first."""
        return self.filter(status__in=Submission.OPEN_STATUSES).order_by("created_at", "pk")

    def unnotified(self):
        """Accepted submissions whose editors' e-mail has not gone out yet."""
        return self.filter(editors_notified_at__isnull=True).order_by("created_at", "pk")

    def sender_notice_due(self):
        """Decided submissions whose sender has not been told the outcome yet
        (a failed e-mail waits here for `retry_submission_notifications`)."""
        return self.filter(
            sender_notice_due_at__isnull=False, sender_notified_at__isnull=True, personal_data_erased_at__isnull=True
        ).exclude(contact_email="")

    def closed_before(self, moment):
        """Decided before `moment` and still holding the sender's contact data."""
        return self.filter(
            status__in=Submission.CLOSED_STATUSES, closed_at__lt=moment, personal_data_erased_at__isnull=True
        )


# The kinds whose content an editor approves (publishing it or drafting an
# article) and the kinds that are only handled (marked done).
APPROVABLE_KINDS = ("organization", "event", "news")
HANDLED_KINDS = ("error", "contact")


class Submission(EditorialModel, ImageWithAltText):
    workflow = Workflow(
        states=[State.PENDING, State.IN_PROGRESS, State.APPROVED, State.REJECTED, State.DONE],
        initial=State.PENDING,
        public_states=[],  # a submission itself is never public
        reason_field="rejection_reason",
        counted=ngettext_lazy("%(count)d zgłoszenie", "%(count)d zgłoszeń", "count"),
        transitions=[
            Transition(
                "start",
                _("Przyjmij do realizacji"),
                done=_("Przyjęto do realizacji"),
                sources=[State.PENDING],
                target=State.IN_PROGRESS,
                reason="optional",
                reason_label=_("Notatka (tylko dla redakcji)"),
                effect="submissions.services.take_on",
            ),
            Transition(
                "approve",
                _("Zatwierdź"),
                done=_("Zatwierdzono"),
                sources=[State.PENDING, State.IN_PROGRESS],
                target=State.APPROVED,
                guard="submissions.services.approval_refusal",
                effect="submissions.services.approve_content",
                notify="submissions.notifications.notify_sender_of_outcome",
            ),
            reject_step(
                [State.PENDING, State.IN_PROGRESS],
                reason_help=_("Nadawca dostanie go w wiadomości e-mail (notatki redakcji — nie)."),
                effect="submissions.services.reject_content",
                notify="submissions.notifications.notify_sender_of_outcome",
            ),
            Transition(
                "finish",
                _("Oznacz jako załatwione"),
                done=_("Załatwiono"),
                sources=[State.PENDING, State.IN_PROGRESS],
                target=State.DONE,
                reason="optional",
                reason_label=_("Notatka (tylko dla redakcji)"),
                guard="submissions.services.finish_refusal",
                effect="submissions.services.close_handled",
                notify="submissions.notifications.notify_sender_of_outcome",
            ),
        ],
    )
    Status = State

    class Kind(models.TextChoices):
        NEWS = "news", _("news")
        ERROR = "error", _("zgłoszenie błędu")
        ORGANIZATION = "organization", _("organizacja")
        EVENT = "event", _("wydarzenie")
        CONTACT = "contact", _("wiadomość")

    OPEN_STATUSES = (State.PENDING, State.IN_PROGRESS)
    CLOSED_STATUSES = (State.APPROVED, State.REJECTED, State.DONE)

    kind = models.CharField(_("rodzaj"), max_length=15, choices=Kind.choices)
    status = workflow.state_field_definition(_("status"))
    # PPS-<year>-<id>: set right after the insert, in the same transaction, so
    # briefly NULL (a unique column allows several NULLs, not several "").
    reference = models.CharField(  # noqa: DJ001
        _("numer zgłoszenia"), max_length=20, unique=True, null=True, editable=False
    )

    # Content, plain text only.
    title = models.CharField(_("tytuł / temat"), max_length=200, blank=True)
    message = models.TextField(_("treść"), blank=True)
    page_url = models.CharField(_("adres strony"), max_length=500, blank=True)
    organization_name = models.CharField(_("organizacja"), max_length=300, blank=True)
    # Private until approved: no URL, outside MEDIA_ROOT (admin shows it to editors).
    image = SafeImageField(
        _("zdjęcie"),
        upload_to=private_upload_path,
        storage=private_storage,
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )

    # What the submission created or became.
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organizacja w bazie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    event = models.ForeignKey(
        "calendar_app.Event",
        verbose_name=_("wydarzenie w kalendarzu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    news = models.ForeignKey(
        "news.News",
        verbose_name=_("szkic artykułu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )

    # The sender (personal data).
    contact_name = models.CharField(_("imię i nazwisko"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=50, blank=True)
    wants_copy = models.BooleanField(_("kopia do nadawcy"), default=False)
    # The language of the form the sender filled in: their copy and the outcome
    # e-mail are written in it (the record itself and the editors' notices stay Polish).
    sender_language = models.CharField(
        _("język nadawcy"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    consent_at = models.DateTimeField(_("zgoda RODO"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("dane osobowe usunięte"), null=True, blank=True)

    # E-mail notice to the editors (after the record is saved).
    editors_notified_at = models.DateTimeField(_("powiadomiono redakcję"), null=True, blank=True)
    sender_copy_sent_at = models.DateTimeField(_("wysłano kopię nadawcy"), null=True, blank=True)
    # The outcome e-mail to the sender (approved, rejected with the reason, done).
    sender_notice_due_at = models.DateTimeField(_("wynik do wysłania nadawcy od"), null=True, blank=True)
    sender_notified_at = models.DateTimeField(_("wysłano nadawcy wynik"), null=True, blank=True)
    notify_attempts = models.PositiveSmallIntegerField(_("próby powiadomienia"), default=0)
    last_notify_error = models.TextField(_("ostatni błąd powiadomienia"), blank=True)

    # Moderation.
    created_at = models.DateTimeField(_("przyjęto"), default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(_("zamknięto"), null=True, blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    rejection_reason = models.TextField(_("powód odrzucenia"), blank=True)
    internal_note = models.TextField(_("notatka wewnętrzna"), blank=True, help_text=_("Widoczna tylko dla redakcji."))

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("zgłoszenie")
        verbose_name_plural = _("zgłoszenia")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_submission", "Może zatwierdzać, odrzucać i załatwiać zgłoszenia")]
        indexes = [
            # The moderation queue: WHERE status IN (new, in_progress) ORDER BY created_at.
            models.Index(fields=["status", "created_at"], name="submission_queue_idx"),
            # retry_submission_notifications: WHERE editors_notified_at IS NULL.
            models.Index(
                fields=["created_at"], condition=Q(editors_notified_at__isnull=True), name="submission_unnotified_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""), name="submission_rejected_has_reason"
            ),
            *ImageWithAltText.Meta.constraints,
            models.CheckConstraint(
                condition=Q(sender_language__in=[code for code, _name in settings.LANGUAGES]),
                name="submission_sender_language_known",
            ),
        ]

    def __str__(self):
        return f"{self.reference or '—'}: {self.summary}"

    def get_absolute_url(self):
        return reverse("admin:submissions_submission_change", args=[self.pk])

    @property
    def summary(self):
        if self.kind == self.Kind.ORGANIZATION and self.organization_id:
            return str(self.organization)
        if self.kind == self.Kind.EVENT and self.event_id:
            return str(self.event)
        return self.title or self.page_url or self.message[:80]

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @staticmethod
    def make_reference(pk, when):
        return f"PPS-{when.year}-{pk:06d}"


class PendingSubmission(Submission):
    """The moderation queue in admin: open submissions of every kind, oldest first."""

    class Meta:
        proxy = True
        verbose_name = _("zgłoszenie do moderacji")
        verbose_name_plural = _("kolejka moderacji")
