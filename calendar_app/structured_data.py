"""schema.org Event data for event pages (JSON-LD)."""

from django.utils.html import strip_tags
from django.utils.text import Truncator

from calendar_app import recurrence

ATTENDANCE_MODES = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def _when(occurrence):
    if occurrence.is_all_day:
        return occurrence.start_date.isoformat(), occurrence.end_date.isoformat()
    local = recurrence.LOCAL_TZ
    return occurrence.starts_at.astimezone(local).isoformat(), occurrence.ends_at.astimezone(local).isoformat()


def event_structured_data(request, event, occurrence):
    """The event as schema.org `Event`: dates of the shown occurrence, status, place, organizer, offers."""
    url = request.build_absolute_uri(event.get_absolute_url())
    start, end = _when(occurrence)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/EventCancelled"
        if occurrence.is_cancelled
        else ("https://schema.org/EventRescheduled" if occurrence.is_moved else "https://schema.org/EventScheduled"),
        "eventAttendanceMode": ATTENDANCE_MODES[event.attendance_mode],
        "inLanguage": "pl",
    }
    description = event.summary or Truncator(" ".join(strip_tags(event.description).split())).chars(300)
    if description:
        data["description"] = description
    locations = []
    if event.attendance_mode != "online":
        place = {"@type": "Place", "name": event.venue_name or event.full_address or event.city}
        address = {"@type": "PostalAddress", "addressCountry": "PL"}
        if event.address:
            address["streetAddress"] = event.address
        if event.postal_code:
            address["postalCode"] = event.postal_code
        if event.city:
            address["addressLocality"] = event.city
        place["address"] = address
        locations.append(place)
    if event.attendance_mode != "offline" and event.external_url:
        locations.append({"@type": "VirtualLocation", "url": event.external_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.organizer_display:
        organizer = {"@type": "Organization", "name": event.organizer_display}
        if event.organizer_is_listed:
            organizer["url"] = request.build_absolute_uri(event.organizer.get_absolute_url())
        data["organizer"] = organizer
    offer = {"@type": "Offer", "priceCurrency": "PLN", "url": event.external_url or url}
    if event.is_free:
        offer["price"] = "0"
        data["isAccessibleForFree"] = True
    else:
        if event.price_amount is not None:
            offer["price"] = event.price_amount
        if event.price:
            offer["description"] = event.price
    data["offers"] = offer
    if event.image_shown:
        data["image"] = [request.build_absolute_uri(event.image.url)]
    return data
