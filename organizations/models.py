import datetime
import hashlib
import re
import secrets

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Func, Q, TextField
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from editorial import versions
from editorial.states import State
from editorial.workflow import (
    OPTIONAL_REASON,
    EditorialModel,
    EditorialQuerySet,
    Transition,
    Workflow,
    publish_step,
    reject_step,
    withdraw_step,
)
from organizations import freshness
from organizations.identifiers import KRSField, NIPField, REGONField
from organizations.querysets import OrganizationQuerySet
from pps_portal import redirects
from pps_portal.images import SafeImageField
from pps_portal.text import unique_slug

# Polish alphabetical order (Ł after L, Ż last) wherever names are sorted:
# an ICU collation on the column, so ORDER BY name is right in admin, views
# and other apps' queries alike.
POLISH = "pl-x-icu"

validate_postal_code = RegexValidator(
    r"^\d{2}-\d{3}$", _("Podaj kod pocztowy w postaci NN-NNN, np. 42-217."), code="invalid_postal_code"
)


class WebsiteField(models.URLField):
    """A URL field whose forms read "example.org" as https://example.org."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class Area(models.Model):
    """An area of activity (obszar działalności), an editable list."""

    name = models.CharField(_("nazwa"), max_length=120, unique=True, db_collation=POLISH)
    slug = models.SlugField(_("identyfikator w adresie"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("obszar działalności")
        verbose_name_plural = _("obszary działalności")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('organizations:list')}?obszar={self.slug}"


class District(models.Model):
    """A district (dzielnica) of the city, an editable list."""

    name = models.CharField(_("nazwa"), max_length=120, unique=True, db_collation=POLISH)
    slug = models.SlugField(_("identyfikator w adresie"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("dzielnica")
        verbose_name_plural = _("dzielnice")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('organizations:list')}?dzielnica={self.slug}"


class Organization(EditorialModel, models.Model):
    """An organization in the city's registry (Baza NGO).

    Public only when published: see `Organization.workflow` and
    `OrganizationQuerySet.published()`.
    """

    workflow = Workflow(
        states=[State.PENDING, State.PUBLISHED, State.REJECTED, State.WITHDRAWN],
        initial=State.PENDING,
        reason_field="rejection_reason",
        counted=ngettext_lazy("%(count)d organizację", "%(count)d organizacji", "count"),
        transitions=[
            # Publishing means the editors checked the data.
            publish_step(
                [State.PENDING, State.REJECTED, State.WITHDRAWN], effect="organizations.services.mark_verified"
            ),
            reject_step(
                [State.PENDING, State.PUBLISHED, State.WITHDRAWN],
                reason_help=_("Zostaje w rekordzie; organizacja znika ze wszystkich stron publicznych."),
            ),
            withdraw_step([State.PUBLISHED], label=_("Wycofaj z bazy")),
        ],
    )
    Status = State

    class LegalForm(models.TextChoices):
        FOUNDATION = "fundacja", _("fundacja")
        ASSOCIATION = "stowarzyszenie", _("stowarzyszenie")
        ORDINARY_ASSOCIATION = "stowarzyszenie-zwykle", _("stowarzyszenie zwykłe")
        VOLUNTEER_FIRE_BRIGADE = "osp", _("ochotnicza straż pożarna")
        FIRE_BRIGADE_UNION = "zwiazek-osp", _("związek OSP")
        SPORTS_CLUB = "klub-sportowy", _("klub sportowy")
        STUDENT_SPORTS_CLUB = "uks", _("uczniowski klub sportowy")
        SOCIAL_COOPERATIVE = "spoldzielnia-socjalna", _("spółdzielnia socjalna")
        CHURCH_ENTITY = "koscielna-osoba-prawna", _("kościelna osoba prawna")
        OTHER = "inna", _("inna")

    class RegistryStatus(models.TextChoices):
        """What the court register (or the starost's register) says of the
        organization itself, as opposed to the editorial state of its entry:
        a fact with a date that editors copy from the register."""

        ACTIVE = "active", _("działa")
        IN_LIQUIDATION = "in_liquidation", _("w likwidacji")
        STRUCK_OFF = "struck_off", _("wykreślona z KRS")

    name = models.CharField(_("nazwa"), max_length=300, db_collation=POLISH)
    slug = models.SlugField(
        _("identyfikator w adresie"),
        max_length=120,
        unique=True,
        help_text=_("Część adresu strony organizacji. Nie zmieniaj po publikacji: linki do niej krążą."),
    )
    legal_form = models.CharField(_("forma prawna"), max_length=30, choices=LegalForm.choices)
    krs = KRSField(
        _("numer KRS"),
        help_text=_("10 cyfr; wiodące zera można pominąć. Puste, jeśli organizacja nie jest w KRS."),
    )
    nip = NIPField(_("NIP"), help_text=_("10 cyfr, z kreskami lub bez."))
    regon = REGONField(_("REGON"), help_text=_("9 lub 14 cyfr."))
    is_public_benefit = models.BooleanField(
        _("organizacja pożytku publicznego (OPP)"),
        default=False,
        help_text=_("Może otrzymać 1,5% podatku. Wymaga numeru KRS."),
    )
    areas = models.ManyToManyField(
        Area, verbose_name=_("obszary działalności"), related_name="organizations", blank=True
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("dzielnica"),
        related_name="organizations",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    street_address = models.CharField(_("ulica i numer"), max_length=200, blank=True)
    postal_code = models.CharField(_("kod pocztowy"), max_length=6, blank=True, validators=[validate_postal_code])
    city = models.CharField(_("miejscowość"), max_length=100, blank=True, default="Częstochowa")
    phone = models.CharField(_("telefon"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = WebsiteField(_("strona internetowa"), max_length=300, blank=True)
    description = models.TextField(
        _("opis działalności"), blank=True, help_text=_("Zwykły tekst; pusta linia zaczyna nowy akapit.")
    )
    logo = SafeImageField(
        _("logo"), upload_to="organizations/", blank=True, width_field="logo_width", height_field="logo_height"
    )
    # Stored so templates can print width/height without opening the file.
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_alt = models.CharField(
        _("tekst alternatywny logo"),
        max_length=300,
        blank=True,
        help_text=_("Wymagany, gdy dodano logo, np. „Logo Fundacji Oczami Brata”."),
    )

    status = workflow.state_field_definition(
        _("status"),
        db_index=True,
        help_text=_("Tylko opublikowane organizacje są widoczne w serwisie i w eksporcie danych."),
    )
    rejection_reason = models.TextField(_("powód odrzucenia"), blank=True)
    verified_at = models.DateTimeField(
        _("zweryfikowano"), null=True, blank=True, help_text=_("Kiedy redakcja ostatnio sprawdziła dane.")
    )
    # Removal from the register: a fact about the organization, not an
    # editorial state (see organizations/__init__.py, "Removed organizations").
    registry_status = models.CharField(
        _("status w rejestrze"),
        max_length=20,
        choices=RegistryStatus.choices,
        default=RegistryStatus.ACTIVE,
        help_text=_(
            "„W likwidacji” i „wykreślona z KRS” zdejmują wpis z listy, wyszukiwarki, wykazu OPP i mapy "
            "strony; strona organizacji zostaje i wyjaśnia, co się stało."
        ),
    )
    registry_status_since = models.DateField(
        _("od dnia"),
        null=True,
        blank=True,
        help_text=_("Data otwarcia likwidacji albo wykreślenia z rejestru. Tylko dla tych dwóch stanów."),
    )
    # Freshness (organizations.freshness): when the data was last said to be
    # current, by the organization (a click in the yearly e-mail, an approved
    # update) or by the editors (publishing, or this field in admin).
    confirmed_at = models.DateTimeField(
        _("dane potwierdzone"),
        default=timezone.now,
        help_text=_(
            "Kiedy organizacja lub redakcja ostatnio potwierdziła, że dane są aktualne. Po 12 miesiącach "
            "organizacja dostaje prośbę o potwierdzenie, po 24 strona mówi, że dane są niepotwierdzone."
        ),
    )
    reminder_sent_at = models.DateTimeField(_("wysłano prośbę o potwierdzenie"), null=True, blank=True)
    reminders_stopped_at = models.DateTimeField(
        _("wypisano z próśb o potwierdzenie"),
        null=True,
        blank=True,
        help_text=_("Organizacja nie chce corocznych wiadomości. Wyczyść pole, aby je wznowić."),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zaktualizowano"), auto_now=True)

    # Full text of the name (weight A) and description (B), unaccented by the
    # shared `pps_search` configuration; kept by PostgreSQL itself.
    search_vector = models.GeneratedField(
        expression=SearchVector("name", weight="A", config="pps_search")
        + SearchVector("description", weight="B", config="pps_search"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # The name as searches compare it (lower case, no Polish letters), stored
    # so ranking does not unaccent every candidate row.
    name_search = models.GeneratedField(
        expression=Func(Lower("name"), function="immutable_unaccent", output_field=TextField()),
        output_field=TextField(),
        db_persist=True,
    )
    # The same words as a plain array, so a search can ask "does this record
    # contain any of these words" (&&) for the spelling variants of a typed word.
    search_terms = models.GeneratedField(
        expression=Func(
            SearchVector("name", "description", config="pps_search"),
            function="tsvector_to_array",
            output_field=ArrayField(TextField()),
        ),
        output_field=ArrayField(TextField()),
        db_persist=True,
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organizacja")
        verbose_name_plural = _("organizacje")
        ordering = ["name", "pk"]
        permissions = [("moderate_organization", "Może publikować, odrzucać i wycofywać organizacje")]
        indexes = [
            # Ranking and phrase matching: search_vector @@ websearch_to_tsquery('pps_search', q).
            GinIndex(fields=["search_vector"], name="organization_search_vector"),
            # Typo/ending-tolerant search: search_terms && ARRAY(similar terms), see querysets.search().
            GinIndex(fields=["search_terms"], name="organization_search_terms"),
            # A one-word query close to a part of a name (querysets.search()):
            # name_search %> 'rescueteam' (word similarity), also LIKE '%fragment%'.
            GinIndex(OpClass("name_search", name="gin_trgm_ops"), name="organization_name_search_trgm"),
            # The public list: WHERE status = 'published' ORDER BY name (ICU collation).
            models.Index(fields=["status", "name"], name="organization_status_name"),
            # send_confirmation_reminders, the statistics and admin's freshness
            # filter: published entries WHERE confirmed_at < <a date>.
            models.Index(fields=["confirmed_at"], condition=Q(status="published"), name="organization_confirmed_idx"),
        ]
        constraints = [
            # One published record per KRS. Pending ones may share it: a
            # submission must never be blocked by (or reveal) another pending
            # entry; editors see the duplicates and publish only one.
            models.UniqueConstraint(
                fields=["krs"],
                condition=~Q(krs="") & Q(status="published"),
                name="organization_krs_unique",
                violation_error_message=_("Opublikowana organizacja o tym numerze KRS jest już w bazie."),
            ),
            models.CheckConstraint(condition=Q(krs="") | Q(krs__regex=r"^[0-9]{10}$"), name="organization_krs_digits"),
            models.CheckConstraint(condition=Q(nip="") | Q(nip__regex=r"^[0-9]{10}$"), name="organization_nip_digits"),
            models.CheckConstraint(
                condition=Q(regon="") | Q(regon__regex=r"^([0-9]{9}|[0-9]{14})$"), name="organization_regon_digits"
            ),
            models.CheckConstraint(condition=Q(is_public_benefit=False) | ~Q(krs=""), name="organization_opp_has_krs"),
            models.CheckConstraint(
                condition=Q(postal_code="") | Q(postal_code__regex=r"^[0-9]{2}-[0-9]{3}$"),
                name="organization_postal_code_format",
            ),
            models.CheckConstraint(condition=Q(logo="") | ~Q(logo_alt=""), name="organization_logo_has_alt"),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""), name="organization_rejected_has_reason"
            ),
            models.CheckConstraint(
                condition=Q(registry_status="active", registry_status_since__isnull=True)
                | (~Q(registry_status="active") & Q(registry_status_since__isnull=False)),
                name="organization_removal_has_date",
                violation_error_message=_("Podaj datę likwidacji albo wykreślenia, i tylko dla tych stanów."),
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Organization, self.name, fallback="organizacja", max_length=114)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("organizations:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.logo and not self.logo_alt.strip():
            errors["logo_alt"] = _("Podaj tekst alternatywny dla logo.")
        if self.is_public_benefit and not self.krs:
            errors["krs"] = _("Organizacja pożytku publicznego musi mieć numer KRS.")
        removed = self.registry_status != self.RegistryStatus.ACTIVE
        if removed and self.registry_status_since is None:
            errors["registry_status_since"] = _("Podaj datę otwarcia likwidacji albo wykreślenia.")
        elif not removed and self.registry_status_since is not None:
            errors["registry_status_since"] = _("Datę podaje się tylko dla organizacji w likwidacji lub wykreślonej.")
        if errors:
            raise ValidationError(errors)

    # -- removal from the register ----------------------------------------

    @property
    def is_removed(self):
        """In liquidation or struck off: off every list, its page explains it."""
        return self.registry_status != self.RegistryStatus.ACTIVE

    @property
    def is_struck_off(self):
        return self.registry_status == self.RegistryStatus.STRUCK_OFF

    @property
    def registry_status_label(self):
        """ "wykreślona z KRS", or "z rejestru" for forms kept outside the KRS (UKS, ordinary associations)."""
        if self.is_struck_off and not self.krs:
            return _("wykreślona z rejestru")
        return self.get_registry_status_display()

    # -- freshness ----------------------------------------------------------

    @property
    def unconfirmed_since(self):
        """The (local) day of the last confirmation when that is more than
        STALE_AFTER_MONTHS ago ("Dane niepotwierdzone od …"), else None."""
        if self.confirmed_at < freshness.confirmed_before(freshness.STALE_AFTER_MONTHS):
            return timezone.localdate(self.confirmed_at)
        return None

    @property
    def update_email(self):
        """Where one-time update links and reminders go: the public address of the entry."""
        return self.email.strip()

    @property
    def phone_uri(self):
        """The number for a tel: link (digits and +)."""
        return re.sub(r"[^\d+]", "", self.phone)

    @property
    def full_address(self):
        locality = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.street_address, locality) if part)


class SearchTerm(models.Model):
    """Every distinct word that occurs in any organization's name or description.

    Filled by a database trigger (migration 0003) whenever an organization
    is inserted or its text changes, so bulk inserts keep it current too. A
    search looks up the spelling variants of each typed word here with
    trigram similarity (`fundcja` → `fundacja`, `edukacji` → `edukacja`),
    then asks the organization table for records containing any of them.
    Stale words (from edited records) only ever expand to nothing.
    """

    term = models.TextField(primary_key=True)

    class Meta:
        verbose_name = _("słowo wyszukiwania")
        verbose_name_plural = _("słowa wyszukiwania")
        indexes = [
            # term % 'fundcja' and term LIKE 'eduk%' in OrganizationQuerySet.search().
            GinIndex(OpClass("term", name="gin_trgm_ops"), name="searchterm_term_trgm"),
        ]

    def __str__(self):
        return self.term


# Bookkeeping of reminders and confirmations is not content: a restored
# version must not make an entry stale or send reminders again.
versions.register(Organization, exclude=["confirmed_at", "reminder_sent_at", "reminders_stopped_at"])
redirects.track(Organization)


def hash_token(token):
    """The stored form of a one-time token (only its SHA-256 is kept)."""
    return hashlib.sha256(token.encode()).hexdigest()


class UpdateLinkQuerySet(models.QuerySet):
    def recent_for(self, organization, *, since):
        """Links asked for the organization since `since` (the per-entry limit)."""
        return self.filter(organization=organization, created_at__gte=since)


class UpdateLink(models.Model):
    """A one-time link an organization uses to propose changes to its entry.

    Sent only to the entry's public e-mail address and bound to it: if the
    address changes, the link stops working. Only a hash of the token is
    stored, so the table gives nobody a working link. Used once (a change
    sent through it marks it used, and `OrganizationChange.link` is unique),
    valid for LIFETIME.
    """

    LIFETIME = datetime.timedelta(days=7)

    organization = models.ForeignKey(
        Organization, verbose_name=_("organizacja"), on_delete=models.CASCADE, related_name="update_links"
    )
    email = models.EmailField(_("wysłano na adres"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("utworzono"), default=timezone.now)
    expires_at = models.DateTimeField(_("ważny do"))
    used_at = models.DateTimeField(_("użyto"), null=True, blank=True)

    objects = UpdateLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("link do aktualizacji danych")
        verbose_name_plural = _("linki do aktualizacji danych")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The per-entry limit: WHERE organization_id = … AND created_at >= ….
            models.Index(fields=["organization", "created_at"], name="updatelink_org_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="updatelink_expires_after_created"
            ),
        ]

    def __str__(self):
        return f"{self.organization} → {self.email} ({self.created_at:%Y-%m-%d %H:%M})"

    @classmethod
    def issue(cls, organization, *, now=None):
        """A new link for the entry's current address: (link, token). The token is never stored."""
        now = now or timezone.now()
        token = secrets.token_urlsafe(32)
        link = cls.objects.create(
            organization=organization,
            email=organization.update_email,
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + cls.LIFETIME,
        )
        return link, token

    def get_absolute_url_with(self, token):
        return reverse("organizations:update_form", kwargs={"slug": self.organization.slug, "token": token})

    def refusal(self, now=None):
        """Why the link cannot be used now (a `LinkProblem`), or None."""
        now = now or timezone.now()
        organization = self.organization
        if self.used_at is not None:
            return LinkProblem.USED
        if self.expires_at <= now:
            return LinkProblem.EXPIRED
        if (
            organization.status != Organization.Status.PUBLISHED
            or organization.is_struck_off
            or organization.update_email.lower() != self.email.lower()
        ):
            return LinkProblem.OUTDATED
        return None


class LinkProblem(models.TextChoices):
    """Why a link from an e-mail does not work: each has its own page."""

    INVALID = "invalid", _("Ten link jest nieprawidłowy")
    USED = "used", _("Ten link został już użyty")
    EXPIRED = "expired", _("Ten link wygasł")
    OUTDATED = "outdated", _("Ten link jest nieaktualny")


# The entry's fields an organization may propose to change (the logo and
# the address in the page's URL stay with the editors).
UPDATABLE_FIELDS = [
    "name",
    "legal_form",
    "krs",
    "nip",
    "regon",
    "is_public_benefit",
    "areas",
    "district",
    "street_address",
    "postal_code",
    "city",
    "phone",
    "email",
    "website",
    "description",
]


class OrganizationChangeQuerySet(EditorialQuerySet):
    def waiting(self):
        """Changes waiting for an editor, oldest first."""
        return self.filter(status=State.PENDING).order_by("created_at", "pk")

    def editors_unnotified(self):
        """Changes whose notice to the editors has not gone out yet."""
        return self.filter(editors_notified_at__isnull=True).order_by("created_at", "pk")

    def outcome_due(self):
        """Decided changes whose organization has not been told the outcome yet."""
        return self.filter(
            status__in=[State.APPROVED, State.REJECTED], decided_at__isnull=False, outcome_notified_at__isnull=True
        ).order_by("decided_at", "pk")


class OrganizationChange(EditorialModel, models.Model):
    """Changes an organization proposed to its own entry: a pending change.

    Holds the proposed values of `UPDATABLE_FIELDS` (`proposed`) and the
    entry's values when they were sent (`original`); nothing reaches the
    entry until an editor approves, through the editorial core. Approving
    applies the fields the editor chose (`applied_fields`, all changed ones
    by default) to the organization, keeping a version and a history entry
    of it; rejecting keeps the reason; either way the organization is told
    by e-mail at the address the link went to.
    """

    workflow = Workflow(
        states=[State.PENDING, State.APPROVED, State.REJECTED],
        initial=State.PENDING,
        public_states=[],  # a proposal is never public; the entry is
        reason_field="reply",
        counted=ngettext_lazy("%(count)d zmianę danych", "%(count)d zmian danych", "count"),
        transitions=[
            Transition(
                "approve",
                _("Zatwierdź zmiany"),
                done=_("Zatwierdzono zmiany"),
                sources=[State.PENDING],
                target=State.APPROVED,
                reason=OPTIONAL_REASON,
                reason_field="reply",
                reason_label=_("Wiadomość do organizacji (opcjonalnie)"),
                reason_help=_("Trafi do organizacji razem z listą przyjętych zmian, np. dlaczego pominięto pole."),
                guard="organizations.services.change_approval_refusal",
                effect="organizations.services.apply_change",
                notify="organizations.notifications.notify_change_outcome",
            ),
            reject_step(
                [State.PENDING],
                reason_help=_("Organizacja dostanie go w wiadomości e-mail; wpis zostaje bez zmian."),
                effect="organizations.services.close_change",
                notify="organizations.notifications.notify_change_outcome",
            ),
        ],
    )

    organization = models.ForeignKey(
        Organization, verbose_name=_("organizacja"), on_delete=models.CASCADE, related_name="changes"
    )
    status = workflow.state_field_definition()
    link = models.OneToOneField(
        UpdateLink,
        verbose_name=_("link"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="change",
        help_text=_("Jeden link — jedna zmiana."),
    )
    email = models.EmailField(_("odpowiedź na adres"), help_text=_("Adres, na który wysłano link."))
    proposed = models.JSONField(_("proponowane dane"), encoder=DjangoJSONEncoder)
    original = models.JSONField(_("dane w chwili wysłania"), encoder=DjangoJSONEncoder)
    changed_fields = ArrayField(models.CharField(max_length=40), verbose_name=_("zmienione pola"), default=list)
    applied_fields = ArrayField(
        models.CharField(max_length=40), verbose_name=_("przyjęte pola"), default=list, blank=True
    )
    message = models.TextField(_("uwagi organizacji"), blank=True)
    reply = models.TextField(_("odpowiedź redakcji"), blank=True)
    created_at = models.DateTimeField(_("wysłano"), default=timezone.now)
    decided_at = models.DateTimeField(_("rozpatrzono"), null=True, blank=True)
    editors_notified_at = models.DateTimeField(_("powiadomiono redakcję"), null=True, blank=True)
    outcome_notified_at = models.DateTimeField(_("wysłano organizacji wynik"), null=True, blank=True)

    objects = OrganizationChangeQuerySet.as_manager()

    class Meta:
        verbose_name = _("zmiana danych od organizacji")
        verbose_name_plural = _("zmiany danych od organizacji")
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_organizationchange", "Może zatwierdzać i odrzucać zmiany danych od organizacji")]
        indexes = [
            # The waiting list: WHERE status = 'pending' ORDER BY created_at.
            models.Index(fields=["status", "created_at"], name="orgchange_queue_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(reply=""), name="orgchange_rejected_has_reply"
            ),
            models.CheckConstraint(
                condition=Q(applied_fields__contained_by=F("changed_fields")), name="orgchange_applies_changed_fields"
            ),
        ]

    def __str__(self):
        return _("Zmiana danych: %(organization)s (%(date)s)") % {
            "organization": self.organization,
            "date": timezone.localtime(self.created_at).strftime("%d.%m.%Y"),
        }

    def get_absolute_url(self):
        return reverse("admin:organizations_organizationchange_change", args=[self.pk])
