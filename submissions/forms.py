"""The public forms. Plain text only, explicit fields, Polish messages.

Status, owner and anything an editor decides are never form fields: the
services set them.
"""

import datetime
import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from calendar_app.models import Event
from organizations.models import UPDATABLE_FIELDS, Organization
from pps_portal.images import SafeImageFormField
from submissions.protection import BotProtectionMixin

TEXT_LIMIT = 5000
WARSAW = zoneinfo.ZoneInfo(settings.TIME_ZONE)


class AccessibleFormMixin:
    """Ties hints and errors to their inputs (aria-describedby, aria-invalid)
    so screen readers announce them; the templates print matching ids."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}-hint"

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}-hint")
            if name in self.errors:
                ids.append(f"{bound.auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class ConsentFields(forms.Form):
    consent = forms.BooleanField(
        label=_("Wyrażam zgodę na przetwarzanie moich danych osobowych w celu obsługi tego zgłoszenia."),
        error_messages={"required": _("Zaznacz zgodę na przetwarzanie danych, aby wysłać formularz.")},
    )


# Autofill tokens (WCAG 1.3.5) for fields about the person filling in the form.
NAME = {"autocomplete": "name"}
EMAIL = {"autocomplete": "email"}
PHONE = {"autocomplete": "tel", "type": "tel"}


class ContactFields(forms.Form):
    contact_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200, widget=forms.TextInput(NAME))
    contact_email = forms.EmailField(
        label=_("Adres e-mail"),
        max_length=254,
        help_text=_("Napiszemy tylko w sprawie tego zgłoszenia."),
        widget=forms.EmailInput(EMAIL),
    )
    contact_phone = forms.CharField(label=_("Telefon"), max_length=50, required=False, widget=forms.TextInput(PHONE))
    wants_copy = forms.BooleanField(label=_("Wyślij mi kopię zgłoszenia e-mailem"), required=False)


class PublicForm(AccessibleFormMixin, BotProtectionMixin):
    """Base of every anonymous form: bot protection, consent, accessibility.

    `fieldsets` groups the visible fields under legends for the template.
    """

    fieldsets = []
    SENDER_LEGEND = _("Twoje dane (nie publikujemy ich)")

    def grouped_fields(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.fieldsets]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The order people see (fieldsets, then consent) is also the order of
        # the error summary; honeypot and token go wherever the template puts them.
        self.order_fields([name for _legend, names in self.fieldsets for name in names] + ["consent"])


class ImageFields(forms.Form):
    image = SafeImageFormField(label=_("Zdjęcie"), required=False)
    image_alt = forms.CharField(
        label=_("Opis zdjęcia dla osób niewidomych"),
        max_length=300,
        required=False,
        help_text=_("Wymagany, jeśli dodajesz zdjęcie: napisz krótko, co przedstawia."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not (cleaned.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Opisz zdjęcie: ten opis usłyszą osoby niewidome."))
        return cleaned


class NewsSubmissionForm(PublicForm, ImageFields, ContactFields, ConsentFields):
    title = forms.CharField(label=_("Tytuł"), max_length=200)
    text = forms.CharField(
        label=_("Treść"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Zwykły tekst, do 5000 znaków. Pusta linia zaczyna nowy akapit."),
    )
    organization_name = forms.CharField(
        label=_("Organizacja"), max_length=300, required=False, help_text=_("Kto przysyła informację (opcjonalnie).")
    )

    fieldsets = [
        (_("Informacja"), ["title", "text", "image", "image_alt", "organization_name"]),
        (PublicForm.SENDER_LEGEND, ["contact_name", "contact_email", "contact_phone", "wants_copy"]),
    ]


class ErrorReportForm(PublicForm, ConsentFields):
    page_url = forms.CharField(
        label=_("Adres strony z błędem"), max_length=500, help_text=_("Np. https://… albo /aktualnosci/…")
    )
    description = forms.CharField(
        label=_("Opis błędu"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Co jest nie tak?"),
    )
    contact_email = forms.EmailField(
        label=_("Adres e-mail (opcjonalnie)"),
        required=False,
        max_length=254,
        help_text=_("Podaj, jeśli chcesz dostać odpowiedź."),
        widget=forms.EmailInput(EMAIL),
    )

    fieldsets = [(_("Błąd"), ["page_url", "description"]), (PublicForm.SENDER_LEGEND, ["contact_email"])]

    def clean_page_url(self):
        value = self.cleaned_data["page_url"].strip()
        if value.startswith("/") and not value.startswith("//"):
            return value
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise ValidationError(_("Podaj adres strony zaczynający się od https:// albo od /.")) from None
        return value


class ContactForm(PublicForm, ConsentFields):
    contact_name = forms.CharField(label=_("Imię i nazwisko"), max_length=200, widget=forms.TextInput(NAME))
    contact_email = forms.EmailField(
        label=_("Adres e-mail"), max_length=254, help_text=_("Na ten adres odpowiemy."), widget=forms.EmailInput(EMAIL)
    )
    subject = forms.CharField(label=_("Temat"), max_length=200)
    message = forms.CharField(label=_("Wiadomość"), max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 8}))

    fieldsets = [
        (_("Wiadomość"), ["subject", "message"]),
        (PublicForm.SENDER_LEGEND, ["contact_name", "contact_email"]),
    ]


class OrganizationSubmissionForm(PublicForm, ContactFields, ConsentFields, forms.ModelForm):
    class Meta:
        model = Organization
        # Public fields only (those an organization may later update itself):
        # status, verification and slug are the editors'.
        fields = UPDATABLE_FIELDS
        # The sender usually belongs to the organization: its name, work
        # contacts and address autofill in their own section, apart from the
        # sender's personal details below.
        widgets = {
            "areas": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 8}),
            "name": forms.TextInput({"autocomplete": "section-organizacja organization"}),
            "street_address": forms.TextInput({"autocomplete": "section-organizacja address-line1"}),
            "postal_code": forms.TextInput({"autocomplete": "section-organizacja postal-code"}),
            "city": forms.TextInput({"autocomplete": "section-organizacja address-level2"}),
            "phone": forms.TextInput({"autocomplete": "section-organizacja work tel", "type": "tel"}),
            "email": forms.EmailInput({"autocomplete": "section-organizacja work email"}),
            "website": forms.URLInput({"autocomplete": "section-organizacja url"}),
        }
        labels = {"email": _("E-mail organizacji"), "phone": _("Telefon organizacji")}

    # The logo is kept with the submission, privately, until an editor
    # approves it (services.submission_approve): not a model field here.
    logo = SafeImageFormField(label=_("Logo"), required=False)
    logo_alt = forms.CharField(
        label=_("Tekst alternatywny logo"),
        max_length=300,
        required=False,
        help_text=Organization._meta.get_field("logo_alt").help_text,
    )

    fieldsets = [
        (_("Organizacja"), ["name", "legal_form", "krs", "nip", "regon", "is_public_benefit", "areas", "description"]),
        (
            _("Adres i kontakt (publiczne)"),
            ["street_address", "postal_code", "city", "district", "phone", "email", "website"],
        ),
        (_("Logo (opcjonalnie)"), ["logo", "logo_alt"]),
        (PublicForm.SENDER_LEGEND, ["contact_name", "contact_email", "contact_phone", "wants_copy"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].max_length = TEXT_LIMIT
        self.fields["description"].widget.attrs["maxlength"] = TEXT_LIMIT

    def clean_krs(self):
        """A published entry's KRS is public: say where it is. A pending one
        is never mentioned (editors see such duplicates in admin)."""
        krs = self.cleaned_data.get("krs")
        existing = Organization.objects.published().filter(krs=krs).first() if krs else None
        if existing:
            raise ValidationError(
                _(
                    "Organizacja o tym numerze KRS jest już w Bazie NGO: „%(name)s”. "
                    "Jeśli jej dane są nieaktualne, napisz do redakcji."
                ),
                code="published_duplicate",
                params={"name": existing.name},
            )
        return krs

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not (cleaned.get("logo_alt") or "").strip():
            self.add_error("logo_alt", _("Podaj tekst alternatywny dla logo."))
        return cleaned


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"]
TIME_FORMATS = ["%H:%M", "%H:%M:%S", "%H.%M"]


class EventSubmissionForm(PublicForm, ImageFields, ContactFields, ConsentFields, forms.ModelForm):
    """Date and time as separate native inputs: they work without JavaScript
    (and a browser without date pickers accepts "5.12.2026" and "18:00").

    The picture (ImageFields) is kept with the submission, privately, until
    an editor approves it: it is not one of the event's model fields here.
    """

    start_day = forms.DateField(
        label=_("Dzień rozpoczęcia"), input_formats=DATE_FORMATS, widget=DateInput(), help_text=_("Np. 5.12.2026")
    )
    start_time = forms.TimeField(
        label=_("Godzina rozpoczęcia"),
        input_formats=TIME_FORMATS,
        widget=TimeInput(),
        required=False,
        help_text=_("Np. 18:00. Puste dla wydarzenia całodniowego."),
    )
    end_day = forms.DateField(
        label=_("Dzień zakończenia"),
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        required=False,
        help_text=_("Puste, jeśli kończy się tego samego dnia."),
    )
    end_time = forms.TimeField(
        label=_("Godzina zakończenia"), input_formats=TIME_FORMATS, widget=TimeInput(), required=False
    )
    external_url = forms.URLField(
        label=_("Strona wydarzenia lub zapisy"), max_length=500, required=False, assume_scheme="https"
    )
    description_text = forms.CharField(
        label=_("Opis wydarzenia"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Zwykły tekst, do 5000 znaków."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "category",
            "venue_name",
            "address",
            "city",
            "district",
            "organizer_name",
            "is_free",
            "price",
            "external_url",
            "wheelchair_access",
            "induction_loop",
            "sign_language",
            "accessibility_notes",
        ]
        widgets = {"accessibility_notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"organizer_name": _("Organizator")}
        help_texts = {
            "organizer_name": _("Pełna nazwa. Jeśli organizacja jest w Bazie NGO, połączymy wydarzenie z jej stroną.")
        }

    fieldsets = [
        (_("Wydarzenie"), ["title", "category", "description_text"]),
        (_("Termin"), ["start_day", "start_time", "end_day", "end_time"]),
        (_("Miejsce"), ["venue_name", "address", "city", "district"]),
        (_("Organizator"), ["organizer_name"]),
        (_("Wstęp"), ["is_free", "price", "external_url"]),
        (_("Dostępność miejsca"), ["wheelchair_access", "induction_loop", "sign_language", "accessibility_notes"]),
        (_("Zdjęcie (opcjonalnie)"), ["image", "image_alt"]),
        (PublicForm.SENDER_LEGEND, ["contact_name", "contact_email", "contact_phone", "wants_copy"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizer_name"].required = True
        self.fields["accessibility_notes"].max_length = 1000

    def clean(self):
        cleaned = super().clean()
        start_day, end_day = cleaned.get("start_day"), cleaned.get("end_day")
        start_time, end_time = cleaned.get("start_time"), cleaned.get("end_time")
        # A typed name that is exactly a published registry entry links the
        # event to it (a <select> of 20,000 organizations would not do).
        name = " ".join((cleaned.get("organizer_name") or "").split())
        if name:
            self.instance.organizer = (
                Organization.objects.listed().filter(name__unaccent__iexact=name).order_by("pk").first()
            )
        if start_day is None:
            return cleaned
        today = timezone.localdate()
        if start_day < today:
            self.add_error("start_day", _("Wydarzenie nie może zaczynać się w przeszłości."))
            return cleaned
        if start_day > today + datetime.timedelta(days=3 * 366):
            self.add_error("start_day", _("Podaj datę w ciągu najbliższych trzech lat."))
            return cleaned
        end_day = end_day or start_day
        if end_day > start_day + datetime.timedelta(days=366):
            self.add_error("end_day", _("Wydarzenie zgłaszane przez formularz może trwać najwyżej rok."))
            return cleaned
        if end_day < start_day:
            self.add_error("end_day", _("Dzień zakończenia nie może być wcześniejszy niż dzień rozpoczęcia."))
            return cleaned
        if start_time is None:
            if end_time is not None:
                self.add_error("start_time", _("Podaj godzinę rozpoczęcia albo usuń godzinę zakończenia."))
            cleaned["is_all_day"] = True
            cleaned["start_date"], cleaned["end_date"] = start_day, end_day
            return cleaned
        starts_at = datetime.datetime.combine(start_day, start_time, tzinfo=WARSAW)
        if end_time is None:
            ends_at = (
                starts_at + datetime.timedelta(hours=2)
                if end_day == start_day
                else (datetime.datetime.combine(end_day, datetime.time(23, 59), tzinfo=WARSAW))
            )
        else:
            ends_at = datetime.datetime.combine(end_day, end_time, tzinfo=WARSAW)
        if ends_at < starts_at:
            self.add_error("end_time", _("Wydarzenie nie może skończyć się przed rozpoczęciem."))
        cleaned["is_all_day"] = False
        cleaned["starts_at"], cleaned["ends_at"] = starts_at, ends_at
        return cleaned

    # The model validates its own date fields; the form shows those errors on
    # the inputs people actually filled in.
    MODEL_DATE_FIELDS = {
        "starts_at": "start_time",
        "ends_at": "end_time",
        "start_date": "start_day",
        "end_date": "end_day",
    }

    def _post_clean(self):
        # Dates derived in clean() go onto the instance before model validation.
        for name in ("is_all_day", "start_date", "end_date", "starts_at", "ends_at"):
            if name in self.cleaned_data:
                setattr(self.instance, name, self.cleaned_data[name])
        super()._post_clean()

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            date_inputs = set(self.MODEL_DATE_FIELDS.values())
            dates_already_wrong = any(self.has_error(name) for name in date_inputs)
            remapped = {}
            for name, field_errors in errors.error_dict.items():
                target = self.MODEL_DATE_FIELDS.get(name, name)
                if target in date_inputs and dates_already_wrong:
                    continue  # the form's own date errors already explain it
                if target not in self.fields:
                    target = NON_FIELD_ERRORS
                remapped.setdefault(target, []).extend(field_errors)
            errors = ValidationError(remapped)
        super()._update_errors(errors)
