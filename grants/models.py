"""Konkursy ofert: the city's grant calls for NGOs and the grants they awarded.

* `GrantCall`: an open call for proposals (otwarty konkurs ofert), a small
  grant (mały grant, art. 19a) or another mode; a kind on the editorial
  core (publish, cancel with a reason, withdraw, expire, versions,
  history). Its public status follows from its dates (`grants.phases`).
* `Grant`: one awarded grant — the organization as the results name it
  (linked to its registry entry when the KRS or NIP matches a published
  one), the task, the amount, the date. Public once its call is resolved.
* `Funder`: who announces calls and awards the money (the city, or one of
  its units), named in the open data.
* `ResultsImport`: a results spreadsheet an editor uploaded, kept in
  private storage between the preview and the confirmation (and after, as
  the record of where the results came from).
"""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_ckeditor_5.fields import CKEditor5Field

from documents.models import DocumentsRelation
from editorial import versions
from editorial.fields import publication_window_constraints, publication_window_errors, visible_until_field
from editorial.states import State
from editorial.workflow import (
    REQUIRED_REASON,
    EditorialModel,
    EditorialQuerySet,
    Transition,
    Workflow,
    publish_step,
    withdraw_step,
)
from grants import phases
from grants.phases import Phase
from organizations.identifiers import KRSField, NIPField
from organizations.models import Area, Organization, WebsiteField
from pps_portal import redirects
from pps_portal.languages import SourceLanguageColumns
from pps_portal.sanitize import sanitize_translations
from pps_portal.text import unique_slug

# Amounts in złoty: up to 999 999 999 999,99.
AMOUNT_DIGITS = 14


class Funder(models.Model):
    """Who announces calls and pays the grants (the fundingOrganization of the open data)."""

    name = models.CharField(_("nazwa"), max_length=200, unique=True, help_text=_("Np. „Gmina Miasto Częstochowa”."))
    department = models.CharField(
        _("komórka"), max_length=200, blank=True, help_text=_("Np. „Wydział Polityki Społecznej”.")
    )
    nip = NIPField(_("NIP"), blank=False, help_text=_("Identyfikuje grantodawcę w otwartych danych (PL-NIP-…)."))

    class Meta:
        verbose_name = _("grantodawca")
        verbose_name_plural = _("grantodawcy")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(nip__regex=r"^[0-9]{10}$"), name="funder_nip_digits"),
        ]

    def __str__(self):
        return self.name

    @property
    def org_id(self):
        """The org-id.guide identifier: "PL-NIP-5730001234"."""
        return f"PL-NIP-{self.nip}"


class GrantCallQuerySet(EditorialQuerySet):
    """Reads of grant calls. "Public" is `published()` from the editorial core
    (published or cancelled, within its publication window); the public
    status is `with_phase()` / `in_phase()` from `grants.phases`."""

    def with_phase(self, now=None):
        """Annotate `current_phase` (a `Phase` value) and `phase_rank` (listing order), computed in SQL."""
        return self.annotate(current_phase=phases.phase_expression(now), phase_rank=phases.rank_expression(now))

    def in_phase(self, phase, now=None):
        """Calls whose phase is `phase` (a plain filter the indexes can serve)."""
        return self.filter(phases.phase_q(phase, now))

    def for_listing(self, now=None):
        """Public calls in listing order: open (soonest deadline first), upcoming
        (soonest opening first), being evaluated, resolved (newest first),
        cancelled; with what a card prints (the description stays in the database)."""
        return (
            self.published()
            .with_phase(now)
            .select_related("area")
            .defer("description", "application_info", "cancellation_reason")
            .annotate(
                soonest=models.Case(
                    models.When(phases.phase_q(Phase.OPEN, now), then=F("deadline_at")),
                    models.When(phases.phase_q(Phase.ANNOUNCED, now), then=F("applications_open_at")),
                )
            )
            .order_by(
                "phase_rank",
                F("soonest").asc(nulls_last=True),
                F("resolved_on").desc(nulls_last=True),
                "-deadline_at",
                "-pk",
            )
        )

    def open_now(self, now=None):
        """Public calls taking applications now, nearest deadline first (the home page block)."""
        return self.published().in_phase(Phase.OPEN, now).select_related("area").order_by("deadline_at", "pk")

    def next_phase_change(self, now, horizon):
        """The first moment in (now, horizon] at which a public call changes phase
        (applications open, the deadline passes, results are announced), or None."""
        public = self.published()
        candidates = [
            public.filter(applications_open_at__gt=now, applications_open_at__lte=horizon)
            .order_by("applications_open_at")
            .values_list("applications_open_at", flat=True)
            .first(),
            public.filter(deadline_at__gt=now, deadline_at__lte=horizon)
            .order_by("deadline_at")
            .values_list("deadline_at", flat=True)
            .first(),
        ]
        today = timezone.localdate(now)
        resolved_on = (
            public.filter(resolved_on__gt=today).order_by("resolved_on").values_list("resolved_on", flat=True).first()
        )
        if resolved_on is not None and phases.local_midnight(resolved_on) <= horizon:
            candidates.append(phases.local_midnight(resolved_on))
        found = [moment for moment in candidates if moment is not None]
        return min(found) if found else None


