"""Writes to the calendar beyond a plain save: called by admin and public forms alike.

Publishing, rejecting, cancelling and withdrawing are transitions of the
editorial core (`Event.workflow`, performed by `editorial.services.transition`);
this module holds the calendar's own steps and effects.
"""

from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from calendar_app.models import Event
from editorial.models import HistoryEntry
from editorial.services import record_change


@transaction.atomic
def event_submit(*, event, description_text=""):
    """Save an event submitted through a public form as *pending*.

    `event` is an unsaved Event built by the form (only the fields the form
    lists); status and publication are set here, never by the form. The
    plain-text description becomes paragraphs of escaped text: submissions
    are never rich HTML.
    """
    event.pk = None
    event.status = Event.Status.PENDING
    event.published_at = None
    event.slug = ""
    if description_text:
        event.description = linebreaks(escape(description_text.strip()))
    event.full_clean()
    event.save()
    record_change(event, HistoryEntry.Action.CREATED, detail=_("Zgłoszone przez formularz publiczny."))
    return event


def stamp_published(event, *, now, **context):
    """Effect of publishing: the first publication time is kept for feeds and structured data."""
    if event.published_at is None:
        event.published_at = now


@transaction.atomic
def event_copy(*, event, moderator=None):
    """A draft copy of an event (e.g. next year's edition), without its series exceptions."""
    copy = Event.objects.get(pk=event.pk)
    copy.pk = None
    copy._state.adding = True
    copy.slug = ""
    copy.status = Event.workflow.initial
    copy.published_at = None
    copy.rejection_reason = ""
    copy.cancellation_note = ""
    copy.submitter_name = copy.submitter_email = ""
    copy.save()
    record_change(
        copy,
        HistoryEntry.Action.CREATED,
        actor=moderator,
        detail=_("Utworzono jako kopię wydarzenia „%(title)s” (id %(pk)s).") % {"title": event.title, "pk": event.pk},
    )
    return copy
