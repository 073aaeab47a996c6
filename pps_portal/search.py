"""Site-wide search (/szukaj/): information pages, news, organizations and events, each ranked
in PostgreSQL. News are paginated and highlighted; the registry and the
calendar show their best matches with a link to their own full search."""

from django.contrib.postgres.search import SearchHeadline
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from calendar_app import services as calendar_services
from calendar_app.models import Event, Occurrence
from news.models import News
from organizations.models import Organization
from pages.models import Page
from pps_portal.languages import SEARCH_COLUMNS, search_match, shown_text

SECTION_SIZE = 5

MAX_QUERY_LENGTH = 200
# Private-use characters mark matches, so the headline can be escaped as
# plain text first and only then get its <mark> tags.
_START, _STOP = "\ue000", "\ue001"


def clean_query(raw):
    """Whitespace collapsed, control characters (NUL among them, which
    PostgreSQL text cannot hold) dropped, length capped."""
    printable = "".join(ch for ch in (raw or "") if ch.isprintable() or ch.isspace())
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def news_results(text):
    """Published news matching in Polish or the visitor's language; the
    headlines come from the text shown (the translation, else Polish)."""
    _condition, _rank, query = search_match(text)
    return (
        News.objects.published()
        .search(text)
        .select_related("category")
        .annotate(
            headline=SearchHeadline(
                shown_text("body_text"),
                query,
                config="pps_search",
                start_sel=_START,
                stop_sel=_STOP,
                max_words=35,
                min_words=15,
            ),
            title_headline=SearchHeadline(
                shown_text("title"), query, config="pps_search", start_sel=_START, stop_sel=_STOP, highlight_all=True
            ),
        )
    )


def highlight(text):
    """Escape text from the database, then turn the match markers into <mark>."""
    return mark_safe(escape(text or "").replace(_START, "<mark>").replace(_STOP, "</mark>"))


def page_results(text):
    """Public information pages, best match first."""
    return Page.objects.published().for_listing().search(text)[:SECTION_SIZE]


def organization_results(text):
    """The registry's own search (typo- and ending-tolerant), best first."""
    return Organization.objects.listed().search(text).select_related("district")[:SECTION_SIZE]


def event_results(text):
    """Public events (cancelled ones too, marked), best match first (the calendar's own search, as its
    agenda filter uses it), each with its next date from the stored occurrences (None when past)."""
    now = timezone.now()
    calendar_services.ensure_stored_ahead(now)
    next_date = Occurrence.objects.filter(event=OuterRef("pk")).overlapping(now).order_by("starts_at")
    return (
        Event.objects.public()
        .search(text)
        .defer("description", *SEARCH_COLUMNS)
        .annotate(next_starts_at=Subquery(next_date.values("starts_at")[:1]))
        .order_by("-rank", "-starts_at", "pk")[:SECTION_SIZE]
    )
