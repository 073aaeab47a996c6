from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from news.models import Category, News
from news.services import news_publish_now, news_withdraw


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(News)
class NewsAdmin(admin.ModelAdmin):
    list_display = ["title", "status_label", "published_at", "category", "is_pinned", "author"]
    list_filter = ["status", "category", "is_pinned", ("published_at", admin.DateFieldListFilter)]
    list_select_related = ["category", "author"]
    search_fields = ["title", "lead", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["author", "created_at", "updated_at"]
    actions = ["publish_now", "withdraw"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Zdjęcie"), {"fields": ["image", "image_alt"]}),
        (_("Publikacja"), {"fields": ["status", "published_at", "category", "is_pinned"]}),
        (_("Historia"), {"fields": ["author", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        if obj.status == News.Status.PUBLISHED and obj.published_at and obj.published_at > timezone.now():
            return format_html("<strong>{}</strong>", _("zaplanowany"))
        return obj.get_status_display()

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Opublikuj teraz"), permissions=["change"])
    def publish_now(self, request, queryset):
        for news in queryset:
            news_publish_now(news=news, editor=request.user)
        count = len(queryset)
        self.message_user(
            request,
            ngettext("Opublikowano %(n)d artykuł.", "Opublikowano %(n)d artykułów.", count) % {"n": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Wycofaj"), permissions=["change"])
    def withdraw(self, request, queryset):
        for news in queryset:
            news_withdraw(news=news)
        count = len(queryset)
        self.message_user(
            request,
            ngettext("Wycofano %(n)d artykuł.", "Wycofano %(n)d artykułów.", count) % {"n": count},
            messages.SUCCESS,
        )
