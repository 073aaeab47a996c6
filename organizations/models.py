from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Func, Q, TextField
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from editorial import versions
from editorial.states import State
from editorial.workflow import EditorialModel, Workflow, publish_step, reject_step, withdraw_step
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
        if errors:
            raise ValidationError(errors)

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


versions.register(Organization)
redirects.track(Organization)
