import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from pps_portal.a11y import Preferences
from pps_portal.models import SiteSettings

logger = logging.getLogger(__name__)


def home(request):
    return render(request, "home.html")


def statement(request):
    """Deklaracja dostępności, in the structure required by Polish law."""
    return render(request, "statement.html", {"settings": SiteSettings.load()})


# Exempt from CSRF on purpose: the form only sets two display cookies, and a
# token would make every page carry a CSRF cookie and vary per visitor.
@csrf_exempt
@require_POST
def accessibility_preferences(request):
    """The no-JavaScript path of the top bar's font and contrast buttons."""
    preferences = Preferences.from_cookies(request.COOKIES).apply(request.POST.get("action", ""))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("home")
    response = HttpResponseRedirect(next_url)
    preferences.set_cookies(response)
    return response


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("health check: database unavailable")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /szukaj/",
        "Disallow: /zglos/",
        "Disallow: /kontakt/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


def server_error(request):
    """500 page in the site layout, rendered without touching the database.

    No context processors run (they would query site settings), so the
    template gets only what is passed here.
    """
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"a11y": Preferences.from_cookies(request.COOKIES)}), status=500)
