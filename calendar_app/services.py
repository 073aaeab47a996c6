"""Writes to the calendar that change an event's state: called by admin actions and public forms alike."""

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks

from calendar_app.models import Event


def _log(event, moderator, message):
    """An entry in the object's admin history (who, when, what)."""
    if moderator is None:
        return
    LogEntry.objects.log_actions(
        user_id=moderator.pk,
        queryset=[event],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


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
    return event


@transaction.atomic
def event_publish(*, event, moderator=None):
    """Make an event public (also a rejected or cancelled one, which an editor restores)."""
    event.status = Event.Status.PUBLISHED
    event.rejection_reason = ""
    if event.published_at is None:
        event.published_at = timezone.now()
    event.save()
    _log(event, moderator, "Opublikowano wydarzenie.")
    return event


@transaction.atomic
def event_reject(*, event, moderator=None, reason):
    """Reject a pending event, keeping the record and the reason."""
    if not reason.strip():
        raise ValueError("A rejection needs a reason.")
    event.status = Event.Status.REJECTED
    event.rejection_reason = reason.strip()
    event.save()
    _log(event, moderator, f"Odrzucono wydarzenie: {event.rejection_reason}")
    return event


class EventNotCancellable(ValueError):
    """Only a published event can be cancelled: cancelled events are public."""


def can_cancel(event):
    """Whether `event_cancel` accepts it: published (or already cancelled, to change the note)."""
    return event.status in (Event.Status.PUBLISHED, Event.Status.CANCELLED)


@transaction.atomic
def event_cancel(*, event, moderator=None, note=""):
    """Cancel a published event: it stays public, marked "Odwołane" (and STATUS:CANCELLED in feeds).

    A draft, pending or rejected event was never public; cancelling it would
    publish it, so it is refused with `EventNotCancellable`.
    """
    if not can_cancel(event):
        raise EventNotCancellable(f"Only a published event can be cancelled; event {event.pk} is {event.status}.")
    event.status = Event.Status.CANCELLED
    if note:
        event.cancellation_note = note
    if event.published_at is None:
        event.published_at = timezone.now()
    event.save()
    _log(event, moderator, "Odwołano wydarzenie.")
    return event


@transaction.atomic
def event_copy(*, event, moderator=None):
    """A draft copy of an event (e.g. next year's edition), without its series exceptions."""
    copy = Event.objects.get(pk=event.pk)
    copy.pk = None
    copy._state.adding = True
    copy.slug = ""
    copy.status = Event.Status.DRAFT
    copy.published_at = None
    copy.rejection_reason = ""
    copy.cancellation_note = ""
    copy.submitter_name = copy.submitter_email = ""
    copy.save()
    _log(copy, moderator, f"Utworzono jako kopię wydarzenia „{event.title}” (id {event.pk}).")
    return copy
