"""Site-wide search (/szukaj/): PostgreSQL full-text search, ranked and
highlighted. News now; organizations and events join as their apps land."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.utils.html import escape
from django.utils.safestring import mark_safe

from news.models import News

MAX_QUERY_LENGTH = 200
# Private-use characters mark matches, so the headline can be escaped as
# plain text first and only then get its <mark> tags.
_START, _STOP = "\ue000", "\ue001"


def clean_query(raw):
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def news_results(text):
    query = SearchQuery(text, config="pps_search", search_type="websearch")
    return (
        News.objects.published()
        .search(text)
        .select_related("category")
        .annotate(
            headline=SearchHeadline(
                "body_text",
                query,
                config="pps_search",
                start_sel=_START,
                stop_sel=_STOP,
                max_words=35,
                min_words=15,
            ),
            title_headline=SearchHeadline(
                "title", query, config="pps_search", start_sel=_START, stop_sel=_STOP, highlight_all=True
            ),
        )
    )


def highlight(text):
    """Escape text from the database, then turn the match markers into <mark>."""
    return mark_safe(escape(text or "").replace(_START, "<mark>").replace(_STOP, "</mark>"))
