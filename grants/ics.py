"""Application deadlines as iCalendar (RFC 5545): one call, or every call as a feed.

Each call is one VEVENT at its deadline (a moment: DTSTART with no end,
TRANSP:TRANSPARENT, so it never blocks anyone's time) with a VALARM a day
before, so an NGO that subscribes once is reminded of every deadline. A
cancelled call stays in the feed as STATUS:CANCELLED, so subscribers'
calendars drop it instead of keeping a stale deadline.
"""

import datetime

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from calendar_app import ics as calendar_ics
from grants.phases import Phase
from pps_portal.text import format_pln

PRODID = "-//PPS Portal//Konkursy ofert//PL"
REMINDER = datetime.timedelta(days=1)


def call_uid(call):
    """The same in every file and feed whichever host served it (RFC 5545 3.8.4.7)."""
    return f"grant-call-{call.pk}@{settings.ICAL_UID_DOMAIN}"


def _description(call, url):
    parts = [
        f"{call.get_kind_display()} — {call.area.name}",
        _("Łączna kwota: %(amount)s") % {"amount": format_pln(call.budget)},
        _("Oferty: %(where)s") % {"where": call.application_url},
    ]
    if call.phase == Phase.CANCELLED:
        parts.insert(0, _("Konkurs unieważniony: %(reason)s") % {"reason": call.cancellation_reason})
    parts.append(url)
    return "\n\n".join(parts)


def deadline_event(call, *, url):
    """The VEVENT of one call's application deadline, with its reminder."""
    event = icalendar.Event()
    event.add("uid", call_uid(call))
    # Without METHOD, DTSTAMP is when the information was last revised (RFC 5545 3.8.7.2).
    event.add("dtstamp", call.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", call.updated_at.astimezone(datetime.UTC))
    event.add("summary", _("Termin składania ofert: %(title)s") % {"title": call.title})
    event.add("dtstart", timezone.localtime(call.deadline_at))
    event.add("description", _description(call, url))
    event.add("url", url)
    event.add("categories", [_("Konkursy ofert")])
    event.add("status", "CANCELLED" if call.phase == Phase.CANCELLED else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -REMINDER)
    alarm.add("description", _("Jutro mija termin składania ofert: %(title)s") % {"title": call.title})
    event.add_component(alarm)
    return event


def calendar_for(calls, *, url_for, name):
    """A VCALENDAR with each call's deadline, VTIMEZONE for Europe/Warsaw from zoneinfo."""
    cal = calendar_ics.new_calendar(name, prodid=PRODID)
    for call in calls:
        cal.add_component(deadline_event(call, url=url_for(call)))
    return calendar_ics.add_timezone(cal, [call.deadline_at.year for call in calls])
