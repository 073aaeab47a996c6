from django import forms
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization


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
