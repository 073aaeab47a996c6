from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from editorial.admin import EditorialAdmin, state_column
from organizations.identifiers import identifier_q
from organizations.models import Area, District, Organization


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


@admin.register(Organization)
class OrganizationAdmin(EditorialAdmin, admin.ModelAdmin):
    list_display = ["name", "legal_form", "state", "is_public_benefit", "krs", "district", "updated_at"]
    list_filter = ["status", "legal_form", "is_public_benefit", "district", "areas"]
    list_select_related = ["district"]
    search_fields = ["name", "krs", "nip", "regon"]
    search_help_text = _("Nazwa albo numer KRS, NIP lub REGON (z kreskami lub bez).")
    autocomplete_fields = ["district", "areas"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "updated_at", "duplicate_records"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "legal_form", "state_display", "rejection_reason", "verified_at"]}),
        (_("Rejestry"), {"fields": ["krs", "nip", "regon", "is_public_benefit", "duplicate_records"]}),
        (_("Działalność"), {"fields": ["areas", "district", "description"]}),
        (_("Adres i kontakt"), {"fields": ["street_address", "postal_code", "city", "phone", "email", "website"]}),
        (_("Logo"), {"fields": ["logo", "logo_alt"]}),
        (_("Historia"), {"fields": ["created_at", "updated_at"]}),
    ]

    state = state_column()

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
