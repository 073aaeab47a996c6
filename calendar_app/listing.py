"""Lists of events by their next occurrence, paginated without loading every event."""

from django.db.models import Q

from calendar_app import recurrence
from calendar_app.models import Event


class AgendaSequence:
    """Events overlapping [start, end) as their next occurrence, ordered by it.

    Behaves like a sequence for Django's Paginator (`count()` and slicing).
    Single events are counted and sliced in the database (ordered by
    starts_at, id); series, which are few, are loaded once and placed by
    their next occurrence. A slice [o, o+n) needs at most len(series) + n
    single events, whatever the page number: a constant number of queries.

    `events` must already be filtered to public events and carry
    `for_listing()`.
    """

    def __init__(self, events, start, end=None):
        self.start, self.end = start, end
        self._window = events.overlapping(start, end)
        self.singles = self._window.single().order_by("starts_at", "pk")
        self._series_events = self._window.series()
        self._series = None
        self._count = None

    @property
    def series(self):
        if self._series is None:
            occurrences = []
            for event in self._series_events:
                occurrence = recurrence.next_occurrence(event, self.start, self.end)
                if occurrence is not None:
                    occurrences.append(occurrence)
            occurrences.sort(key=self._key)
            self._series = occurrences
        return self._series

    @staticmethod
    def _key(occurrence):
        return (occurrence.starts_at, occurrence.event.pk)

    @staticmethod
    def _as_occurrence(event):
        start, end = event.first_bounds()
        return recurrence.Occurrence(event=event, starts_at=start, ends_at=end, is_all_day=event.is_all_day)

    def head(self, limit):
        """The first `limit` items in ONE query: every series plus the first `limit` single events.

        For blocks (home page, organization page) that need no count.
        """
        first_singles = self.singles.values("pk")[:limit]
        events = self._window.filter(~Q(repeat=Event.Repeat.NONE) | Q(pk__in=first_singles))
        singles, series = [], []
        for event in events:
            if event.is_series:
                occurrence = recurrence.next_occurrence(event, self.start, self.end)
                if occurrence is not None:
                    series.append(occurrence)
            else:
                singles.append(self._as_occurrence(event))
        return sorted(singles + series, key=self._key)[:limit]

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
        series = self.series
        first_single = max(0, offset - len(series))
        singles = [self._as_occurrence(event) for event in self.singles[first_single:stop]]
        if first_single == 0 or not singles:
            # From the very beginning: everything loaded is the head of the list.
            position, tail = 0, sorted(singles + series, key=self._key)
        else:
            # singles[0] is the first_single-th single event; the series ahead of
            # it are counted, not shown (first_single <= offset - len(series)).
            pivot = self._key(singles[0])
            before = sum(1 for occurrence in series if self._key(occurrence) < pivot)
            position = first_single + before
            tail = sorted(singles + [o for o in series if self._key(o) >= pivot], key=self._key)
        return tail[offset - position : stop - position]
