from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from editorial import versions
from editorial.fields import visible_until_field
from editorial.states import State
from editorial.workflow import EditorialModel, EditorialQuerySet, Workflow, publish_step, withdraw_step
from pps_portal import redirects
from pps_portal.images import SafeImageField
from pps_portal.text import repeats
from pps_portal.validators import validate_link


def image_upload_to(instance, filename):
    """Uploads by kind and month: "news/2026/11/…", "event/2026/11/…"."""
    return f"{instance._meta.model_name}/{timezone.now():%Y/%m}/{filename}"


class ImageWithAltText(models.Model):
    """An optional picture of a record with its stored size and its alternative text.

    Every picture the portal shows goes through SafeImageField (checked,
    re-encoded), keeps its width and height (templates print them without
    opening the file) and must have alt text: the database refuses a picture
    without it (the constraint, for imports and the shell too) and forms say
    so in Polish (`clean`). A model that keeps pictures elsewhere (private
    storage) overrides `image` only.
    """

    image = SafeImageField(
        _("zdjęcie"),
        upload_to=image_upload_to,
        blank=True,
        width_field="image_width",
        height_field="image_height",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("tekst alternatywny zdjęcia"),
        max_length=300,
        blank=True,
        help_text=_("Wymagany, gdy dodano zdjęcie: opisz, co przedstawia."),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""), name="%(app_label)s_%(class)s_image_has_alt"
            )
        ]

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": _("Podaj tekst alternatywny dla zdjęcia.")})

    @property
    def image_shown(self):
        """Whether pages show the picture (and name it in Open Graph and structured data): a file with its
        stored size. A row whose file was missing when it was loaded has none (SafeImageField)."""
        return bool(self.image) and bool(self.image_width and self.image_height)


