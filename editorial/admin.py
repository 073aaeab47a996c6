"""`EditorialAdmin`: the admin side of the editorial core, for any kind.

Mix it into a kind's ModelAdmin (`class NewsAdmin(EditorialAdmin, admin.ModelAdmin)`)
and it gets, from the kind's workflow table and nothing else:

* the state shown read-only (it changes only through transitions), with
  "zaplanowane"/"wygasłe" derived from the clock;
* a button on the change page for each transition the object may take now,
  leading to a confirmation page (with the reason field when the step asks
  for one);
* a bulk action for each transition, with the same confirmation page, one
  transaction, and a message "N done, M skipped and why";
* the history page (admin's "Historia" button): every transition, edit,
  restore and note from `editorial.HistoryEntry`, with its versions to
  compare field by field and to restore.

Kinds without a workflow (site settings) get the history and versions only.
"""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from editorial import services, versions
from editorial.models import HistoryEntry

HISTORY_PAGE_SIZE = 100
RECENT_HISTORY = 10


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Powód"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )

    def __init__(self, *args, step, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["reason"]
        field.required = step.needs_reason
        field.label = step.reason_label
        field.help_text = step.reason_help
        field.error_messages["required"] = _("Podaj powód.")


def _change_message_text(message):
    """Admin's change message (JSON or text) as the Polish sentence LogEntry renders."""
    if isinstance(message, list):
        message = json.dumps(message)
    return LogEntry(change_message=message).get_change_message()


class EditorialAdmin:
    """Mixin for a kind's ModelAdmin: states, transitions, history, versions."""

    change_form_template = "admin/editorial/change_form.html"

    # -- the workflow ----------------------------------------------------

    @property
    def workflow(self):
        return getattr(self.model, "workflow", None)

    def may_moderate(self, request):
        return self.workflow is not None and request.user.has_perm(self.workflow.permission)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self.workflow is not None:
            # The state and the rejection reason are written by transitions only.
            own = ("state_display", self.workflow.state_field, self.workflow.reason_field)
            fields += [name for name in own if name and name not in fields]
        return fields

    @admin.display(description=gettext_lazy("stan"))
    def state_display(self, obj):
        return self.workflow.display_state(obj) if self.workflow else "—"

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.may_moderate(request):
            return actions
        for step in self.workflow.transitions:
            name = f"transition_{step.name}"
            description = f"{step.label}…" if step.asks_reason else step.label
            actions[name] = (self._bulk_action(step), name, description)
        return actions

    def _bulk_action(self, step):
        def action(modeladmin, request, queryset):
            return modeladmin.bulk_transition(request, queryset, step)

        return action

    def bulk_transition(self, request, queryset, step):
        """The bulk action: a confirmation page (with the reason when asked), then one transaction."""
        form = ReasonForm(request.POST if "apply" in request.POST else None, step=step)
        if "apply" in request.POST and form.is_valid():
            result = services.transition_many(
                queryset, step.name, actor=request.user, reason=form.cleaned_data["reason"]
            )
            self.message_user(request, result.message(), result.level)
            return None
        objects = list(queryset)
        return TemplateResponse(
            request,
            "admin/editorial/bulk_transition.html",
            {
                **self.admin_site.each_context(request),
                "title": step.label,
                "opts": self.opts,
                "step": step,
                "form": form,
                "items": [(obj, self.workflow.refusal(obj, step)) for obj in objects],
                "action_name": f"transition_{step.name}",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "media": self.media,
            },
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None and self.may_moderate(request):
            context["editorial_transitions"] = [
                (step, reverse(self._url_name("transition"), args=[obj.pk, step.name]))
                for step in self.workflow.available(obj)
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _url_name(self, view):
        return f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/stan/<slug:name>/", wrap(self.transition_view), name=f"{info}_transition"),
            path("<path:object_id>/historia/porownaj/", wrap(self.compare_view), name=f"{info}_compare"),
            path(
                "<path:object_id>/historia/<int:version_id>/przywroc/",
                wrap(self.restore_view),
                name=f"{info}_restore",
            ),
            *super().get_urls(),
        ]

    def _object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _change_url(self, obj):
        return reverse(self._url_name("change"), args=[obj.pk])

    def transition_view(self, request, object_id, name):
        """One object's transition: a confirmation page, then the service."""
        obj = self._object_or_404(request, object_id)
        step = self.workflow.get(name) if self.workflow else None
        if step is None:
            raise Http404
        if not self.may_moderate(request):
            raise PermissionDenied
        form = ReasonForm(request.POST if request.method == "POST" else None, step=step)
        refusal = self.workflow.refusal(obj, step)
        if request.method == "POST" and refusal is None and form.is_valid():
            try:
                obj = services.transition(obj, step.name, actor=request.user, reason=form.cleaned_data["reason"])
            except services.TransitionRefused as refused:
                self.message_user(request, refused.message, messages.ERROR)
            else:
                self.message_user(request, f"{step.done or step.label}: „{obj}”.", messages.SUCCESS)
            if not self.get_queryset(request).filter(pk=obj.pk).exists():
                # It left this list (a queue of open items): back to the list.
                return HttpResponseRedirect(reverse(self._url_name("changelist")))
            return HttpResponseRedirect(self._change_url(obj))
        return TemplateResponse(
            request,
            "admin/editorial/transition.html",
            {
                **self.admin_site.each_context(request),
                "title": f"{step.label}: {obj}",
                "opts": self.opts,
                "object": obj,
                "step": step,
                "form": form,
                "refusal": refusal,
                "state": self.workflow.display_state(obj),
                "change_url": self._change_url(obj),
            },
        )

    # -- history and versions --------------------------------------------

    @admin.display(description=gettext_lazy("ostatnie wpisy historii"))
    def recent_history(self, obj):
        """The newest history entries on the change page itself, with a link to the full history."""
        if obj is None or obj.pk is None:
            return "—"
        entries = HistoryEntry.objects.for_object(obj).select_related("actor")[:RECENT_HISTORY]
        return format_html(
            '<ul>{}</ul><p><a href="{}">{}</a></p>',
            format_html_join(
                "",
                "<li>{} — {} — {}{}</li>",
                (
                    (
                        formats.date_format(timezone.localtime(e.at), "DATETIME_FORMAT"),
                        e.actor or _("serwis"),
                        e.summary,
                        f": {e.reason or e.detail}" if (e.reason or e.detail) else "",
                    )
                    for e in entries
                ),
            ),
            reverse(self._url_name("history"), args=[obj.pk]),
            _("Cała historia, wersje i porównania"),
        )

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        services.record_change(
            obj, HistoryEntry.Action.CREATED, actor=request.user, detail=_change_message_text(message)
        )
        return entry

    def save_model(self, request, obj, form, change):
        if change:
            # Content made before versions were kept gets its version 1 first.
            services.ensure_baseline(obj)
        super().save_model(request, obj, form, change)

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        services.record_change(
            obj, HistoryEntry.Action.EDITED, actor=request.user, detail=_change_message_text(message)
        )
        return entry

    def log_deletions(self, request, queryset):
        entries = super().log_deletions(request, queryset)
        for obj in queryset:
            services.record(obj, HistoryEntry.Action.DELETED, actor=request.user)
        return entries

    def history_view(self, request, object_id, extra_context=None):
        """The one history of the object: every entry, newest first, with its versions."""
        obj = self._object_or_404(request, object_id)
        entries = list(HistoryEntry.objects.for_object(obj).select_related("actor", "version")[:HISTORY_PAGE_SIZE])
        numbers = {}
        if versions.is_versioned(type(obj)):
            numbers = {pk: n for n, pk in enumerate(versions.versions_for(obj).values_list("pk", flat=True), 1)}
        may_restore = self.has_change_permission(request, obj)
        rows = [
            {
                "entry": entry,
                "number": numbers.get(entry.version_id),
                "restore_url": (
                    reverse(self._url_name("restore"), args=[obj.pk, entry.version_id])
                    if may_restore and entry.version_id and entry.version_id != max(numbers, default=None)
                    else None
                ),
            }
            for entry in entries
        ]
        return TemplateResponse(
            request,
            "admin/editorial/object_history.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Historia: %(object)s") % {"object": obj},
                "subtitle": None,
                "opts": self.opts,
                "object": obj,
                "rows": rows,
                "is_versioned": bool(numbers),
                "compare_url": reverse(self._url_name("compare"), args=[obj.pk]),
                "change_url": self._change_url(obj),
                **(extra_context or {}),
            },
        )

    def _version_of(self, obj, version_id):
        version = versions.versions_for(obj).filter(pk=version_id).first()
        if version is None:
            raise Http404
        return version

    def compare_view(self, request, object_id):
        """Two versions field by field (?a=<version>&b=<version>), rich text as a word diff."""
        obj = self._object_or_404(request, object_id)
        try:
            ids = sorted(int(request.GET[key]) for key in ("a", "b"))
        except (KeyError, ValueError):
            self.message_user(request, _("Zaznacz dwie wersje do porównania."), messages.WARNING)
            return HttpResponseRedirect(reverse(self._url_name("history"), args=[obj.pk]))
        old, new = (self._version_of(obj, pk) for pk in ids)
        fields = versions.compare(old, new)
        return TemplateResponse(
            request,
            "admin/editorial/compare.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Porównanie wersji: %(object)s") % {"object": obj},
                "opts": self.opts,
                "object": obj,
                "old": old,
                "new": new,
                "old_number": versions.number_of(old),
                "new_number": versions.number_of(new),
                "changed": [f for f in fields if f.changed],
                "unchanged_count": sum(1 for f in fields if not f.changed),
                "history_url": reverse(self._url_name("history"), args=[obj.pk]),
            },
        )

    def restore_view(self, request, object_id, version_id):
        """Restore an earlier version (a confirmation page showing what will change)."""
        obj = self._object_or_404(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        version = self._version_of(obj, version_id)
        history_url = reverse(self._url_name("history"), args=[obj.pk])
        if request.method == "POST":
            try:
                obj, notes = services.restore_version(obj, version, actor=request.user)
            except services.TransitionRefused as refused:
                self.message_user(request, refused.message, messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Przywrócono wersję %(number)d: „%(object)s”.")
                    % {"number": versions.number_of(version), "object": obj},
                    messages.SUCCESS,
                )
                for note in notes:
                    self.message_user(request, note, messages.WARNING)
            return HttpResponseRedirect(history_url)
        latest = versions.versions_for(obj).order_by("-pk").first()
        fields = versions.compare(latest, version) if latest else []
        return TemplateResponse(
            request,
            "admin/editorial/restore.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Przywróć wersję %(number)d: %(object)s")
                % {"number": versions.number_of(version), "object": obj},
                "opts": self.opts,
                "object": obj,
                "version": version,
                "changed": [f for f in fields if f.changed],
                "history_url": history_url,
            },
        )


def state_column(description=None):
    """A list_display column with the derived state ("zaplanowane", "wygasłe")."""

    @admin.display(description=description or gettext_lazy("stan"), ordering="status")
    def column(self, obj):
        label = obj.workflow.display_state(obj)
        if obj.workflow.is_scheduled(obj) or obj.workflow.is_expired(obj):
            return format_html("<strong>{}</strong>", label)
        return label

    return column
