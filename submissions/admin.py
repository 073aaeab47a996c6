import mimetypes

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from submissions import services
from submissions.models import PendingSubmission, Submission, SubmissionLog

APPROVABLE = {Submission.Kind.ORGANIZATION, Submission.Kind.EVENT, Submission.Kind.NEWS}
HANDLED = {Submission.Kind.ERROR, Submission.Kind.CONTACT}


class ModerationForm(forms.ModelForm):
    """The change page's decision: one choice and, where needed, a text.

    Everything the sender wrote is read-only; editors act through services.
    """

    decision = forms.ChoiceField(
        label=_("Decyzja"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            ("", _("bez zmian")),
            ("approve", _("zatwierdź (opublikuj organizację/wydarzenie, utwórz szkic artykułu)")),
            ("reject", _("odrzuć (podaj powód)")),
            ("start", _("przyjmij do realizacji")),
            ("finish", _("oznacz jako załatwione")),
            ("note", _("dodaj notatkę")),
        ],
    )
    decision_text = forms.CharField(
        label=_("Powód / notatka"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Powód odrzucenia jest zapisywany; notatki widzi tylko redakcja."),
    )

    class Meta:
        model = Submission
        fields = []

    def clean(self):
        cleaned = super().clean()
        decision, text = cleaned.get("decision"), (cleaned.get("decision_text") or "").strip()
        submission = self.instance
        if decision in {"approve", "reject", "start", "finish"} and not submission.is_open:
            raise forms.ValidationError(_("To zgłoszenie jest już zamknięte."))
        if decision == "approve" and submission.kind not in APPROVABLE:
            raise forms.ValidationError(_("Zgłoszenia błędów i wiadomości oznacz jako załatwione."))
        if decision == "finish" and submission.kind not in HANDLED:
            raise forms.ValidationError(_("Zgłoszenia organizacji, wydarzeń i newsów zatwierdź albo odrzuć."))
        if decision == "start" and submission.status != Submission.Status.NEW:
            raise forms.ValidationError(_("Do realizacji można przyjąć tylko nowe zgłoszenie."))
        if decision in {"reject", "note"} and not text:
            self.add_error("decision_text", _("Wpisz powód odrzucenia albo treść notatki."))
        return cleaned


class SubmissionLogInline(admin.TabularInline):
    model = SubmissionLog
    extra = 0
    can_delete = False
    fields = ["at", "action", "actor", "detail"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Powód odrzucenia"), widget=forms.Textarea(attrs={"rows": 3}))


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    CONTENT_LEGEND = _("Treść (zwykły tekst od nadawcy)")
    form = ModerationForm
    list_display = ["reference", "kind", "summary_display", "status", "created_at", "age", "notified"]
    list_filter = ["status", "kind", ("editors_notified_at", admin.EmptyFieldListFilter)]
    list_select_related = ["organization", "event"]
    search_fields = ["reference", "title", "message", "contact_email", "organization__name", "event__title"]
    date_hierarchy = "created_at"
    actions = ["approve_selected", "reject_selected", "finish_selected"]
    inlines = [SubmissionLogInline]
    readonly_fields = [
        "reference",
        "kind",
        "status",
        "created_at",
        "age",
        "target_link",
        "title",
        "message",
        "page_url",
        "organization_name",
        "image_preview",
        "image_alt",
        "contact_name",
        "contact_email",
        "contact_phone",
        "wants_copy",
        "consent_at",
        "personal_data_erased_at",
        "editors_notified_at",
        "notify_attempts",
        "last_notify_error",
        "moderator",
        "closed_at",
        "rejection_reason",
        "internal_note",
    ]
    fieldsets = [
        (None, {"fields": ["reference", "kind", "status", "created_at", "age", "target_link"]}),
        (
            CONTENT_LEGEND,
            {"fields": ["title", "message", "page_url", "organization_name", "image_preview", "image_alt"]},
        ),
        (
            _("Nadawca (dane osobowe — niepubliczne)"),
            {
                "fields": [
                    "contact_name",
                    "contact_email",
                    "contact_phone",
                    "wants_copy",
                    "consent_at",
                    "personal_data_erased_at",
                ]
            },
        ),
        (_("Powiadomienie redakcji"), {"fields": ["editors_notified_at", "notify_attempts", "last_notify_error"]}),
        (
            _("Moderacja"),
            {"fields": ["moderator", "closed_at", "rejection_reason", "internal_note", "decision", "decision_text"]},
        ),
    ]

    # get_absolute_url points back into admin: no "view on site" button.
    view_on_site = False

    # What the sender wrote, by kind (organizations and events live in their
    # own records, linked above).
    CONTENT_FIELDS = {
        Submission.Kind.NEWS: ["title", "message", "organization_name", "image_preview", "image_alt"],
        Submission.Kind.ERROR: ["page_url", "message"],
        Submission.Kind.CONTACT: ["title", "message"],
    }

    def get_fieldsets(self, request, obj=None):
        content = self.CONTENT_FIELDS.get(obj.kind, []) if obj else []
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            if name == self.CONTENT_LEGEND:
                if not content:
                    continue
                options = {**options, "fields": content}
            fieldsets.append((name, options))
        return fieldsets

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("zdjęcie"))
    def image_preview(self, obj):
        if not obj.image:
            return "—"
        url = reverse("admin:submissions_submission_image", args=[obj.pk])
        return format_html(
            '<a href="{}"><img src="{}" alt="{}" width="320" height="{}"></a>',
            url,
            url,
            obj.image_alt,
            round(320 * (obj.image_height or 1) / (obj.image_width or 1)),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/zdjecie/",
                self.admin_site.admin_view(self.image_view),
                name="submissions_submission_image",
            ),
            *super().get_urls(),
        ]

    def image_view(self, request, pk):
        """A submitted picture, for editors only (it has no public URL)."""
        submission = get_object_or_404(Submission, pk=pk)
        if not self.has_view_permission(request, submission):
            raise PermissionDenied
        if not submission.image:
            raise Http404
        content_type = mimetypes.guess_type(submission.image.name)[0] or "application/octet-stream"
        response = FileResponse(submission.image.open("rb"), content_type=content_type)
        response["Cache-Control"] = "private, no-store"
        return response

    @admin.display(description=_("dotyczy"))
    def summary_display(self, obj):
        return obj.summary

    @admin.display(description=_("czeka"))
    def age(self, obj):
        end = obj.closed_at or timezone.now()
        return timesince(obj.created_at, end)

    @admin.display(description=_("powiadomiono"), boolean=True)
    def notified(self, obj):
        return obj.editors_notified_at is not None

    @admin.display(description=_("rekord"))
    def target_link(self, obj):
        target = obj.organization or obj.event or obj.news
        if target is None:
            return "—"
        url = reverse(f"admin:{target._meta.app_label}_{target._meta.model_name}_change", args=[target.pk])
        return format_html('<a href="{}">{}</a> ({})', url, target, target._meta.verbose_name)

    def save_model(self, request, obj, form, change):
        """Apply the chosen decision through the services (nothing else is editable)."""
        decision = form.cleaned_data.get("decision")
        text = form.cleaned_data.get("decision_text", "")
        try:
            if decision == "approve":
                services.submission_approve(submission=obj, moderator=request.user)
            elif decision == "reject":
                services.submission_reject(submission=obj, moderator=request.user, reason=text)
            elif decision == "start":
                services.submission_start(submission=obj, moderator=request.user, note=text)
            elif decision == "finish":
                services.submission_finish(submission=obj, moderator=request.user, note=text)
            elif decision == "note":
                services.submission_add_note(submission=obj, moderator=request.user, note=text)
        except services.ModerationError as error:
            self.message_user(request, str(error), messages.ERROR)

    def save_related(self, request, form, formsets, change):
        """The history is written by the services only."""

    @admin.action(description=_("Zatwierdź zaznaczone"), permissions=["change"])
    def approve_selected(self, request, queryset):
        done = 0
        for submission in queryset.filter(status__in=Submission.OPEN_STATUSES, kind__in=APPROVABLE):
            try:
                services.submission_approve(submission=submission, moderator=request.user)
            except services.ModerationError as error:
                self.message_user(request, f"{submission.reference}: {error}", messages.WARNING)
            else:
                done += 1
        self._report(request, done, queryset.count() - done)

    @admin.action(description=_("Oznacz zaznaczone jako załatwione"), permissions=["change"])
    def finish_selected(self, request, queryset):
        done = 0
        for submission in queryset.filter(status__in=Submission.OPEN_STATUSES, kind__in=HANDLED):
            services.submission_finish(submission=submission, moderator=request.user)
            done += 1
        self._report(request, done, queryset.count() - done)

    @admin.action(description=_("Odrzuć zaznaczone…"), permissions=["change"])
    def reject_selected(self, request, queryset):
        """Asks for the reason on an intermediate page, then rejects."""
        open_items = queryset.filter(status__in=Submission.OPEN_STATUSES)
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            for submission in open_items:
                services.submission_reject(
                    submission=submission, moderator=request.user, reason=form.cleaned_data["reason"]
                )
            self._report(request, len(open_items), queryset.count() - len(open_items))
            return None
        return TemplateResponse(
            request,
            "admin/submissions/reject.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Odrzuć zgłoszenia"),
                "submissions": open_items,
                "form": form,
                "opts": self.model._meta,
                "action": "reject_selected",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    def _report(self, request, done, skipped):
        message = ngettext("Obsłużono %(n)d zgłoszenie.", "Obsłużono %(n)d zgłoszeń.", done) % {"n": done}
        if skipped:
            message += " " + ngettext(
                "Pominięto %(n)d (zamknięte albo innego rodzaju).",
                "Pominięto %(n)d (zamknięte albo innego rodzaju).",
                skipped,
            ) % {"n": skipped}
        self.message_user(request, message, messages.SUCCESS if done else messages.WARNING)


@admin.register(PendingSubmission)
class PendingSubmissionAdmin(SubmissionAdmin):
    """Kolejka moderacji: every open item of every kind, oldest first."""

    list_display = ["reference", "kind", "summary_display", "status", "created_at", "age"]
    list_filter = ["kind", "status"]
    date_hierarchy = None

    ordering = ["created_at", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).open()
