"""When the public calendar changes by itself, for the page cache (pps_portal.invalidation).

Lists of what is coming (the agenda, the home page's "Nadchodzące
wydarzenia", an organization's events, an event page's next dates) drop an
occurrence when it ends; the .ics feed drops an event FEED_PAST after its
last occurrence ends. "Today" (month grid, day view, mini calendar) moves
at midnight, which the portal registers for every app.

Some reads treat an end as inclusive (the stored span is "[]"), others as
exclusive, so both the end and the instant after it are moments: a page
rendered exactly at an end is never kept past it.
"""

import datetime

from django.db.models import DateTimeField, F, Func, Min

from calendar_app import recurrence
from calendar_app.models import Event
from calendar_app.views import FEED_PAST

_INSTANT = datetime.timedelta(microseconds=1)


def next_change(now, horizon):
    """The first moment in (now, horizon] at which a public calendar page changes by itself, or None."""
    public = Event.objects.public()
    since = now - _INSTANT  # occurrences ending exactly now still change the page just after now
    ends = [o.ends_at for o in recurrence.expand_all(public.overlapping(since, horizon).for_days(), since, horizon)]
    last_end = public.filter(
        occurrence_span__endswith__gte=now - FEED_PAST, occurrence_span__endswith__lte=horizon - FEED_PAST
    ).aggregate(moment=Min(Func(F("occurrence_span"), function="upper", output_field=DateTimeField())))["moment"]
    if last_end is not None:
        ends.append(last_end + FEED_PAST)
    moments = (moment for end in ends for moment in (end, end + _INSTANT))
    return min((moment for moment in moments if now < moment <= horizon), default=None)
