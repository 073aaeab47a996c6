"""Writes to the calendar beyond a plain save: called by admin, public forms and pages alike.

Publishing, rejecting, cancelling and withdrawing are transitions of the
editorial core (`Event.workflow`, performed by `editorial.services.transition`);
this module holds the calendar's own steps and effects, and the stored
occurrences: written with every change of an event's times, rule or
exceptions, and extended ahead when a page asks for later dates.
"""

import datetime
import itertools

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from calendar_app import ics, recurrence
from calendar_app.models import Event, EventException, EventText, Occurrence, OccurrenceHorizon
from editorial.models import HistoryEntry
from editorial.services import record_change
from pps_portal.languages import SEARCH_COLUMNS


@transaction.atomic
def event_submit(*, event, description_text=""):
    """Save an event submitted through a public form as *pending*.

    `event` is an unsaved Event built by the form (only the fields the form
    lists); status and publication are set here, never by the form. The
    plain-text description becomes paragraphs of escaped text: submissions
    are never rich HTML.
    """
    occurrences_lock()
    event.pk = None
    event.status = Event.Status.PENDING
    event.published_at = None
    event.slug = ""
    if description_text:
        event.description = linebreaks(escape(description_text.strip()))
    event.full_clean()
    event.save()
    occurrences_store(events=[event])
    record_change(event, HistoryEntry.Action.CREATED, detail=_("Zgłoszone przez formularz publiczny."))
    return event


def stamp_published(event, *, now, **context):
    """Effect of publishing: the first publication time is kept for feeds and structured data."""
    if event.published_at is None:
        event.published_at = now


@transaction.atomic
def event_copy(*, event, moderator=None):
    """A draft copy of an event (e.g. next year's edition), without its series exceptions."""
    occurrences_lock()
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
    occurrences_store(events=[copy])
    record_change(
        copy,
        HistoryEntry.Action.CREATED,
        actor=moderator,
        detail=_("Utworzono jako kopię wydarzenia „%(title)s” (id %(pk)s).") % {"title": event.title, "pk": event.pk},
    )
    return copy


# -- stored occurrences ------------------------------------------------------

# An open window (the agenda, the feed, "Nadchodzące", an event's next dates)
# needs the stored occurrences to reach this far past its start: a yearly
# series' next date.
LOOKAHEAD = datetime.timedelta(days=400)
# An extension goes this far past what a page needs, so it happens about once
# a year (and once more for each far month someone opens; at most to 2101,
# the calendar's last year).
EXTEND_BY = datetime.timedelta(days=365)
# The advisory lock between occurrence writers (shared) and a horizon
# extension (exclusive): a writer never stores an event up to an old horizon
# while an extension that cannot see it yet moves the horizon on.
_HORIZON_LOCK = 5_132_013
# The stored horizon as last read, per process: it only grows, so pages
# check it without a query (tests/conftest.py resets it after each test).
_known_until = None


def occurrences_lock():
    """Take the writers' share of the horizon lock; call it before saving an event whose occurrences you store.

    Holding it before the event's row lock keeps the lock order of every
    writer the same as an extension's, so the two never deadlock.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [_HORIZON_LOCK])


def _default_until():
    return timezone.localdate() + LOOKAHEAD + EXTEND_BY


def forget_known_until(until=None):
    """Set the per-process memory of the horizon (tests: what a rolled-back test extended is gone)."""
    global _known_until
    _known_until = until


def _rows(event, exceptions, until, status):
    """The event's Occurrence rows up to local date `until` (its status copied to them)."""
    changes = [exception.as_change(event.is_all_day) for exception in exceptions]
    values = recurrence.occurrences(event.starts_at, event.ends_at, event.rule, changes, until)
    return [Occurrence(event=event, event_status=status, is_all_day=event.is_all_day, **row) for row in values]


def _exceptions_by_event(events):
    exceptions = EventException.objects.filter(event__in=[event.pk for event in events]).order_by("event_id")
    return {pk: list(group) for pk, group in itertools.groupby(exceptions, key=lambda e: e.event_id)}


