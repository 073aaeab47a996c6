from django.conf import settings
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.admin import EditorialAdmin, state_column
from pps_portal import redirects
from pps_portal.demo import DEMO_PASSWORD
from pps_portal.models import Banner, Redirect, SiteSettings


class LoginForm(AdminAuthenticationForm):
    """Admin login that refuses the README's demo password when debug is off.

    Demo accounts come only from `make run`, but `make serve` (or a copied
    development database) may still hold them: on any server running with
    debug off, that published password opens nothing, whatever the account.
    """

    def clean(self):
        if not settings.DEBUG and self.cleaned_data.get("password") == DEMO_PASSWORD:
            raise ValidationError(
                _(
                    "To hasło konta demonstracyjnego z README. Konta demonstracyjne działają tylko "
                    "w trybie deweloperskim (make run); na tym serwerze nie można się nim zalogować. "
                    "Nadaj kontu własne hasło: manage.py changepassword <login>."
                ),
                code="demo_password",
            )
        return super().clean()


admin.site.login_form = LoginForm
admin.site.site_header = _("PPS Portal — redakcja")
admin.site.site_title = _("PPS Portal")
admin.site.index_title = _("Moderacja i publikacja")


@admin.register(SiteSettings)
class SiteSettingsAdmin(EditorialAdmin, admin.ModelAdmin):
    """A singleton: the list page goes straight to the one row."""

    fieldsets = [
        (_("Serwis"), {"fields": ["site_name", "city", "tagline", "logo", "logo_alt", "intro"]}),
        (
            _("Redakcja (stopka)"),
            {"fields": ["office_name", "office_address", "office_phones", "office_hours", "office_emails"]},
        ),
        (
            _("Wydział (stopka)"),
            {
                "fields": [
                    "department_name",
                    "department_institution",
                    "department_address",
                    "department_phones",
                    "department_email",
                ]
            },
        ),
        (_("Zgłoszenia i RODO"), {"fields": ["editors_email", "data_controller", "dpo_email"]}),
        (
            _("Deklaracja dostępności"),
            {
                "fields": [
                    "statement_entity",
                    "statement_published_on",
                    "statement_updated_on",
                    "statement_prepared_on",
                    "statement_reviewed_on",
                    "statement_status",
                    "statement_exceptions",
                    "statement_assessment",
                    "statement_contact_person",
                    "statement_contact_email",
                    "statement_contact_phone",
                    "statement_architecture",
                    "statement_communication",
                ]
            },
        ),
        (
            _("Kontakt dla osób głuchych (strona „Informacje w polskim języku migowym”)"),
            {"fields": ["deaf_contact_email", "deaf_contact_sms", "deaf_contact_video_call", "deaf_contact_visit"]},
        ),
    ]

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        obj = SiteSettings.load()
        return redirect(reverse("admin:pps_portal_sitesettings_change", args=[obj.pk]))


@admin.register(Banner)
class BannerAdmin(EditorialAdmin, admin.ModelAdmin):
    list_display = ["title", "url", "position", "state", "visible_until"]
    list_editable = ["position"]
    list_filter = ["status"]
    search_fields = ["title", "url"]
    fields = ["title", "url", "image", "image_alt", "position", "state_display", "visible_until"]

    state = state_column()


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old addresses and where they lead. Automatic ones appear when content
    moves; editors add the previous site's addresses by hand."""

    list_display = ["old_path", "target", "is_automatic", "updated_at"]
    list_filter = ["is_automatic"]
    search_fields = ["old_path", "target"]
    readonly_fields = ["is_automatic", "created_at", "updated_at"]
    fields = ["old_path", "target", "is_automatic", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        # Single hop and no loops: the service checks and rewrites chains.
        redirects.save_redirect(obj)