class SiteSettings(models.Model):
    """The one row of facts that differ between cities running the portal.

    Footer contacts, the accessibility statement and the RODO clause read it,
    so nothing city-specific is hard-coded in templates.
    """

    class StatementStatus(models.TextChoices):
        FULL = "full", _("w pełni zgodna")
        PARTIAL = "partial", _("częściowo zgodna")
        NONE = "none", _("niezgodna")

    SINGLETON_ID = 1

    site_name = models.CharField(_("nazwa serwisu"), max_length=200)
    city = models.CharField(_("miasto"), max_length=100)
    tagline = models.CharField(_("hasło"), max_length=200, blank=True)
    logo = SafeImageField(
        _("herb lub logo"),
        upload_to="site/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text=_(
            "Pokazywany w nagłówku obok nazwy serwisu. PNG z przezroczystym tłem (albo JPEG, WebP), "
            "najlepiej co najmniej 160 px wysokości. Plików SVG nie przyjmujemy: mogą zawierać skrypty."
        ),
    )
    # Stored so templates can print width/height without opening the file.
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_alt = models.CharField(
        _("tekst alternatywny herbu"),
        max_length=200,
        blank=True,
        help_text=_(
            "Zwykle pusty: herb stoi obok nazwy serwisu, która go opisuje, więc czytnik ekranu go pomija. "
            "Wpisz tekst tylko wtedy, gdy logo zawiera napis inny niż nazwa serwisu (np. „Miasto Częstochowa”)."
        ),
    )
    intro = models.TextField(
        _("wstęp na stronie głównej"),
        blank=True,
        help_text=_("Jedno–dwa zdania nad najważniejszymi sprawami: kim jesteśmy i w czym pomagamy."),
    )

    office_name = models.CharField(_("redakcja — nazwa"), max_length=200, default="Redakcja portalu")
    office_address = models.TextField(_("redakcja — adres"), blank=True)
    office_phones = models.TextField(_("redakcja — telefony"), blank=True, help_text=_("Jeden numer w wierszu."))
    office_hours = models.CharField(_("redakcja — godziny pracy"), max_length=200, blank=True)
    office_emails = models.TextField(_("redakcja — adresy e-mail"), blank=True, help_text=_("Jeden adres w wierszu."))

    department_name = models.CharField(_("wydział — nazwa"), max_length=200, blank=True)
    department_institution = models.CharField(_("wydział — urząd"), max_length=200, blank=True)
    department_address = models.TextField(_("wydział — adres"), blank=True)
    department_phones = models.TextField(_("wydział — telefony"), blank=True, help_text=_("Jeden numer w wierszu."))
    department_email = models.EmailField(_("wydział — e-mail"), blank=True)

    editors_email = models.EmailField(
        _("e-mail redakcji do powiadomień"), blank=True, help_text=_("Tu trafiają powiadomienia o zgłoszeniach.")
    )
    data_controller = models.TextField(
        _("administrator danych osobowych"), blank=True, help_text=_("Nazwa i adres administratora (klauzula RODO).")
    )
    dpo_email = models.EmailField(_("e-mail inspektora ochrony danych"), blank=True)

    statement_entity = models.CharField(_("deklaracja — podmiot"), max_length=300, blank=True)
    statement_published_on = models.DateField(_("deklaracja — data publikacji serwisu"), null=True, blank=True)
    statement_updated_on = models.DateField(
        _("deklaracja — data ostatniej aktualizacji serwisu"), null=True, blank=True
    )
    statement_prepared_on = models.DateField(_("deklaracja — data sporządzenia"), null=True, blank=True)
    statement_reviewed_on = models.DateField(_("deklaracja — data ostatniego przeglądu"), null=True, blank=True)
    statement_status = models.CharField(
        _("deklaracja — status zgodności"),
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.PARTIAL,
    )
    statement_exceptions = models.TextField(
        _("deklaracja — treści niedostępne"), blank=True, help_text=_("Jedna pozycja w wierszu.")
    )
    statement_assessment = models.TextField(
        _("deklaracja — sposób sporządzenia"), blank=True, default="Deklarację sporządzono na podstawie samooceny."
    )
    statement_contact_person = models.CharField(_("deklaracja — osoba kontaktowa"), max_length=200, blank=True)
    statement_contact_email = models.EmailField(_("deklaracja — e-mail kontaktowy"), blank=True)
    statement_contact_phone = models.CharField(_("deklaracja — telefon kontaktowy"), max_length=50, blank=True)
    statement_architecture = models.TextField(_("deklaracja — dostępność architektoniczna"), blank=True)
    statement_communication = models.TextField(_("deklaracja — dostępność komunikacyjno-informacyjna"), blank=True)

    # How deaf people reach the department: listed on the sign-language page.
    deaf_contact_email = models.EmailField(
        _("osoby głuche — e-mail"), blank=True, help_text=_("Puste — e-mail wydziału.")
    )
    deaf_contact_sms = models.CharField(_("osoby głuche — numer do SMS"), max_length=30, blank=True)
    deaf_contact_video_call = models.CharField(
        _("osoby głuche — wideorozmowa z tłumaczem PJM"),
        max_length=300,
        blank=True,
        help_text=_("Jak połączyć się z tłumaczem (adres, aplikacja, godziny)."),
    )
    deaf_contact_visit = models.TextField(
        _("osoby głuche — wizyta z tłumaczem"),
        blank=True,
        help_text=_("Jak umówić wizytę w urzędzie z tłumaczem PJM."),
    )

    class Meta:
        verbose_name = _("ustawienia serwisu")
        verbose_name_plural = _("ustawienia serwisu")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="sitesettings_singleton"),
        ]

    def __str__(self):
        return str(self.site_name or _("Ustawienia serwisu"))

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

    def clean(self):
        if self.logo_alt and repeats(self.logo_alt, self.site_name):
            raise ValidationError(
                {"logo_alt": _("Nazwa serwisu stoi obok herbu: nie powtarzaj jej, zostaw to pole puste.")}
            )

    @classmethod
    def load(cls):
        """The settings row, created empty on first use."""
        obj, _created = cls.objects.get_or_create(
            pk=cls.SINGLETON_ID, defaults={"site_name": "PPS Portal", "city": ""}
        )
        return obj

    @staticmethod
    def _lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]

    @property
    def office_phone_list(self):
        return self._lines(self.office_phones)

    @property
    def office_email_list(self):
        return self._lines(self.office_emails)

    @property
    def department_phone_list(self):
        return self._lines(self.department_phones)

    @property
    def statement_exception_list(self):
        return self._lines(self.statement_exceptions)