@transaction.atomic
def occurrences_store(*, events):
    """Store the occurrences of `events` as their times, rules and exceptions now say; returns the row count.

    Call it in the transaction that saved the events or their exceptions
    (admin does, after the inline exceptions). Each event's rows are
    replaced: a series up to the stored horizon, its exceptions beyond it
    too. The events are locked and their status read again, so the status
    copied to the rows is the current one.
    """
    events = list(events)
    if not events:
        return 0
    occurrences_lock()
    horizon, _created = OccurrenceHorizon.objects.get_or_create(pk=1, defaults={"until": _default_until()})
    pks = [event.pk for event in events]
    statuses = dict(Event.objects.select_for_update(no_key=True).filter(pk__in=pks).values_list("pk", "status"))
    exceptions = _exceptions_by_event(events)
    rows = []
    for event in events:
        rows += _rows(event, exceptions.get(event.pk, []), horizon.until, statuses[event.pk])
    Occurrence.objects.filter(event__in=pks).delete()
    Occurrence.objects.bulk_create(rows, batch_size=2000)
    texts_store(events=events)
    return len(rows)


@transaction.atomic
def texts_store(*, events):
    """Store the iCalendar text of `events` (`EventText`) in every language, as they and their dates now are.

    `occurrences_store` calls it; calendar_app.apps calls it after any save
    of an event (a transition changes its STATUS and DTSTAMP) and of the
    category, district or organization whose name it shows.
    """
    pks = [event.pk for event in events]
    if not pks:
        return
    changed = Occurrence.objects.filter(event__in=pks).exclude(state=Occurrence.State.SCHEDULED)
    changes = {}
    for occurrence in changed.order_by("event_id", "original_starts_at"):
        changes.setdefault(occurrence.event_id, []).append(occurrence)
    fresh = list(
        Event.objects.select_related("category", "organizer", "district").defer(*SEARCH_COLUMNS).filter(pk__in=pks)
    )
    texts = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for event in fresh:
                texts.append(
                    EventText(event=event, language=language, text=ics.event_text(event, changes.get(event.pk, [])))
                )
    EventText.objects.filter(event__in=pks).delete()
    EventText.objects.bulk_create(texts, batch_size=2000)


def ensure_stored_until(day):
    """Make sure every occurrence starting on or before local date `day` is stored.

    Pages call it before reading. Usually answered from memory; when `day`
    is beyond the stored horizon, every series is extended first, once: the
    extension holds the lock alone and reads the horizon again, so a
    concurrent request waits and then finds the work done.
    """
    if _known_until is not None and day <= _known_until:
        return
    until = OccurrenceHorizon.objects.values_list("until", flat=True).first()
    if until is None or until < day:
        until = _extend_horizon(max(day + EXTEND_BY, _default_until()))
    forget_known_until(max(until, _known_until or until))


def ensure_stored_ahead(start):
    """`ensure_stored_until` for a window open after `start` (far enough for a yearly series' next date)."""
    ensure_stored_until((start + LOOKAHEAD).astimezone(recurrence.LOCAL_TZ).date())


# What expanding a series needs (not its description, image, …).
_RULE_FIELDS = [
    "status", "is_all_day", "starts_at", "ends_at",
    "repeat", "repeat_interval", "repeat_weekdays", "repeat_monthly_by", "repeat_until",
]  # fmt: skip


@transaction.atomic
def _extend_horizon(until):
    """Store every series up to `until`: its rows from the old horizon on are written again."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_HORIZON_LOCK])
    horizon, created = OccurrenceHorizon.objects.get_or_create(pk=1, defaults={"until": until})
    if not created and horizon.until >= until:
        return horizon.until  # another request extended it while this one waited
    series = Event.objects.series().only(*_RULE_FIELDS).order_by("pk")
    # From the day after the old horizon (everything, when there was none).
    since = datetime.date.min if created else horizon.until + datetime.timedelta(days=1)
    if not created:
        series = series.filter(Q(repeat_until__isnull=True) | Q(repeat_until__gte=since))
    pks = list(series.values_list("pk", flat=True))
    for start in range(0, len(pks), 500):
        # Locked before their rows are touched (as occurrences_store() does): a transition
        # holding one of them finishes first (its status cascades to rows not yet deleted
        # here), and the status read is the current one.
        chunk = list(series.filter(pk__in=pks[start : start + 500]).select_for_update(no_key=True))
        exceptions = _exceptions_by_event(chunk)
        rows = [
            row
            for event in chunk
            for row in _rows(event, exceptions.get(event.pk, []), until, event.status)
            if recurrence.local_naive(row.original_starts_at).date() >= since
        ]
        # Rows of changed dates beyond the old horizon are there already; written again, their
        # previous_ends_at now counts the dates stored before them.
        planned_after = Q(original_starts_at__gte=recurrence.local_midnight(since)) if not created else Q()
        Occurrence.objects.filter(planned_after, event__in=chunk).delete()
        Occurrence.objects.bulk_create(rows, batch_size=2000)
    horizon.until = until
    horizon.save(update_fields=["until"])
    return until
