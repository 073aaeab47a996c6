from django.contrib import admin
from django.contrib.contenttypes.admin import GenericStackedInline
from django.template.defaultfilters import filesizeformat
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from documents.models import Document
from editorial.admin import EditorialAdmin, state_column

DOCUMENT_FIELDS = ["title", "file", "issued_on", "position", "is_accessible", "accessibility_note", "visible_until"]


@admin.display(description=_("plik"))
def file_details(obj):
    if not obj.pk or not obj.file_type:
        return "—"
    return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), f"{obj.filename} ({obj.details})")


class DocumentInline(GenericStackedInline):
    """Documents on the change page of any kind that declares `DocumentsRelation`."""

    model = Document
    extra = 0
    fields = [*DOCUMENT_FIELDS, "file_details", "state_link"]
    readonly_fields = ["file_details", "state_link"]
    verbose_name = _("dokument do pobrania")
    verbose_name_plural = _("dokumenty do pobrania")

    file_details = staticmethod(file_details)

    @admin.display(description=_("stan"))
    def state_link(self, obj):
        if not obj.pk:
            return _("opublikowany razem z treścią")
        url = reverse("admin:documents_document_change", args=[obj.pk])
        return format_html('{} — <a href="{}">{}</a>', obj.state_label, url, _("wycofaj lub zobacz historię"))


@admin.register(Document)
class DocumentAdmin(EditorialAdmin, admin.ModelAdmin):
    """Every document: its state, accessibility, history. New documents are
    added on the page, article or event they belong to (DocumentInline)."""

    list_display = ["title", "file_type", "size_display", "issued_on", "is_accessible", "state", "owner_link"]
    list_filter = ["status", "file_type", "is_accessible", ("issued_on", admin.DateFieldListFilter)]
    list_select_related = ["content_type"]
    search_fields = ["title", "filename"]
    date_hierarchy = "issued_on"
    readonly_fields = ["file_details", "owner_link", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "file", "file_details", "issued_on", "owner_link", "position"]}),
        (_("Dostępność"), {"fields": ["is_accessible", "accessibility_note"]}),
        (_("Publikacja"), {"fields": ["state_display", "visible_until"]}),
        (_("Historia"), {"fields": ["created_at", "updated_at"]}),
    ]

    state = state_column()
    file_details = staticmethod(file_details)

    @admin.display(description=_("rozmiar"), ordering="size")
    def size_display(self, obj):
        return filesizeformat(obj.size)

    @admin.display(description=_("należy do"))
    def owner_link(self, obj):
        owner = obj.owner
        if owner is None:
            return "—"
        try:
            url = reverse(f"admin:{owner._meta.app_label}_{owner._meta.model_name}_change", args=[owner.pk])
        except NoReverseMatch:
            return str(owner)
        return format_html('{}: <a href="{}">{}</a>', owner._meta.verbose_name, url, owner)

    def has_add_permission(self, request):
        # A document always belongs to something: add it there.
        return False
