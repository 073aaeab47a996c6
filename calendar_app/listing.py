"""Lists of events by their next occurrence, paginated without loading every event."""

import dataclasses

from calendar_app import recurrence
from calendar_app.models import Event


def hydrate(occurrences):
    """Replace the slim events of `occurrences` by full ones for display (one query).

    Expansion needs only a few columns (`EventQuerySet.for_days()`); what a
    page shows (category, organizer, district…) is loaded for the shown
    occurrences only.
    """
    pks = {occurrence.event.pk for occurrence in occurrences}
    if not pks:
        return []
    full = Event.objects.for_listing().defer("description").in_bulk(pks)
    return [dataclasses.replace(occurrence, event=full[occurrence.event.pk]) for occurrence in occurrences]


def _key(occurrence):
    return (occurrence.starts_at.timestamp(), occurrence.event.pk)


class AgendaSequence:
    """Events overlapping [start, end) as their next occurrence, ordered by it.

    Behaves like a sequence for Django's Paginator (`count()` and slicing).
    Single events are counted and keyed in the database (ordered by
    starts_at, id); series are loaded slim and placed by their next
    occurrence. A slice [o, o+n) needs the keys of at most len(series) + n
    single events, then the n shown events are loaded in full: a constant
    number of queries whatever the page.

    `events`: public events, filtered, without select_related (they are
    loaded slim here and in full only for the shown slice).
    """

    def __init__(self, events, start, end=None):
        self.start, self.end = start, end
        self._window = events.overlapping(start, end)
        self.singles = self._window.single().order_by("starts_at", "pk")
        self._series = None
        self._count = None

    def _next(self, event):
        return recurrence.next_occurrence(event, self.start, self.end)

    @property
    def series(self):
        """Next occurrences of the series in the window, ordered (slim events)."""
        if self._series is None:
            found = (self._next(event) for event in self._window.series().for_days())
            self._series = sorted((o for o in found if o is not None), key=_key)
        return self._series

    def head(self, limit):
        """The first `limit` items for blocks without a count (home, organization page): two queries.

        One query for every series plus the first `limit` single events
        (slim), one for the full events shown.
        """
        # UNION ALL of two index-friendly selections (an OR of both made PostgreSQL scan everything).
        first_singles = self.singles.for_days()[:limit]
        events = self._window.series().for_days().union(first_singles, all=True)
        found = [self._next(event) if event.is_series else self._as_occurrence(event) for event in events]
        return hydrate(sorted((o for o in found if o is not None), key=_key)[:limit])

    @staticmethod
    def _as_occurrence(event):
        start, end = event.first_bounds()
        return recurrence.Occurrence(event=event, starts_at=start, ends_at=end, is_all_day=event.is_all_day)

    def count(self):
        if self._count is None:
            self._count = self.singles.count() + len(self.series)
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("AgendaSequence supports plain slices only")
        offset = index.start or 0
        stop = index.stop if index.stop is not None else self.count()
        if stop <= offset:
            return []
        series = [(_key(o), o) for o in self.series]
        first_single = max(0, offset - len(series))
        singles = [
            ((starts_at.timestamp(), pk), pk)
            for pk, starts_at in self.singles.values_list("pk", "starts_at")[first_single:stop]
        ]
        if first_single == 0 or not singles:
            # From the very beginning: everything loaded is the head of the list.
            position, tail = 0, sorted(singles + series, key=lambda item: item[0])
        else:
            # singles[0] is the first_single-th single event; the series ahead of
            # it are counted, not shown (first_single <= offset - len(series)).
            pivot = singles[0][0]
            before = sum(1 for key, _o in series if key < pivot)
            position = first_single + before
            tail = sorted(singles + [item for item in series if item[0] >= pivot], key=lambda item: item[0])
        shown = [item for _key_, item in tail[offset - position : stop - position]]
        pks = {item if isinstance(item, int) else item.event.pk for item in shown}
        full = Event.objects.for_listing().defer("description").in_bulk(pks) if pks else {}
        return [
            self._as_occurrence(full[item])
            if isinstance(item, int)
            else dataclasses.replace(item, event=full[item.event.pk])
            for item in shown
        ]
