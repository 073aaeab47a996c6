from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents import formats
from grants import importing
from grants.models import GrantCall
from grants.phases import ORDER, Phase


class CallFilterForm(forms.Form):
    """The list's search box and filters, read from the query string.

    Option lists come from the view (areas and years that have public
    calls); an unknown value is an error on its field and that filter is
    skipped, the others still apply — never a 500.
    """

    q = forms.CharField(
        label=_("Szukaj konkursu"),
        required=False,
        max_length=200,
        help_text=_("Słowo z tytułu, np. „ekonomia społeczna” albo „piknik”."),
    )
    rodzaj = forms.ChoiceField(label=_("Rodzaj"), required=False)
    obszar = forms.ChoiceField(label=_("Obszar"), required=False)
    rok = forms.ChoiceField(label=_("Rok ogłoszenia"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data=None, *, areas, years, **kwargs):
        super().__init__(data, **kwargs)
        self.areas_by_slug = {area.slug: area for area in areas}
        self.fields["rodzaj"].choices = [("", _("wszystkie")), *GrantCall.Kind.choices]
        self.fields["obszar"].choices = [("", _("wszystkie")), *((a.slug, a.name) for a in areas)]
        self.fields["rok"].choices = [("", _("wszystkie")), *((str(y), str(y)) for y in years)]
        labels = dict(Phase.choices)
        self.fields["status"].choices = [("", _("wszystkie")), *((p.value, labels[p]) for p in ORDER)]

    def filters(self):
        """Keyword arguments for the view's filtering, valid fields only."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "query": (data.get("q") or "").strip(),
            "kind": data.get("rodzaj") or None,
            "area": self.areas_by_slug.get(data.get("obszar") or ""),
            "year": int(data["rok"]) if data.get("rok") else None,
            "phase": data.get("status") or None,
        }

    def filter_params(self):
        """The valid, non-empty parameters, for links that keep the current filters."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class ResultsUploadForm(forms.Form):
    """Admin: a results spreadsheet for one call (previewed before anything is saved)."""

    file = forms.FileField(
        label=_("Plik z wynikami"),
        help_text=_(
            "CSV (UTF-8 lub Windows-1250, średnik lub przecinek) albo XLSX, do 5 MB. Pierwszy wiersz: nagłówki "
            "„Nazwa organizacji”, „KRS lub NIP” (albo osobno „KRS” i „NIP”), „Tytuł zadania”, „Kwota”; "
            "opcjonalnie „Data przyznania”."
        ),
    )
    awarded_on = forms.DateField(
        label=_("Data rozstrzygnięcia"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Data przyznania dotacji bez własnej daty w pliku. Gdy konkurs nie ma jeszcze daty rozstrzygnięcia, "
            "dostanie tę: od niej wyniki są publiczne."
        ),
    )
    replace_existing = forms.BooleanField(
        label=_("Zastąp dotychczasowe wyniki konkursu"),
        required=False,
        help_text=_("Bez zaznaczenia wiersze z pliku zostaną dopisane do wyników."),
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["awarded_on"].initial = call.resolved_on or timezone.localdate()
        self.file_format = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importing.MAX_BYTES:
            raise ValidationError(
                _("Plik jest za duży. Największy dopuszczalny rozmiar to %(max)d MB.")
                % {"max": importing.MAX_BYTES // 1024 // 1024}
            )
        detected = formats.detect(upload, upload.name or "")
        if detected.format.key == "xlsx":
            self.file_format = "xlsx"
        elif detected.format.key in ("csv", "txt"):
            self.file_format = "csv"
        else:
            raise ValidationError(
                _("To plik %(format)s. Zapisz wyniki jako CSV albo XLSX.") % {"format": detected.format.label}
            )
        return upload

    def clean_awarded_on(self):
        value = self.cleaned_data["awarded_on"]
        deadline_day = timezone.localdate(self.call.deadline_at)
        if value < deadline_day:
            raise ValidationError(_("Dotacje nie mogą być przyznane przed terminem składania ofert."))
        if value.year > timezone.localdate().year + 1:
            raise ValidationError(_("Podaj datę z bieżącego albo przyszłego roku."))
        return value
