"""How fresh a registry entry is: the rules of the yearly confirmation.

An entry counts as confirmed on the day the organization (or the editors)
last said its data is current (`Organization.confirmed_at`). Counted in
whole local days, so an entry becomes "due" or "unconfirmed" at midnight in
the city's time zone, the same moment for every page, query and command:

* confirmed within the last CONFIRM_AFTER_MONTHS: current;
* older than that: the yearly reminder is due (`send_confirmation_reminders`);
* older than STALE_AFTER_MONTHS: the page says "Dane niepotwierdzone od <data>".
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone

CONFIRM_AFTER_MONTHS = 12
STALE_AFTER_MONTHS = 24
# A reminder not answered is repeated after this long (until the entry is
# confirmed or the organization unsubscribes from the reminders).
REMINDER_INTERVAL = datetime.timedelta(days=90)


def confirmed_before(months, now=None):
    """The moment before which a confirmation is more than `months` old.

    Midnight (local time) after the day `months` ago: a confirmation made on
    that day or earlier is older than `months`. Comparing `confirmed_at <`
    this in SQL and on one object gives the same answer.
    """
    today = timezone.localdate(now or timezone.now())
    day_after = today - relativedelta(months=months) + datetime.timedelta(days=1)
    return datetime.datetime.combine(day_after, datetime.time.min, tzinfo=timezone.get_current_timezone())
