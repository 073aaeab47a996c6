from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from documents.admin import DocumentInline
from editorial.admin import EditorialAdmin, state_column
from grants import services
from grants.forms import ResultsUploadForm
from grants.models import Funder, Grant, GrantCall
from grants.phases import Phase
from pps_portal.languages import TranslationsAdmin
from pps_portal.text import format_pln


@admin.register(Funder)
class FunderAdmin(admin.ModelAdmin):
    list_display = ["name", "department", "nip"]
    search_fields = ["name", "nip"]


class PhaseFilter(admin.SimpleListFilter):
    """The public status (from dates and results), as residents see it."""

    title = gettext_lazy("status dla oferentów")
    parameter_name = "etap"

    def lookups(self, request, model_admin):
        return Phase.choices

    def queryset(self, request, queryset):
        if self.value() in Phase.values:
            return queryset.in_phase(self.value())
        return queryset


class GrantInline(admin.TabularInline):
    """The call's results, entered by hand (or imported from a spreadsheet: "Importuj wyniki")."""

    model = Grant
    extra = 0
    fields = ["recipient_name", "organization", "krs", "nip", "task_title", "amount", "awarded_on", "position"]
    autocomplete_fields = ["organization"]
    verbose_name = gettext_lazy("dotacja")
    verbose_name_plural = gettext_lazy("wyniki: przyznane dotacje")


