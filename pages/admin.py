from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.admin import DocumentInline
from editorial.admin import EditorialAdmin, state_column
from pages.models import EasyReadText, Page, SignLanguagePage
from pps_portal.languages import TranslationsAdmin

INDENT = "\u2003"  # an em space per level of the tree


class ParentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{INDENT * obj.depth}{obj.title}"


@admin.register(Page)
class PageAdmin(TranslationsAdmin, EditorialAdmin, admin.ModelAdmin):
    """The tree of information pages: listed in tree order; a page moves
    under another by its "strona nadrzędna" and among its siblings by its
    "kolejność" (editable on the list)."""

    list_display = ["tree_title", "state", "position", "updated_at", "responsible_unit"]
    list_display_links = ["tree_title"]
    list_editable = ["position"]
    list_filter = ["status"]
    search_fields = ["title", "lead", "slug"]
    ordering = ["tree_order"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["address", "children_links", "created_at", "updated_at"]
    inlines = [DocumentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "address", "parent", "position", "lead", "body"]}),
        (gettext_lazy("Zdjęcie"), {"fields": ["image", "image_alt"]}),
        (gettext_lazy("Odpowiedzialność"), {"fields": ["responsible_person", "responsible_unit"]}),
        (gettext_lazy("Publikacja"), {"fields": ["state_display", "published_at", "visible_until"]}),
        (gettext_lazy("Strony podrzędne"), {"fields": ["children_links"]}),
        (gettext_lazy("Historia"), {"fields": ["created_at", "updated_at"]}),
    ]

    state = state_column()

    @admin.display(description=gettext_lazy("tytuł"), ordering="tree_order")
    def tree_title(self, obj):
        return f"{INDENT * obj.depth}{obj.title}"

    @admin.display(description=gettext_lazy("adres"))
    def address(self, obj):
        if not obj.pk:
            return _("ustali się po zapisaniu: /informacje/<adresy stron nadrzędnych>/<adres>/")
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())

    @admin.display(description=gettext_lazy("strony podrzędne"))
    def children_links(self, obj):
        add = format_html(
            '<a class="addlink" href="{}?parent={}">{}</a>',
            reverse("admin:pages_page_add"),
            obj.pk,
            _("Dodaj podstronę"),
        )
        children = list(obj.children.order_by("position", "title")) if obj.pk else []
        if not children:
            return add if obj.pk else "—"
        items = format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            ((reverse("admin:pages_page_change", args=[child.pk]), child.title) for child in children),
        )
        return format_html("<ul>{}</ul>{}", items, add)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["form_class"] = ParentChoiceField
            kwargs["queryset"] = Page.objects.only("title", "ancestor_ids", "tree_order").order_by("tree_order")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is not None and "parent" in form.base_fields:
            # A page cannot go under itself or under one of its own subpages.
            form.base_fields["parent"].queryset = (
                form.base_fields["parent"].queryset.exclude(pk=obj.pk).exclude(ancestor_ids__contains=[obj.pk])
            )
        return form

    def delete_view(self, request, object_id, extra_context=None):
        page = self.get_object(request, object_id)
        if page is not None and page.children.exists():
            count = page.children.count()
            self.message_user(
                request,
                _(
                    "Strony „%(page)s” nie można usunąć, bo ma strony podrzędne (%(count)d). "
                    "Najpierw przenieś je pod inną stronę (pole „strona nadrzędna”) albo usuń je."
                )
                % {"page": page, "count": count},
                messages.ERROR,
            )
            return HttpResponseRedirect(reverse("admin:pages_page_change", args=[page.pk]))
        return super().delete_view(request, object_id, extra_context)


class SingletonAdmin(EditorialAdmin, admin.ModelAdmin):
    """One row, edited in place: history and versions, no list, no deleting."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        obj = self.model.load()
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk]))


@admin.register(EasyReadText)
class EasyReadTextAdmin(TranslationsAdmin, SingletonAdmin):
    fields = ["title", "body", "updated_at"]
    readonly_fields = ["updated_at"]


@admin.register(SignLanguagePage)
class SignLanguagePageAdmin(SingletonAdmin):
    fields = ["title", "intro", "video", "captions", "transcript", "updated_at"]
    readonly_fields = ["updated_at"]
