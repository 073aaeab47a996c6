from django.core.exceptions import DisallowedHost
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from pps_portal.a11y import preferences_for
from pps_portal.languages import page_languages, unprefixed_path
from pps_portal.models import SiteSettings


def site(request):
    """Site settings (one query, only when a template uses them) and a11y preferences."""
    statement_path = reverse("statement")
    try:
        statement_url = request.build_absolute_uri(statement_path)
    except DisallowedHost:
        # The 400 page for a bad Host header must still render.
        statement_url = statement_path
    return {
        # Set by site_settings_middleware; the fallback covers requests that
        # failed before it ran.
        "site": request.site if hasattr(request, "site") else SimpleLazyObject(SiteSettings.load),
        # Lazy: only a page that prints them varies by them (feeds and sitemaps do not).
        "a11y": SimpleLazyObject(lambda: preferences_for(request)),
        "statement_url": statement_url,
        # The switcher and the hreflang alternates: this page in each language.
        "page_languages": page_languages(request),
        # The path without its language prefix: which section of the menu is current.
        "unprefixed_path": unprefixed_path(request.path),
    }