class GrantCall(SourceLanguageColumns, EditorialModel, models.Model):
    """A call for proposals (or a small-grant round) of the city."""

    workflow = Workflow(
        states=[State.DRAFT, State.PUBLISHED, State.CANCELLED, State.WITHDRAWN],
        initial=State.DRAFT,
        # Cancelled calls stay public, marked "unieważniony" with the reason.
        public_states=[State.PUBLISHED, State.CANCELLED],
        reason_field="cancellation_reason",
        schedule_field="published_at",
        expiry_field="visible_until",
        counted=ngettext_lazy("%(count)d konkurs", "%(count)d konkursów", "count"),
        transitions=[
            publish_step([State.DRAFT, State.WITHDRAWN]),
            Transition(
                "cancel",
                _("Unieważnij"),
                done=_("Unieważniono"),
                # Only a published call: cancelled is public, so cancelling a
                # draft would publish it.
                sources=[State.PUBLISHED],
                target=State.CANCELLED,
                reason=REQUIRED_REASON,
                reason_field="cancellation_reason",
                reason_label=_("Powód unieważnienia (widoczny publicznie)"),
                reason_help=_("Np. „Nie złożono żadnej oferty” albo „Żadna z ofert nie spełniła wymogów formalnych”."),
                guard="grants.services.cancel_refusal",
                effect="grants.services.stamp_cancelled",
            ),
            withdraw_step([State.PUBLISHED, State.CANCELLED]),
        ],
    )

    class Kind(models.TextChoices):
        # Values are what `?rodzaj=` takes in the list's query string.
        OPEN_CALL = "otwarty-konkurs", _("otwarty konkurs ofert")
        SMALL_GRANT = "maly-grant", _("mały grant")
        OTHER = "inny", _("inny tryb")

    title = models.CharField(_("tytuł"), max_length=300)
    slug = models.SlugField(
        _("identyfikator w adresie"),
        max_length=220,
        unique=True,
        blank=True,
        help_text=_("Tworzony z tytułu, gdy pusty. Po zmianie stary adres przekierowuje na nowy."),
    )
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices, default=Kind.OPEN_CALL)
    area = models.ForeignKey(
        Area,
        verbose_name=_("obszar zadań publicznych"),
        related_name="grant_calls",
        on_delete=models.PROTECT,
        help_text=_("Obszar z Bazy NGO; według niego liczone są statystyki dotacji."),
    )
    funder = models.ForeignKey(
        Funder, verbose_name=_("grantodawca"), related_name="grant_calls", on_delete=models.PROTECT
    )
    budget = models.DecimalField(
        _("łączna kwota do rozdysponowania (zł)"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    announced_on = models.DateField(_("data ogłoszenia"), default=timezone.localdate)
    applications_open_at = models.DateTimeField(
        _("początek naboru ofert"), help_text=_("Czas polski. Do tej chwili konkurs jest „zapowiedziany”.")
    )
    deadline_at = models.DateTimeField(
        _("termin składania ofert"),
        help_text=_("Czas polski, co do minuty. Od tej chwili konkurs jest w „ocenie ofert”."),
    )
    results_expected_on = models.DateField(
        _("planowany termin rozstrzygnięcia"), null=True, blank=True, help_text=_("Informacyjnie, dla oferentów.")
    )
    resolved_on = models.DateField(
        _("data rozstrzygnięcia"),
        null=True,
        blank=True,
        help_text=_(
            "Od tego dnia konkurs jest „rozstrzygnięty”, a jego wyniki są publiczne. "
            "Import wyników uzupełnia ją, gdy jest pusta."
        ),
    )
    application_url = WebsiteField(
        _("gdzie składać oferty"),
        max_length=500,
        help_text=_("Adres Elektronicznego Generatora lub innego miejsca składania ofert."),
    )
    application_info = models.TextField(
        _("jak złożyć ofertę"),
        blank=True,
        help_text=_("Zwykły tekst, np. o potwierdzeniu złożenia oferty w kancelarii urzędu."),
    )
    description = CKEditor5Field(_("opis"), config_name="default", blank=True)
    contact_name = models.CharField(_("osoba do kontaktu"), max_length=200, blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=50, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)

    status = workflow.state_field_definition(_("status"))
    published_at = models.DateTimeField(
        _("data publikacji"),
        null=True,
        blank=True,
        help_text=_(
            "Konkurs opublikowany z datą w przyszłości pojawi się sam. Pusta — data ustawi się przy publikacji."
        ),
    )
    visible_until = visible_until_field()
    cancellation_reason = models.TextField(_("powód unieważnienia"), blank=True)
    cancelled_at = models.DateTimeField(_("unieważniono"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    documents = DocumentsRelation()

    objects = GrantCallQuerySet.as_manager()

    class Meta:
        verbose_name = _("konkurs")
        verbose_name_plural = _("konkursy")
        ordering = ["-deadline_at", "-pk"]
        permissions = [("moderate_grantcall", "Może publikować, unieważniać i wycofywać konkursy")]
        indexes = [
            # Open calls (home block, list, .ics): public ones by deadline.
            models.Index(fields=["status", "deadline_at"], name="grantcall_status_deadline"),
            # ?rok= on the list: announced_on BETWEEN Jan 1 AND Dec 31.
            models.Index(fields=["announced_on"], name="grantcall_announced_on"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(budget__gte=0), name="grantcall_budget_not_negative"),
            models.CheckConstraint(
                condition=Q(deadline_at__gt=F("applications_open_at")),
                name="grantcall_deadline_after_opening",
                violation_error_message=_("Termin składania ofert musi być później niż początek naboru."),
            ),
            models.CheckConstraint(
                condition=~Q(status=State.CANCELLED) | (~Q(cancellation_reason="") & Q(cancelled_at__isnull=False)),
                name="grantcall_cancelled_has_reason",
            ),
            *publication_window_constraints("grantcall"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(GrantCall, self.title, fallback="konkurs", max_length=214)
        # Stored sanitized: templates print the description as is.
        sanitize_translations(self, "description")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("grants:detail", kwargs={"slug": self.slug})

    def get_ics_url(self):
        return reverse("grants:call_ics", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.applications_open_at and self.deadline_at and self.deadline_at <= self.applications_open_at:
            errors["deadline_at"] = _("Termin składania ofert musi być później niż początek naboru.")
        deadline_day = timezone.localdate(self.deadline_at) if self.deadline_at else None
        if deadline_day and self.resolved_on and self.resolved_on < deadline_day:
            errors["resolved_on"] = _("Konkurs nie może być rozstrzygnięty przed terminem składania ofert.")
        if deadline_day and self.results_expected_on and self.results_expected_on < deadline_day:
            errors["results_expected_on"] = _("Rozstrzygnięcie nie może być planowane przed terminem składania ofert.")
        errors.update(publication_window_errors(self))
        if errors:
            raise ValidationError(errors)

    @property
    def phase(self):
        """The public status now (`grants.phases`; lists read the SQL annotation instead)."""
        annotated = self.__dict__.get("current_phase")
        return Phase(annotated) if annotated else phases.phase_of(self)

    @property
    def days_left(self):
        """Calendar days left to apply (0 on the last day), or None when not open."""
        if self.phase != Phase.OPEN:
            return None
        return phases.days_left(self.deadline_at)

    @property
    def is_small_grant(self):
        return self.kind == self.Kind.SMALL_GRANT


class GrantQuerySet(models.QuerySet):
    """Reads of awarded grants. "Public" is `public()`: grants of public calls
    whose results date has come (`Phase.RESOLVED`)."""

    def public(self, now=None):
        resolved = GrantCall.objects.published().in_phase(Phase.RESOLVED, now)
        return self.filter(call__in=resolved.values("pk"))

    def of_organization(self, organization):
        return self.filter(organization=organization)

    def for_results(self):
        """A call's results table: in the editors' order, each with its registry entry
        (whose search columns stay in the database)."""
        return (
            self.select_related("organization")
            .defer("organization__search_vector", "organization__search_terms", "organization__name_search")
            .order_by("position", "pk")
        )


class Grant(models.Model):
    """One grant awarded in a call's results."""

    call = models.ForeignKey(GrantCall, verbose_name=_("konkurs"), related_name="grants", on_delete=models.CASCADE)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organizacja w Bazie NGO"),
        related_name="grants",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Uzupełniana sama, gdy KRS lub NIP pasuje do opublikowanej organizacji."),
    )
    recipient_name = models.CharField(
        _("organizacja (nazwa z wyników)"),
        max_length=300,
        blank=True,
        help_text=_("Pusta — nazwa organizacji z Bazy NGO."),
    )
    krs = KRSField(_("KRS"))
    nip = NIPField(_("NIP"))
    task_title = models.CharField(_("tytuł zadania"), max_length=500)
    amount = models.DecimalField(
        _("przyznana kwota (zł)"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    awarded_on = models.DateField(
        _("data przyznania"), blank=True, help_text=_("Pusta — data rozstrzygnięcia konkursu (albo dzisiejsza).")
    )
    position = models.PositiveIntegerField(_("kolejność"), default=0)
    created_at = models.DateTimeField(_("dodano"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("dotacja")
        verbose_name_plural = _("dotacje (wyniki)")
        ordering = ["call", "position", "pk"]
        indexes = [
            # A call's results in the editors' order.
            models.Index(fields=["call", "position"], name="grant_call_position"),
            # An organization's page: its grants, newest first.
            models.Index(fields=["organization", "-awarded_on"], name="grant_organization_awarded"),
            # Linking results to an organization published later (services.link_grants_to).
            models.Index(fields=["krs"], condition=~Q(krs=""), name="grant_krs"),
            models.Index(fields=["nip"], condition=~Q(nip=""), name="grant_nip"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="grant_amount_positive"),
            models.CheckConstraint(
                condition=~Q(recipient_name="") | Q(organization__isnull=False), name="grant_has_recipient"
            ),
            models.CheckConstraint(condition=Q(krs="") | Q(krs__regex=r"^[0-9]{10}$"), name="grant_krs_digits"),
            models.CheckConstraint(condition=Q(nip="") | Q(nip__regex=r"^[0-9]{10}$"), name="grant_nip_digits"),
        ]

    def __str__(self):
        return f"{self.recipient_display}: {self.task_title}"

    def save(self, *args, **kwargs):
        if self.awarded_on is None:
            self.awarded_on = (self.call.resolved_on if self.call_id else None) or timezone.localdate()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.call.get_absolute_url()}#wyniki"

    def clean(self):
        if not self.recipient_name.strip() and self.organization_id is None:
            raise ValidationError(
                {"recipient_name": _("Podaj nazwę organizacji albo wybierz ją z Bazy NGO.")}, code="required"
            )

    @property
    def recipient_display(self):
        return self.recipient_name or (self.organization.name if self.organization_id else "")

    @property
    def public_organization(self):
        """The linked registry entry, when it is public now (else the name as given is shown)."""
        organization = self.organization if self.organization_id else None
        return organization if organization is not None and organization.is_public else None


def import_upload_to(instance, filename):
    """A random name; the uploader's file name is kept in `filename`, never used for storage."""
    extension = instance.file_format if instance.file_format in ("csv", "xlsx") else "bin"
    return f"wyniki-konkursow/{uuid.uuid4().hex}.{extension}"


def private_storage():
    # Outside MEDIA_ROOT, without a URL: only editors reach it, through admin.
    return storages["private"]


class ResultsImport(models.Model):
    """A results file an editor uploaded for a call: previewed, then applied once."""

    call = models.ForeignKey(GrantCall, verbose_name=_("konkurs"), related_name="imports", on_delete=models.CASCADE)
    file = models.FileField(_("plik"), upload_to=import_upload_to, storage=private_storage, max_length=200)
    filename = models.CharField(_("nazwa pliku"), max_length=200)
    file_format = models.CharField(_("format"), max_length=10)
    awarded_on = models.DateField(_("data przyznania dotacji"))
    replace_existing = models.BooleanField(_("zastąp dotychczasowe wyniki"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("przesłał(a)"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("przesłano"), default=timezone.now)
    applied_at = models.DateTimeField(_("zapisano wyniki"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zapisał(a)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    saved_count = models.PositiveIntegerField(_("zapisane wiersze"), default=0)

    class Meta:
        verbose_name = _("import wyników")
        verbose_name_plural = _("importy wyników")
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(file_format__in=["csv", "xlsx"]), name="resultsimport_format"),
        ]

    def __str__(self):
        return f"{self.filename} ({self.call})"

    def get_absolute_url(self):
        return reverse("admin:grants_grantcall_import_preview", args=[self.call_id, self.pk])


def _delete_import_file(sender, instance, **kwargs):
    """A deleted import (with its call, or pruned) loses its file once the deletion commits."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


models.signals.post_delete.connect(_delete_import_file, sender=ResultsImport)

versions.register(GrantCall)
# A call whose slug changes keeps answering at its old page and .ics (301).
redirects.track(GrantCall, urls=lambda call: [call.get_absolute_url(), call.get_ics_url()])
