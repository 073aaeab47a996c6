import datetime

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from calendar_app import recurrence
from calendar_app.grid import MAX_YEAR, MIN_YEAR
from calendar_app.models import Event, EventCategory
from organizations.models import District, Organization


class OrganizerField(forms.ModelChoiceField):
    """An organizer chosen from a list, or typed: by its slug (organization pages link so) or its exact name."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # A NUL byte would reach PostgreSQL (which refuses it in text) as a 500; Django's own check says why.
        self.validate_no_null_characters(value)
        text = " ".join(str(value).split())
        found = self.queryset.filter(Q(slug=text) | Q(name__unaccent__iexact=text)).order_by("pk").first()
        if found is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return found


def validate_calendar_year(value):
    """A date in a year the calendar shows (its pages are a 404 outside them)."""
    if not (MIN_YEAR <= value.year <= MAX_YEAR):
        raise forms.ValidationError(_("Podaj datę z lat %(min)s–%(max)s."), params={"min": MIN_YEAR, "max": MAX_YEAR})


class AgendaFilterForm(forms.Form):
    """The agenda's and the feed's filters, all in the query string.

    A bad value becomes an error on its field and that filter is ignored;
    the page itself always renders.
    """

    q = forms.CharField(label=_("Szukaj"), required=False, max_length=100)
    kategoria = forms.ModelChoiceField(
        label=_("Kategoria"),
        queryset=EventCategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("wszystkie"),
        error_messages={"invalid_choice": _("Nie ma takiej kategorii.")},
    )
    dzielnica = forms.ModelChoiceField(
        label=_("Dzielnica"),
        queryset=District.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("wszystkie"),
        error_messages={"invalid_choice": _("Nie ma takiej dzielnicy.")},
    )
    organizacja = OrganizerField(
        label=_("Organizator"),
        # Published organizations with a public event (the Polish collation of
        # Organization.name orders them); see list_organizers().
        queryset=Organization.objects.published().filter(
            Exists(Event.objects.public().filter(organizer=OuterRef("pk")))
        ),
        to_field_name="slug",
        required=False,
        empty_label=_("wszyscy"),
        error_messages={"invalid_choice": _("Nie ma takiego organizatora wydarzeń w Bazie NGO.")},
    )
    od = forms.DateField(
        label=_("Od dnia"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_calendar_year],
        help_text=_("Puste — od dziś."),
    )
    do = forms.DateField(
        label=_("Do dnia"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_calendar_year],
    )
    bezplatne = forms.BooleanField(label=_("Tylko bezpłatne"), required=False)
    dostepne = forms.BooleanField(label=_("Tylko miejsca dostępne dla osób na wózkach"), required=False)

    FILTER_FIELDS = ("q", "kategoria", "dzielnica", "organizacja", "od", "do", "bezplatne", "dostepne")
    # Up to this many organizers are a select; more (a large city) a text field for
    # the name: thousands of options help nobody and weigh hundreds of kilobytes.
    ORGANIZER_LIST_LIMIT = 100

    def list_organizers(self):
        """Before rendering: the organizer select's options in one query, or a text field when there are too many."""
        field = self.fields["organizacja"]
        organizers = list(field.queryset.only("slug", "name")[: self.ORGANIZER_LIST_LIMIT + 1])
        if len(organizers) > self.ORGANIZER_LIST_LIMIT:
            field.widget = forms.TextInput()
            field.help_text = _("Nazwa organizacji z Bazy NGO.")
        else:
            field.choices = [("", field.empty_label)] + [(o.slug, o.name) for o in organizers]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("od"), cleaned.get("do")
        if end is None:
            return cleaned
        if start is not None and end < start:
            self.add_error("do", _("Data końcowa nie może być wcześniejsza niż początkowa."))
        elif start is None and end < timezone.localdate():
            # Without a (valid) start date the list starts today.
            self.add_error(
                "do", _("Data końcowa nie może być wcześniejsza niż dzisiejsza. Podaj też datę początkową.")
            )
        return cleaned

    @property
    def filters(self):
        """The valid filters (invalid ones dropped); {} for an unbound form."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "", False)}

    def date_range(self, now):
        """Aware [start, end) the filters ask for; end None = open. Default: from now on.

        Never inverted: `clean()` refuses an end before the start, and an end
        earlier than `now` on the start day gives an empty window.
        """
        filters = self.filters
        start = now
        if filters.get("od") and filters["od"] != now.astimezone(recurrence.LOCAL_TZ).date():
            start = recurrence.local_midnight(filters["od"])
        end = None
        if filters.get("do"):
            end = max(start, recurrence.local_midnight(filters["do"] + datetime.timedelta(days=1)))
        return start, end

    def apply(self, occurrences):
        """The occurrences queryset narrowed by the valid filters on their events (no query of its own)."""
        filters = self.filters
        if filters.get("q"):
            occurrences = occurrences.filter(event__in=Event.objects.search(filters["q"]))
        if filters.get("kategoria"):
            occurrences = occurrences.filter(event__category=filters["kategoria"])
        if filters.get("dzielnica"):
            occurrences = occurrences.filter(event__district=filters["dzielnica"])
        if filters.get("organizacja"):
            occurrences = occurrences.filter(event__organizer=filters["organizacja"])
        if filters.get("bezplatne"):
            occurrences = occurrences.filter(event__is_free=True)
        if filters.get("dostepne"):
            occurrences = occurrences.filter(event__wheelchair_access=True)
        return occurrences

    def query_string(self, *, exclude=()):
        """The active filters as a query string (for pagination and the feed link)."""
        query = QueryDict(mutable=True)
        for name, value in self.filters.items():
            if name in exclude:
                continue
            if hasattr(value, "slug"):
                value = value.slug
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            elif value is True:
                value = "1"
            query[name] = value
        return query.urlencode()
