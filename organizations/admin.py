from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from editorial.admin import EditorialAdmin, ReasonForm, state_column
from editorial.services import TransitionRefused
from editorial.states import State
from editorial.versions import FieldComparison, display_value
from organizations import services
from organizations.identifiers import identifier_q
from organizations.models import Area, District, Organization, OrganizationChange


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "organization_count"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n=Count("organizations"))

    @admin.display(description=_("organizacje"), ordering="n")
    def organization_count(self, obj):
        return obj.n


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "organization_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n=Count("organizations"))

    @admin.display(description=_("organizacje"), ordering="n")
    def organization_count(self, obj):
        return obj.n


def duplicates_of(organization):
    """Other records sharing this one's KRS, NIP or REGON (any status)."""
    match = Q()
    for field in ("krs", "nip", "regon"):
        value = getattr(organization, field)
        if value:
            match |= Q(**{field: value})
    if not match:
        return Organization.objects.none()
    return Organization.objects.filter(match).exclude(pk=organization.pk).order_by("pk")


class FreshnessFilter(admin.SimpleListFilter):
    """How long ago the data was confirmed (organizations.freshness), and who gets no yearly e-mail."""

    title = _("aktualność danych")
    parameter_name = "aktualnosc"

    def lookups(self, request, model_admin):
        return [
            ("aktualne", _("potwierdzone w ciągu 12 miesięcy")),
            ("do-potwierdzenia", _("niepotwierdzone od 12–24 miesięcy")),
            ("niepotwierdzone", _("niepotwierdzone od ponad 24 miesięcy")),
            ("wypisane", _("wypisane z próśb o potwierdzenie")),
            ("bez-adresu", _("bez adresu e-mail (nie dostaną prośby)")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "aktualne":
            return queryset.current()
        if value == "do-potwierdzenia":
            return queryset.exclude(pk__in=queryset.current().values("pk")).exclude(
                pk__in=queryset.unconfirmed().values("pk")
            )
        if value == "niepotwierdzone":
            return queryset.unconfirmed()
        if value == "wypisane":
            return queryset.filter(reminders_stopped_at__isnull=False)
        if value == "bez-adresu":
            return queryset.filter(email="")
        return queryset


@admin.register(Organization)
class OrganizationAdmin(EditorialAdmin, admin.ModelAdmin):
    list_display = [
        "name",
        "legal_form",
        "state",
        "registry_status",
        "is_public_benefit",
        "krs",
        "district",
        "confirmed_at",
        "updated_at",
    ]
    list_filter = [
        "status",
        "registry_status",
        FreshnessFilter,
        "legal_form",
        "is_public_benefit",
        "district",
        "areas",
    ]
    list_select_related = ["district"]
    search_fields = ["name", "krs", "nip", "regon"]
    search_help_text = _("Nazwa albo numer KRS, NIP lub REGON (z kreskami lub bez).")
    autocomplete_fields = ["district", "areas"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at", "duplicate_records", "reminder_sent_at", "waiting_changes"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "legal_form", "state_display", "rejection_reason", "verified_at"]}),
        (_("Rejestry"), {"fields": ["krs", "nip", "regon", "is_public_benefit", "duplicate_records"]}),
        (_("Działalność"), {"fields": ["areas", "district", "description"]}),
        (_("Adres i kontakt"), {"fields": ["street_address", "postal_code", "city", "phone", "email", "website"]}),
        (_("Logo"), {"fields": ["logo", "logo_alt"]}),
        (_("Status w rejestrze"), {"fields": ["registry_status", "registry_status_since"]}),
        (
            _("Aktualność danych"),
            {"fields": ["waiting_changes", "confirmed_at", "reminder_sent_at", "reminders_stopped_at"]},
        ),
        (_("Historia"), {"fields": ["created_at", "updated_at"]}),
    ]

    state = state_column()

    # A new entry is active in the register and confirmed as of now.
    ADD_READONLY = ["registry_status", "registry_status_since", "confirmed_at", "reminders_stopped_at"]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, *self.ADD_READONLY] if obj is None else fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer("search_vector", "search_terms", "name_search")

    def get_search_results(self, request, queryset, search_term):
        """An identifier typed with dashes, "PL" or without leading zeros finds its record."""
        match = identifier_q(search_term.strip())
        if match is not None:
            return queryset.filter(match), False
        return super().get_search_results(request, queryset, search_term)

    @admin.display(description=_("inne rekordy z tym samym KRS, NIP lub REGON"))
    def duplicate_records(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        others = list(duplicates_of(obj))
        if not others:
            return _("brak")
        return format_html(
            "<strong>{}</strong><ul>{}</ul>",
            _("Uwaga: możliwy duplikat."),
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (reverse("admin:organizations_organization_change", args=[o.pk]), o.name, o.get_status_display())
                    for o in others
                ),
            ),
        )

    @admin.display(description=_("zmiany zgłoszone przez organizację"))
    def waiting_changes(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        waiting = list(OrganizationChange.objects.waiting().filter(organization=obj))
        if not waiting:
            return _("brak oczekujących")
        return format_html(
            "<strong>{}</strong><ul>{}</ul>",
            _("Czekają na decyzję:"),
            format_html_join(
                "",
                '<li><a href="{}">{}</a></li>',
                ((reverse("admin:organizations_organizationchange_change", args=[c.pk]), c) for c in waiting),
            ),
        )

    def _warn_duplicates(self, request, obj):
        others = list(duplicates_of(obj)[:5])
        if others:
            messages.warning(
                request,
                format_html(
                    "{} {}",
                    _("Inny rekord ma ten sam numer KRS, NIP lub REGON:"),
                    format_html_join(
                        ", ",
                        '<a href="{}">{}</a>',
                        ((reverse("admin:organizations_organization_change", args=[o.pk]), o.name) for o in others),
                    ),
                ),
            )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            obj = self.get_object(request, object_id)
            if obj is not None:
                self._warn_duplicates(request, obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._warn_duplicates(request, obj)


def comparison_rows(change, *, selected=None):
    """The change field by field, as the core's version comparison shows it
    (`editorial.versions.FieldComparison`, word diff included).

    Waiting: the entry as it is now → the proposal, with a note where the
    entry changed after the organization sent it. Decided: as it was sent.
    `selected`: the field names ticked on the approval page.
    """
    waiting = change.status == State.PENDING
    old_values = services.current_values(change.organization) if waiting else change.original
    rows = []
    for name in change.changed_fields:
        field = Organization._meta.get_field(name)
        row = FieldComparison(field, old_values[name], change.proposed[name])
        row.selected = selected is None or name in selected
        if waiting and old_values[name] != change.original[name]:
            row.note = gettext("Uwaga: po wysłaniu zmiany ktoś zmienił to pole w bazie (było: %(value)s).") % {
                "value": display_value(field, change.original[name])
            }
        elif not waiting:
            row.note = gettext("przyjęto") if name in change.applied_fields else gettext("nie przyjęto")
        rows.append(row)
    return rows


def comparison_context(change):
    if change.status == State.PENDING:
        old_heading, new_heading = gettext("Teraz w bazie"), gettext("Proponuje organizacja")
    else:
        old_heading, new_heading = gettext("Przed zmianą"), gettext("Proponowała organizacja")
    return {
        "caption": gettext("Zmiany zaproponowane przez organizację, pole po polu"),
        "old_heading": old_heading,
        "new_heading": new_heading,
        "empty_text": gettext("Organizacja nie zmieniła żadnego pola; przeczytaj jej uwagi."),
    }


@admin.register(OrganizationChange)
class OrganizationChangeAdmin(EditorialAdmin, admin.ModelAdmin):
    """Changes organizations proposed to their own entries: editors read the
    diff and approve all, approve some fields, or reject with a reason."""

    list_display = ["__str__", "organization", "fields_summary", "state", "created_at", "age"]
    list_filter = ["status"]
    list_select_related = ["organization"]
    search_fields = ["organization__name", "email"]
    ordering = ["created_at", "pk"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "organization_link",
        "created_at",
        "age",
        "email",
        "message",
        "comparison",
        "reply",
        "decided_at",
        "recent_history",
    ]
    fieldsets = [
        (None, {"fields": ["organization_link", "state_display", "created_at", "age", "email"]}),
        (_("Zmiany"), {"fields": ["comparison", "message"]}),
        (_("Decyzja"), {"fields": ["reply", "decided_at", "recent_history"]}),
    ]
    # get_absolute_url points back into admin: no "view on site" button.
    view_on_site = False

    state = state_column()

    def has_add_permission(self, request):
        return False  # changes come from organizations, through their one-time links

    def has_change_permission(self, request, obj=None):
        return False  # read-only: decisions are the workflow's buttons and actions

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("zmienione pola"))
    def fields_summary(self, obj):
        return ", ".join(services.field_labels(obj.changed_fields)) or _("tylko uwagi")

    @admin.display(description=_("czeka"))
    def age(self, obj):
        return timesince(obj.created_at, obj.decided_at or timezone.now())

    @admin.display(description=_("organizacja"))
    def organization_link(self, obj):
        url = reverse("admin:organizations_organization_change", args=[obj.organization_id])
        public = obj.organization.get_absolute_url()
        return format_html('<a href="{}">{}</a> (<a href="{}">{}</a>)', url, obj.organization, public, _("strona"))

    @admin.display(description=_("zmiany"))
    def comparison(self, obj):
        return render_to_string(
            "admin/editorial/_comparison.html", {"changed": comparison_rows(obj), **comparison_context(obj)}
        )

    def transition_view(self, request, object_id, name):
        """Approving asks which fields to take (all ticked); rejecting is the core's page."""
        if name != "approve":
            return super().transition_view(request, object_id, name)
        change = self._object_or_404(request, object_id)
        if not self.may_moderate(request):
            raise PermissionDenied
        step = self.workflow.get(name)
        posted = request.method == "POST"
        form = ReasonForm(request.POST if posted else None, step=step)
        chosen = request.POST.getlist("fields") if posted else None
        refusal = self.workflow.refusal(change, step)
        if posted and refusal is None and form.is_valid():
            try:
                change = services.approve_change(
                    change=change, fields=chosen, actor=request.user, reply=form.cleaned_data["reason"]
                )
            except TransitionRefused as refused:
                self.message_user(request, refused.message, messages.ERROR)
            else:
                self.message_user(request, f"{step.done}: „{change}”.", messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:organizations_organizationchange_changelist"))
        return TemplateResponse(
            request,
            "admin/organizations/organizationchange/approve.html",
            {
                **self.admin_site.each_context(request),
                "title": f"{step.label}: {change}",
                "opts": self.opts,
                "object": change,
                "step": step,
                "form": form,
                "refusal": refusal,
                "state": self.workflow.display_state(change),
                "change_url": self._change_url(change),
                "changed": comparison_rows(change, selected=chosen),
                "select_name": "fields",
                **comparison_context(change),
            },
        )