class BannerQuerySet(EditorialQuerySet):
    def active(self):
        """Banners shown in the side column (published and not expired), in the editors' order."""
        return self.published().order_by("position", "pk")


class Banner(EditorialModel, ImageWithAltText):
    """A link banner in the side column, managed by editors."""

    workflow = Workflow(
        states=[State.DRAFT, State.PUBLISHED, State.WITHDRAWN],
        initial=State.DRAFT,
        expiry_field="visible_until",
        counted=ngettext_lazy("%(count)d baner", "%(count)d banerów", "count"),
        transitions=[
            publish_step([State.DRAFT, State.WITHDRAWN], label=_("Pokaż na stronie"), done=_("Pokazano na stronie")),
            withdraw_step([State.PUBLISHED], label=_("Ukryj"), done=_("Ukryto"), reason=None),
        ],
    )

    title = models.CharField(_("tytuł"), max_length=200)
    url = models.CharField(
        _("adres"),
        max_length=500,
        validators=[validate_link],
        help_text=_("Pełny adres (https://…) lub ścieżka na tej stronie (/organizacje/)."),
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    status = workflow.state_field_definition()
    visible_until = visible_until_field()

    objects = BannerQuerySet.as_manager()

    class Meta:
        verbose_name = _("baner")
        verbose_name_plural = _("banery")
        ordering = ["position", "pk"]
        permissions = [("moderate_banner", "Może pokazywać i ukrywać banery")]
        constraints = ImageWithAltText.Meta.constraints

    def __str__(self):
        return self.title


versions.register(SiteSettings)
versions.register(Banner)


class Redirect(models.Model):
    """An old address that answers 301 with a new one (see pps_portal.redirects)."""

    old_path = models.CharField(
        _("stary adres"),
        max_length=500,
        unique=True,
        help_text=_(
            "Ścieżka, która ma przekierowywać, np. /aktualnosci/stary-tytul/ albo adres z poprzedniej strony "
            "(można wkleić pełny adres: zostanie sama ścieżka). Działa tylko, gdy pod tym adresem nic nie ma."
        ),
    )
    target = models.CharField(
        _("nowy adres"),
        max_length=1000,
        help_text=_("Ścieżka na tej stronie (/informacje/…) albo pełny adres innej strony (https://…)."),
    )
    is_automatic = models.BooleanField(
        _("automatyczne"),
        default=False,
        editable=False,
        help_text=_("Utworzone samo, gdy zmienił się adres artykułu, strony, organizacji lub wydarzenia."),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    class Meta:
        verbose_name = _("przekierowanie")
        verbose_name_plural = _("przekierowania")
        ordering = ["old_path"]
        constraints = [
            models.CheckConstraint(condition=~Q(old_path=F("target")), name="redirect_not_to_itself"),
            models.CheckConstraint(condition=Q(old_path__startswith="/"), name="redirect_old_path_is_a_path"),
        ]

    def __str__(self):
        return f"{self.old_path} → {self.target}"

    def clean(self):
        errors = {}
        for field, normalize in (("old_path", redirects.normalize_old_path), ("target", redirects.normalize_target)):
            try:
                setattr(self, field, normalize(getattr(self, field)))
            except ValidationError as error:
                errors[field] = error.messages
        if errors:
            raise ValidationError(errors)
        # Redirects are single hop, so one look tells where the target leads.
        onward = Redirect.objects.filter(old_path=self.target).exclude(pk=self.pk).values_list("target", flat=True)
        if self.target == self.old_path or self.old_path in onward:
            raise ValidationError(
                {"target": _("To przekierowanie prowadziłoby z powrotem pod ten sam adres (pętla).")}
            )
