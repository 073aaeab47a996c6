from django import forms
from django.contrib import admin, messages
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from calendar_app import services
from calendar_app.models import Event, EventCategory, EventException, Occurrence
from documents.admin import DocumentInline
from editorial.admin import EditorialAdmin, state_column
from pps_portal.languages import TranslationsAdmin


@admin.register(EventCategory)
class EventCategoryAdmin(TranslationsAdmin, admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class WhenFilter(admin.SimpleListFilter):
    title = _("termin")
    parameter_name = "termin"

    def lookups(self, request, model_admin):
        return [("upcoming", _("nadchodzące i trwające")), ("past", _("minione"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() not in ("upcoming", "past"):
            return queryset
        services.ensure_stored_ahead(now)
        running = Exists(Occurrence.objects.filter(event=OuterRef("pk")).overlapping(now))
        return queryset.filter(running if self.value() == "upcoming" else ~running)


class SeriesFilter(admin.SimpleListFilter):
    title = _("powtarzanie")
    parameter_name = "seria"

    def lookups(self, request, model_admin):
        return [("1", _("serie")), ("0", _("pojedyncze"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.series()
        if self.value() == "0":
            return queryset.single()
        return queryset


class EventExceptionInline(admin.TabularInline):
    model = EventException
    extra = 0
    fields = ["occurrence_date", "kind", "new_starts_at", "new_ends_at", "new_start_date", "new_end_date", "note"]
    verbose_name = _("zmiana terminu serii")
    verbose_name_plural = _("zmiany terminów serii (odwołane lub przeniesione pojedyncze terminy)")


class EventAdminForm(forms.ModelForm):
    repeat_weekdays = forms.TypedMultipleChoiceField(
        label=_("dni tygodnia"),
        choices=Event.Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Event._meta.get_field("repeat_weekdays").help_text,
    )
    external_url = forms.URLField(
        label=Event._meta.get_field("external_url").verbose_name,
        max_length=500,
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Event
        fields = [
            "title", "slug", "summary", "description", "category",
            "is_all_day", "starts_at", "ends_at", "start_date", "end_date",
            "repeat", "repeat_interval", "repeat_weekdays", "repeat_monthly_by", "repeat_until",
            "venue_name", "address", "postal_code", "city", "district", "attendance_mode",
            "organizer", "organizer_name", "contact_email", "contact_phone",
            "is_free", "price", "external_url",
            "wheelchair_access", "induction_loop", "sign_language", "accessibility_notes",
            "image", "image_alt", "cancellation_note", "rejection_reason", "submitter_name", "submitter_email",
        ]  # fmt: skip


@admin.register(Event)
class EventAdmin(TranslationsAdmin, EditorialAdmin, admin.ModelAdmin):
    form = EventAdminForm
    list_display = ["title", "when", "series", "state", "category", "organizer_column", "updated_at"]
    list_filter = [WhenFilter, "status", "category", SeriesFilter, "district"]
    list_select_related = ["category", "organizer"]
    search_fields = ["title", "venue_name", "organizer_name", "organizer__name", "slug"]
    autocomplete_fields = ["organizer"]
    date_hierarchy = "starts_at"
    ordering = ["-starts_at"]
    readonly_fields = ["created_at", "updated_at", "published_at", "next_dates"]
    # The change page lists this many of the stored dates from now on (the public page lists 8).
    NEXT_DATES = 12
    inlines = [EventExceptionInline, DocumentInline]
    actions = ["copy"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "category", "state_display"]}),
        (
            _("Termin"),
            {
                "fields": ["is_all_day", ("starts_at", "ends_at"), ("start_date", "end_date")],
                "description": _(
                    "Wydarzenie z godzinami: początek i koniec (czas polski). Całodniowe: zaznacz "
                    "„całodniowe” i podaj pierwszy i ostatni dzień."
                ),
            },
        ),
        (
            _("Powtarzanie (seria)"),
            {
                "fields": [
                    "repeat",
                    "repeat_interval",
                    "repeat_weekdays",
                    "repeat_monthly_by",
                    "repeat_until",
                    "next_dates",
                ],
                "description": _(
                    "Termin powyżej jest pierwszym terminem serii. Pojedyncze terminy odwołuje się lub "
                    "przenosi w sekcji „Zmiany terminów serii” na dole strony."
                ),
            },
        ),
        (
            _("Miejsce"),
            {"fields": ["venue_name", "address", ("postal_code", "city"), "district", "attendance_mode"]},
        ),
        (_("Organizator"), {"fields": ["organizer", "organizer_name", "contact_email", "contact_phone"]}),
        (_("Udział"), {"fields": ["is_free", "price", "external_url"]}),
        (
            _("Dostępność miejsca"),
            {"fields": ["wheelchair_access", "induction_loop", "sign_language", "accessibility_notes"]},
        ),
        (_("Zdjęcie"), {"fields": ["image", "image_alt"]}),
        (
            _("Moderacja"),
            {
                "fields": [
                    "cancellation_note",
                    "rejection_reason",
                    ("submitter_name", "submitter_email"),
                    ("published_at", "created_at", "updated_at"),
                ]
            },
        ),
    ]

    state = state_column()

    @admin.display(description=_("termin"), ordering="starts_at")
    def when(self, event):
        if event.is_all_day:
            if event.start_date == event.end_date:
                return f"{event.start_date:%d.%m.%Y}"
            return f"{event.start_date:%d.%m.%Y} – {event.end_date:%d.%m.%Y}"
        start = timezone.localtime(event.starts_at)
        end = timezone.localtime(event.ends_at)
        if start.date() == end.date():
            return f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}"
        return f"{start:%d.%m.%Y %H:%M} – {end:%d.%m.%Y %H:%M}"

    @admin.display(description=_("najbliższe terminy"))
    def next_dates(self, event):
        """The stored dates from now on, as the public pages show them: editors see what an exception did."""
        if event.pk is None:
            return _("Terminy pojawią się po zapisaniu.")
        now = timezone.now()
        services.ensure_stored_ahead(now)
        dates = event.occurrences.overlapping(now).order_by("starts_at", "pk")[: self.NEXT_DATES]
        if not dates:
            return _("Brak terminów od dziś.")
        rows = []
        for occurrence in dates:
            start = timezone.localtime(occurrence.starts_at)
            when = f"{start:%d.%m.%Y}" if occurrence.is_all_day else f"{start:%d.%m.%Y %H:%M}"
            if occurrence.is_all_day and occurrence.last_day != occurrence.first_day:
                when += f" – {occurrence.last_day:%d.%m.%Y}"
            state = "" if occurrence.state == Occurrence.State.SCHEDULED else f" ({occurrence.get_state_display()})"
            rows.append((when, state))
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}{}</li>", rows))

    @admin.display(description=_("seria"), boolean=True)
    def series(self, event):
        return event.is_series

    @admin.display(description=_("organizator"), ordering="organizer__name")
    def organizer_column(self, event):
        # Editors see the linked organization whatever its status; public pages
        # show it only when published (Event.organizer_display).
        return event.organizer.name if event.organizer is not None else event.organizer_name

    def save_model(self, request, obj, form, change):
        # Before the event's row is written: see services.occurrences_lock().
        services.occurrences_lock()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the inline exceptions: the stored dates follow the times, the rule and the exceptions.
        services.occurrences_store(events=[form.instance])

    @admin.action(description=_("Kopiuj zaznaczone wydarzenia (jako szkice)"), permissions=["add"])
    def copy(self, request, queryset):
        copies = [services.event_copy(event=event, moderator=request.user) for event in queryset]
        self.message_user(
            request,
            ngettext("Utworzono %d kopię (szkic).", "Utworzono %d kopii (szkice).", len(copies)) % len(copies),
            messages.SUCCESS,
        )
