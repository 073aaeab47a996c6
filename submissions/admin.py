import mimetypes

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from editorial.admin import EditorialAdmin, state_column
from editorial.services import TransitionRefused
from organizations.models import OrganizationChange
from submissions import services
from submissions.models import PendingSubmission, Submission


class NoteForm(forms.ModelForm):
    """The change page's only input: an internal note. Everything the sender
    wrote is read-only; decisions are the workflow's buttons and actions."""

    note = forms.CharField(
        label=_("Dodaj notatkę"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Widzi ją tylko redakcja; nie trafia do nadawcy."),
    )

    class Meta:
        model = Submission
        fields = []


@admin.register(Submission)
class SubmissionAdmin(EditorialAdmin, admin.ModelAdmin):
    CONTENT_LEGEND = _("Treść (zwykły tekst od nadawcy)")
    form = NoteForm
    list_display = ["reference", "kind", "summary_display", "state", "created_at", "age", "notified"]
    list_filter = ["status", "kind", ("editors_notified_at", admin.EmptyFieldListFilter)]
    list_select_related = ["organization", "event"]
    search_fields = ["reference", "title", "message", "contact_email", "organization__name", "event__title"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "reference",
        "kind",
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
        "sender_language",
        "consent_at",
        "personal_data_erased_at",
        "editors_notified_at",
        "notify_attempts",
        "last_notify_error",
        "sender_notice_due_at",
        "sender_notified_at",
        "moderator",
        "closed_at",
        "rejection_reason",
        "internal_note",
        "recent_history",
    ]
    fieldsets = [
        (None, {"fields": ["reference", "kind", "state_display", "created_at", "age", "target_link"]}),
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
                    "sender_language",
                    "consent_at",
                    "personal_data_erased_at",
                ]
            },
        ),
        (
            _("Powiadomienia"),
            {
                "fields": [
                    "editors_notified_at",
                    "notify_attempts",
                    "last_notify_error",
                    "sender_notice_due_at",
                    "sender_notified_at",
                ]
            },
        ),
        (
            _("Moderacja"),
            {"fields": ["moderator", "closed_at", "rejection_reason", "internal_note", "note", "recent_history"]},
        ),
    ]

    # get_absolute_url points back into admin: no "view on site" button.
    view_on_site = False

    # What the sender wrote, by kind (organizations and events live in their
    # own records, linked above; their picture waits here until approval).
    CONTENT_FIELDS = {
        Submission.Kind.NEWS: ["title", "message", "organization_name", "image_preview", "image_alt"],
        Submission.Kind.ERROR: ["page_url", "message"],
        Submission.Kind.CONTACT: ["title", "message"],
        Submission.Kind.ORGANIZATION: ["image_preview", "image_alt"],
        Submission.Kind.EVENT: ["image_preview", "image_alt"],
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

    state = state_column()

    def save_model(self, request, obj, form, change):
        """The only edit is an internal note (decisions are transitions)."""
        note = form.cleaned_data.get("note", "")
        if note.strip():
            try:
                services.add_note(submission=obj, actor=request.user, note=note)
            except TransitionRefused as refused:
                self.message_user(request, refused.message, messages.ERROR)

    def log_change(self, request, obj, message):
        # The note (if any) is the history entry of this edit; only admin's
        # own log (the index page's recent actions) is written here.
        return admin.ModelAdmin.log_change(self, request, obj, message)


@admin.register(PendingSubmission)
class PendingSubmissionAdmin(SubmissionAdmin):
    """Kolejka moderacji: every open item of every kind, oldest first."""

    list_display = ["reference", "kind", "summary_display", "status", "created_at", "age"]
    list_filter = ["kind", "status"]
    date_hierarchy = None

    ordering = ["created_at", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).open()

    def changelist_view(self, request, extra_context=None):
        """The queue also points to the organizations' own proposed changes
        (a kind of their own, with its field-by-field review page)."""
        waiting = OrganizationChange.objects.waiting().count()
        if waiting and request.method == "GET":
            self.message_user(
                request,
                format_html(
                    '{} <a href="{}?status__exact=pending">{}</a>',
                    ngettext(
                        "Czeka też %(count)d zmiana danych zgłoszona przez organizację.",
                        "Czeka też %(count)d zmian danych zgłoszonych przez organizacje.",
                        waiting,
                    )
                    % {"count": waiting},
                    reverse("admin:organizations_organizationchange_changelist"),
                    _("Przejrzyj zmiany danych"),
                ),
                messages.WARNING,
            )
        # Django's title, "Wybierz %s do zmiany", reads "Wybierz zgłoszenie do
        # moderacji do zmiany" here: the queue is simply the queue.
        return super().changelist_view(request, {"title": _("Kolejka moderacji"), **(extra_context or {})})
