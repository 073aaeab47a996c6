from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from documents.admin import DocumentInline
from editorial.admin import EditorialAdmin, state_column
from news.models import Category, News
from pps_portal.languages import TranslationsAdmin


@admin.register(Category)
class CategoryAdmin(TranslationsAdmin, admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(News)
class NewsAdmin(TranslationsAdmin, EditorialAdmin, admin.ModelAdmin):
    list_display = ["title", "status_label", "published_at", "visible_until", "category", "is_pinned", "author"]
    list_filter = ["status", "category", "is_pinned", ("published_at", admin.DateFieldListFilter)]
    list_select_related = ["category", "author"]
    search_fields = ["title", "lead", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["author", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Zdjęcie"), {"fields": ["image", "image_alt"]}),
        (_("Publikacja"), {"fields": ["state_display", "published_at", "visible_until", "category", "is_pinned"]}),
        (_("Historia"), {"fields": ["author", "created_at", "updated_at"]}),
    ]

    inlines = [DocumentInline]

    status_label = state_column(_("status"))

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
