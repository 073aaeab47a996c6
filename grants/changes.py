"""When grant calls' public pages change by themselves, for the page cache (pps_portal.invalidation).

A call's phase follows its dates: `applications_open_at` and `deadline_at`
are date-time columns, which the page cache treats as moments by themselves,
and `resolved_on` is a date (midnight, registered by the portal). What is
derived, and registered here: the deadlines feed (/konkursy.ics) keeps a
call FEED_PAST_DAYS after its deadline, so it leaves the feed then.
"""

import datetime

from django.db.models import Min

from grants.models import GrantCall
from grants.views import FEED_PAST_DAYS

_INSTANT = datetime.timedelta(microseconds=1)


def next_change(now, horizon):
    """The first moment in (now, horizon] at which a call leaves the deadlines feed, or None."""
    past = datetime.timedelta(days=FEED_PAST_DAYS)
    # The feed lists deadline_at >= now - past: a call leaves it just after deadline + past.
    deadline = (
        GrantCall.objects.published()
        .filter(deadline_at__gte=now - past, deadline_at__lt=horizon - past)
        .aggregate(moment=Min("deadline_at"))["moment"]
    )
    return None if deadline is None else deadline + past + _INSTANT
