"""iCalendar (RFC 5545) for one event and for the subscribable feed."""

import datetime
import functools
import html

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from calendar_app import recurrence

PRODID = "-//PPS Portal//Kalendarz//PL"
TZID = str(recurrence.LOCAL_TZ.key)
CONTENT_TYPE = "text/calendar; charset=utf-8"


def _description(event):
    text = html.unescape(strip_tags(event.description)).strip() or event.summary
    parts = [Truncator(" ".join(text.split())).chars(2000)]
    if event.organizer_display:
        parts.append(_("Organizator: %(name)s") % {"name": event.organizer_display})
    if not event.is_free and event.price:
        parts.append(_("Cena: %(price)s") % {"price": event.price})
    return "\n\n".join(part for part in parts if part)


def _location(event):
    parts = [event.venue_name, event.full_address]
    if event.district_id and event.district is not None:
        parts.append(event.district.name)
    return ", ".join(part for part in parts if part)


def _start_end(all_day, start, end):
    """DTSTART/DTEND values: dates for all-day (DTEND exclusive), local times with TZID otherwise."""
    if all_day:
        return start.astimezone(recurrence.LOCAL_TZ).date(), end.astimezone(recurrence.LOCAL_TZ).date()
    return start.astimezone(recurrence.LOCAL_TZ), end.astimezone(recurrence.LOCAL_TZ)


def _recurrence_id(occurrence):
    """The planned start of a changed date: a date for all-day events (RFC 5545 3.8.4.4)."""
    if occurrence.is_all_day:
        return recurrence.local_naive(occurrence.original_starts_at).date()
    return occurrence.original_starts_at.astimezone(recurrence.LOCAL_TZ)


def event_uid(event):
    """The event's UID, the same in every file and feed whichever host served it (RFC 5545 3.8.4.7)."""
    return f"event-{event.pk}@{settings.ICAL_UID_DOMAIN}"


def event_components(event, changes, *, url=None):
    """VEVENTs for one event: the event (with RRULE and EXDATE for a series) and one per moved date.

    `changes`: the event's cancelled and moved occurrences, which become
    EXDATE and RECURRENCE-ID overrides; subscribers expand the rule
    themselves. `url` (the event page's absolute address) ends each VEVENT;
    without it they are the stored text that `with_url` completes.
    """
    uid = event_uid(event)
    start, end = _start_end(event.is_all_day, event.starts_at, event.ends_at)

    def base(component_start, component_end):
        component = icalendar.Event()
        component.add("uid", uid)
        # Without METHOD, DTSTAMP is when the information was last revised (RFC 5545 3.8.7.2).
        component.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
        component.add("created", event.created_at.astimezone(datetime.UTC))
        component.add("last-modified", event.updated_at.astimezone(datetime.UTC))
        component.add("summary", event.title)
        component.add("dtstart", component_start)
        component.add("dtend", component_end)
        component.add("description", _description(event))
        location = _location(event)
        if location:
            component.add("location", location)
        if event.category_id and event.category is not None:
            component.add("categories", [event.category.name])
        if event.organizer_display and event.contact_email:
            # ORGANIZER is a calendar user address (RFC 5545 3.8.4.3); without an
            # e-mail the organizer's name is in DESCRIPTION instead.
            component.add("organizer", f"mailto:{event.contact_email}")
            component["organizer"].params["CN"] = event.organizer_display
        component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
        component.add("transp", "TRANSPARENT" if event.is_all_day else "OPAQUE")
        return component

    main = base(start, end)
    components = [main]
    if event.rule is not None:
        main.add("rrule", event.rule.ical(all_day=event.is_all_day, first=recurrence.local_naive(event.starts_at)))
        for occurrence in changes:
            if occurrence.is_moved:
                override = base(*_start_end(event.is_all_day, occurrence.starts_at, occurrence.ends_at))
                override.add("recurrence-id", _recurrence_id(occurrence))
                if occurrence.note:
                    override["description"] = f"{occurrence.note}\n\n{override['description']}"
                components.append(override)
            elif occurrence.state == occurrence.State.CANCELLED:
                main.add("exdate", _recurrence_id(occurrence))
    if url is not None:
        for component in components:
            component.add("url", url)
    return components


def event_text(event, changes):
    """The event's VEVENTs as text, without their URL (stored: `EventText`), in the active language."""
    return "".join(component.to_ical(sorted=False).decode() for component in event_components(event, changes))


def with_url(text, url_line):
    """Stored VEVENTs (`event_text`) with the URL content line `url_line` as the last property of each,
    where `event_components` puts it."""
    return text.replace("END:VEVENT\r\n", f"{url_line}\r\nEND:VEVENT\r\n")


# Writes URL content lines as a VEVENT writes its properties (folding and escaping are icalendar's).
_URL_LINE_WRITER = icalendar.Event()


@functools.lru_cache(maxsize=16_384)
def _url_line(base, language, slug):
    """The URL line of the event page `slug` on the site at `base` in `language` (the active one).

    Kept: a feed names a thousand events, and folding each line again
    (icalendar folds character by character) was most of its time.
    """
    url = base + reverse("calendar:detail", kwargs={"slug": slug})
    return _URL_LINE_WRITER.content_line("URL", icalendar.vUri(url), sorted=False).to_ical().decode()


def new_calendar(name, *, prodid=PRODID):
    """An empty VCALENDAR named `name` that subscribers refresh every 6 hours."""
    cal = icalendar.Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add("refresh-interval", datetime.timedelta(hours=6))
    cal["refresh-interval"].params["VALUE"] = "DURATION"
    return cal


def add_timezone(cal, years):
    """The portal's VTIMEZONE (from zoneinfo) for components with TZID in `years`, from a year before
    to three after; nothing without years (no component names the zone)."""
    if years:
        cal.add_component(_vtimezone(min(years) - 1, max(years) + 3))
    return cal


@functools.lru_cache(maxsize=32)
def _vtimezone(first_year, last_year):
    """The portal's VTIMEZONE over those years, made once (it walks every clock change from zoneinfo)."""
    return icalendar.Timezone.from_tzid(
        TZID, first_date=datetime.date(first_year, 1, 1), last_date=datetime.date(last_year, 1, 1)
    )


def calendar_text(rows, *, base, name):
    """A VCALENDAR (bytes) of stored event texts: `rows` from `EventText.objects.in_language()`, in order.

    The header (with VTIMEZONE from zoneinfo when a timed event names it in
    TZID) is icalendar's; each event's VEVENTs are its stored text with the
    URL of its page on the site at `base` ("https://host").
    """
    cal = add_timezone(new_calendar(name), [row.starts_at.year for row in rows if not row.is_all_day])
    head, end = cal.to_ical(sorted=False).decode().rsplit("END:VCALENDAR", 1)
    language = get_language()
    body = "".join(with_url(row.text, _url_line(base, language, row.slug)) for row in rows)
    return f"{head}{body}END:VCALENDAR{end}".encode()
