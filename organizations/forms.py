from django import forms
from django.utils.translation import gettext_lazy as _

from organizations.models import UPDATABLE_FIELDS, Organization
from submissions.forms import TEXT_LIMIT, ConsentFields, OrganizationSubmissionForm, PublicForm


class OrganizationFilterForm(forms.Form):
    """The registry's search box and filters, read from the query string.

    Option lists come from lists fetched once by the view (one query each),
    and a chosen value is looked up in them, not in the database. An unknown
    value is an error on its field; the other filters still apply.
    """

    OPP_ANY, OPP_YES, OPP_NO = "", "tak", "nie"

    q = forms.CharField(
        label=_("Szukaj organizacji"),
        required=False,
        max_length=200,
        help_text=_("Nazwa, słowo z opisu albo numer KRS, NIP lub REGON. Polskie znaki nie są wymagane."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    forma = forms.ChoiceField(label=_("Forma prawna"), required=False)
    obszar = forms.ChoiceField(label=_("Obszar działalności"), required=False)
    dzielnica = forms.ChoiceField(label=_("Dzielnica"), required=False)
    opp = forms.ChoiceField(
        label=_("Status OPP"),
        required=False,
        choices=[
            (OPP_ANY, _("wszystkie")),
            (OPP_YES, _("tylko organizacje pożytku publicznego")),
            (OPP_NO, _("bez statusu OPP")),
        ],
    )

    def __init__(self, data=None, *, areas, districts, **kwargs):
        super().__init__(data, **kwargs)
        self.areas_by_slug = {area.slug: area for area in areas}
        self.districts_by_slug = {district.slug: district for district in districts}
        self.fields["forma"].choices = [("", _("wszystkie")), *Organization.LegalForm.choices]
        self.fields["obszar"].choices = [("", _("wszystkie")), *((a.slug, a.name) for a in areas)]
        self.fields["dzielnica"].choices = [("", _("wszystkie")), *((d.slug, d.name) for d in districts)]

    def filters(self):
        """Keyword arguments for OrganizationQuerySet.filter_by(), valid fields only."""
        self.is_valid()
        data = self.cleaned_data
        opp = data.get("opp")
        return {
            "legal_form": data.get("forma") or None,
            "area": self.areas_by_slug.get(data.get("obszar") or ""),
            "district": self.districts_by_slug.get(data.get("dzielnica") or ""),
            "is_public_benefit": {self.OPP_YES: True, self.OPP_NO: False}.get(opp),
        }

    def query(self):
        self.is_valid()
        return (self.cleaned_data.get("q") or "").strip()

    def filter_params(self):
        """The valid, non-empty parameters, for links that keep the current filters."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class OppFilterForm(forms.Form):
    """The OPP list's area filter."""

    obszar = forms.ChoiceField(label=_("Obszar działalności"), required=False)

    def __init__(self, data=None, *, areas, **kwargs):
        super().__init__(data, **kwargs)
        self.areas_by_slug = {area.slug: area for area in areas}
        self.fields["obszar"].choices = [("", _("wszystkie")), *((a.slug, a.name) for a in areas)]

    def area(self):
        self.is_valid()
        return self.areas_by_slug.get(self.cleaned_data.get("obszar") or "")


class UpdateLinkRequestForm(PublicForm):
    """ "Wyślij link": no fields to fill (the link goes to the entry's own
    address), only the bot protection every public form has."""


class OrganizationUpdateForm(PublicForm, ConsentFields, forms.ModelForm):
    """The entry's public fields, prefilled, as the organization proposes them.

    Bound to a copy of the organization only for validation (checksums,
    KRS uniqueness, OPP needs KRS); it is never saved: the values become a
    pending change for the editors (organizations.services.submit_change).
    Labels and widgets are those of the organization submission form.
    """

    message = forms.CharField(
        label=_("Uwagi dla redakcji"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Np. „Nowy zarząd od 1 marca” albo skąd redakcja może potwierdzić zmianę."),
    )

    class Meta(OrganizationSubmissionForm.Meta):
        fields = UPDATABLE_FIELDS
        help_texts = {
            "email": _("Na ten adres wysyłamy linki do aktualizacji i coroczną prośbę o potwierdzenie danych."),
        }

    fieldsets = [
        (_("Organizacja"), ["name", "legal_form", "krs", "nip", "regon", "is_public_benefit", "areas", "description"]),
        (
            _("Adres i kontakt (publiczne)"),
            ["street_address", "postal_code", "city", "district", "phone", "email", "website"],
        ),
        (_("Dla redakcji"), ["message"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].max_length = TEXT_LIMIT
        self.fields["description"].widget.attrs["maxlength"] = TEXT_LIMIT

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if not isinstance(value, str):
                continue
            if isinstance(self.fields[name].widget, forms.Textarea):
                # Browsers send a textarea's line breaks as CRLF; stored text
                # uses LF. Unnormalised, an untouched description would look changed.
                cleaned[name] = value.replace("\r\n", "\n").replace("\r", "\n")
            else:
                # A one-line field holds no line breaks or tabs (a name ends up
                # in e-mail subjects), whatever a hand-made request sends.
                cleaned[name] = " ".join(value.split())
        return cleaned

    def clean_krs(self):
        # The form never saves, and the KRS constraint depends on the state,
        # which is not a field here: check it against the published entries.
        krs = self.cleaned_data.get("krs")
        if krs and Organization.objects.published().filter(krs=krs).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("Organizacja o tym numerze KRS jest już w Bazie NGO. Jeśli to pomyłka, napisz do redakcji.")
            )
        return krs
