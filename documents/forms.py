from django import forms
from django.utils.translation import gettext_lazy as _

from documents import formats


class LibraryFilterForm(forms.Form):
    """The library's search box and filters, read from the query string.

    An unknown value is an error on its field; the other filters still apply.
    """

    q = forms.CharField(
        label=_("Szukaj w tytułach"),
        required=False,
        max_length=200,
        help_text=_("Polskie znaki nie są wymagane."),
    )
    typ = forms.ChoiceField(label=_("Format"), required=False)
    rok = forms.TypedChoiceField(label=_("Rok"), required=False, coerce=int, empty_value=None)

    def __init__(self, data=None, *, years, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["typ"].choices = [("", _("wszystkie")), *formats.CHOICES]
        self.fields["rok"].choices = [("", _("wszystkie")), *((str(year), str(year)) for year in years)]

    def _value(self, name):
        self.is_valid()
        return self.cleaned_data.get(name) or None

    def query(self):
        return " ".join((self._value("q") or "").split())

    def file_type(self):
        return self._value("typ")

    def year(self):
        return self._value("rok")

    def filter_params(self):
        """The valid, non-empty parameters, for links that keep the current filters."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
