"""When the public calendar changes by itself, for the page cache (pps_portal.invalidation).

Lists of what is coming (the agenda, the home page's "Nadchodzące
wydarzenia", an organization's events, an event page's next dates) drop an
occurrence when it ends; the .ics feed drops it FEED_PAST after it ends.
"Today" (month grid, day view, mini calendar) moves at midnight, which the
portal registers for every app.

Reads treat an end as inclusive ("not over before now" is `ends_at >= now`),
so both the end and the instant after it are moments: a page rendered
exactly at an end is never kept past it.
"""

import datetime

from calendar_app.models import Occurrence
from calendar_app.views import FEED_PAST

_INSTANT = datetime.timedelta(microseconds=1)


def _first_end(after, until):
    """The first end of a public occurrence in [after, until] (the public ends index), or None."""
    ends = Occurrence.objects.public().filter(ends_at__gte=after, ends_at__lte=until).order_by("ends_at")
    return ends.values_list("ends_at", flat=True).first()


def next_change(now, horizon):
    """The first moment in (now, horizon] at which a public calendar page changes by itself, or None."""
    since = now - _INSTANT  # occurrences ending exactly now still change the page just after now
    ends = [_first_end(since, horizon)]
    feed_end = _first_end(since - FEED_PAST, horizon - FEED_PAST)
    ends.append(feed_end + FEED_PAST if feed_end is not None else None)
    moments = (moment for end in ends if end is not None for moment in (end, end + _INSTANT))
    return min((moment for moment in moments if now < moment <= horizon), default=None)