@admin.register(GrantCall)
class GrantCallAdmin(TranslationsAdmin, EditorialAdmin, admin.ModelAdmin):
    change_form_template = "admin/grants/grantcall/change_form.html"
    list_display = ["title", "kind", "area", "deadline_at", "phase_column", "state", "results_column"]
    list_filter = ["status", PhaseFilter, "kind", "area", "funder"]
    list_select_related = ["area"]
    search_fields = ["title", "slug"]
    date_hierarchy = "deadline_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["area"]
    readonly_fields = ["cancelled_at", "created_at", "updated_at", "recent_history", "imports_list"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "area", "funder", "budget"]}),
        (
            gettext_lazy("Terminy (czas polski)"),
            {
                "fields": [
                    "announced_on",
                    "applications_open_at",
                    "deadline_at",
                    "results_expected_on",
                    "resolved_on",
                ],
                "description": gettext_lazy(
                    "Status dla oferentów wynika z tych dat: zapowiedziany do początku naboru, potem trwa nabór, "
                    "od terminu składania ofert ocena ofert, od daty rozstrzygnięcia rozstrzygnięty."
                ),
            },
        ),
        (
            gettext_lazy("Składanie ofert i kontakt"),
            {"fields": ["application_url", "application_info", "contact_name", "contact_phone", "contact_email"]},
        ),
        (gettext_lazy("Opis"), {"fields": ["description"]}),
        (
            gettext_lazy("Publikacja"),
            {"fields": ["state_display", "published_at", "visible_until", "cancellation_reason", "cancelled_at"]},
        ),
        (gettext_lazy("Import wyników"), {"fields": ["imports_list"]}),
        (gettext_lazy("Historia"), {"fields": ["created_at", "updated_at", "recent_history"]}),
    ]
    inlines = [GrantInline, DocumentInline]

    state = state_column()

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(grant_count=Count("grants"), grant_total=Sum("grants__amount"))

    @admin.display(description=gettext_lazy("status dla oferentów"))
    def phase_column(self, obj):
        return obj.phase.label

    @admin.display(description=gettext_lazy("wyniki"), ordering="grant_total")
    def results_column(self, obj):
        if not obj.grant_count:
            return "—"
        return f"{obj.grant_count} / {format_pln(obj.grant_total)}"

    @admin.display(description=gettext_lazy("importy wyników"))
    def imports_list(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        imports = obj.imports.select_related("uploaded_by", "applied_by")[:10]
        if not imports:
            return _("Brak. Wyniki można wpisać w tabeli poniżej albo zaimportować z arkusza (przycisk u góry).")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> — {}</li>',
                (
                    (
                        reverse("admin:grants_grantcall_import_preview", args=[obj.pk, item.pk]),
                        item.filename,
                        _("zapisano wiersze: %(count)d, %(date)s")
                        % {"count": item.saved_count, "date": localtime(item.applied_at).strftime("%d.%m.%Y %H:%M")}
                        if item.applied_at
                        else _("podgląd bez zapisu"),
                    )
                    for item in imports
                ),
            ),
        )

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Grant:
            # Typed KRS/NIP link the grant to its registry entry; a chosen entry fills them.
            services.link_grants(form.instance.grants.select_related("organization"))

    # -- results import ----------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/wyniki/import/", wrap(self.import_upload_view), name="grants_grantcall_import"),
            path(
                "<path:object_id>/wyniki/import/<int:import_id>/",
                wrap(self.import_preview_view),
                name="grants_grantcall_import_preview",
            ),
            path(
                "<path:object_id>/wyniki/import/<int:import_id>/plik/",
                wrap(self.import_file_view),
                name="grants_grantcall_import_file",
            ),
            *super().get_urls(),
        ]

    def _may_import(self, request, call):
        return self.has_change_permission(request, call) and request.user.has_perms(
            ["grants.add_grant", "grants.delete_grant"]
        )

    def _call_for_import(self, request, object_id):
        call = self._object_or_404(request, object_id)
        if not self._may_import(request, call):
            raise PermissionDenied
        return call

    def _import_of(self, call, import_id):
        found = call.imports.filter(pk=import_id).first()
        if found is None:
            raise Http404
        return found

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None and self._may_import(request, obj):
            context["import_url"] = reverse("admin:grants_grantcall_import", args=[obj.pk])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def import_upload_view(self, request, object_id):
        """Step 1: the spreadsheet (kept in private storage under a random name)."""
        call = self._call_for_import(request, object_id)
        form = ResultsUploadForm(request.POST or None, request.FILES or None, call=call)
        if request.method == "POST" and form.is_valid():
            results_import = services.create_import(
                call=call,
                upload=form.cleaned_data["file"],
                file_format=form.file_format,
                awarded_on=form.cleaned_data["awarded_on"],
                replace_existing=form.cleaned_data["replace_existing"],
                actor=request.user,
            )
            return HttpResponseRedirect(
                reverse("admin:grants_grantcall_import_preview", args=[call.pk, results_import.pk])
            )
        return TemplateResponse(
            request,
            "admin/grants/import_upload.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Import wyników: %(call)s") % {"call": call},
                "opts": self.opts,
                "object": call,
                "form": form,
                "change_url": self._change_url(call),
                "existing_count": call.grants.count(),
            },
        )

    def import_preview_view(self, request, object_id, import_id):
        """Step 2: every row checked, nothing saved; "Zapisz wyniki" saves all rows or none."""
        call = self._call_for_import(request, object_id)
        results_import = self._import_of(call, import_id)
        if request.method == "POST" and results_import.applied_at is None:
            try:
                applied = services.apply_import(results_import=results_import, actor=request.user)
            except services.ImportRefused as refused:
                for message in refused.messages:
                    self.message_user(request, message, messages.ERROR)
            else:
                self.message_user(
                    request,
                    ngettext(
                        "Zapisano wyniki z pliku „%(file)s”: %(count)d dotacja.",
                        "Zapisano wyniki z pliku „%(file)s”: %(count)d dotacji.",
                        applied.saved_count,
                    )
                    % {"file": applied.filename, "count": applied.saved_count},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(self._change_url(call))
        preview = services.preview_import(results_import) if results_import.applied_at is None else None
        return TemplateResponse(
            request,
            "admin/grants/import_preview.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Podgląd importu: %(file)s") % {"file": results_import.filename},
                "opts": self.opts,
                "object": call,
                "results_import": results_import,
                "preview": preview,
                "existing_count": call.grants.count(),
                "change_url": self._change_url(call),
                "upload_url": reverse("admin:grants_grantcall_import", args=[call.pk]),
                "file_url": reverse("admin:grants_grantcall_import_file", args=[call.pk, results_import.pk]),
            },
        )

    def import_file_view(self, request, object_id, import_id):
        """The uploaded file as it was (editors only: private storage has no public URL)."""
        call = self._call_for_import(request, object_id)
        results_import = self._import_of(call, import_id)
        response = FileResponse(
            results_import.file.open("rb"), as_attachment=True, filename=f"wyniki.{results_import.file_format}"
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
