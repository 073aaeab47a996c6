import datetime
import logging
import sys

from django.conf import settings
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import DatabaseError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.static import serve

from documents.models import Document
from news.models import News
from pps_portal import a11y, languages
from pps_portal import search as site_search
from pps_portal.a11y import Preferences
from pps_portal.images import store_reencoded

HOME_PINNED = 3
MEDIA_MAX_AGE = 365 * 24 * 3600
GRANT_CALLS_PATH = "/konkursy/"
HOME_LATEST = 6
SEARCH_PAGE_SIZE = 10

logger = logging.getLogger(__name__)


def path_exists(path):
    """Is a public URL of the design contract (DESIGN.md) served by this build?
    (Its Polish address: the visitor's language may be another.)"""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            resolve(path)
        except Resolver404:
            return False
    return True


def key_tasks(today):
    """What residents and NGOs come for most, first on the home page (no query).

    Grant calls join once their section exists at its contract URL.
    """
    week_end = today + datetime.timedelta(days=6 - today.weekday())
    this_week = urlencode({"od": today.isoformat(), "do": week_end.isoformat()})
    tasks = [
        {
            "title": _("Znajdź organizację"),
            "text": _("Fundacje, stowarzyszenia, kluby sportowe i inne organizacje działające w mieście."),
            "url": reverse("organizations:list"),
        },
        {
            "title": _("Przekaż 1,5% podatku"),
            "text": _("Organizacje pożytku publicznego z miasta i ich numery KRS do zeznania PIT."),
            "url": reverse("organizations:opp"),
        },
        {
            "title": _("Wydarzenia w tym tygodniu"),
            "text": _("Spotkania, szkolenia, pikniki i zajęcia — od dziś do niedzieli."),
            "url": f"{reverse('calendar:agenda')}?{this_week}",
        },
        {
            "title": _("Zgłoś wydarzenie"),
            "text": _("Organizujesz spotkanie, piknik albo szkolenie? Dodamy je do kalendarza."),
            "url": reverse("submissions:event"),
        },
    ]
    if path_exists(GRANT_CALLS_PATH):
        tasks.append(
            {
                "title": _("Konkursy ofert"),
                "text": _("Otwarte konkursy i małe granty dla organizacji: terminy i dokumenty."),
                "url": languages.in_current_language(GRANT_CALLS_PATH),
            }
        )
    return tasks


def home(request):
    published = News.objects.for_listing()
    return render(
        request,
        "home.html",
        {
            "key_tasks": key_tasks(timezone.localdate()),
            "pinned_news": published.filter(is_pinned=True)[:HOME_PINNED],
            "latest_news": published.filter(is_pinned=False).order_by("-published_at", "-pk")[:HOME_LATEST],
        },
    )


@require_GET
def search(request):
    """/szukaj/?q=…: ranked, highlighted, paginated results."""
    query = site_search.clean_query(request.GET.get("q"))
    context = {"search_query": query, "query_prefix": urlencode({"q": query})}
    if query:
        page = Paginator(site_search.news_results(query), SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        for item in page:
            item.title_html = site_search.highlight(item.title_headline)
            item.headline_html = site_search.highlight(item.headline)
        context.update(
            page=page,
            pages=site_search.page_results(query),
            organizations=site_search.organization_results(query),
            events=site_search.event_results(query),
        )
    return render(request, "search.html", context)


def statement(request):
    """Deklaracja dostępności, in the structure required by Polish law."""
    return render(
        request,
        "statement.html",
        {
            "settings": request.site,
            # The law asks the statement to name content that is not accessible.
            "inaccessible_documents": Document.objects.public().filter(is_accessible=False).for_listing(),
        },
    )


# Exempt from CSRF on purpose: the form only sets two display cookies, and a
# token would make every page carry a CSRF cookie and vary per visitor.
@csrf_exempt
@require_POST
def accessibility_preferences(request):
    """The no-JavaScript path of the top bar's font and contrast buttons.

    Redirects back to the page with the pressed button's id as the fragment:
    the browser focuses it, so a keyboard user is where they were instead of
    at the top of the page.
    """
    action = request.POST.get("action", "")
    preferences = Preferences.from_cookies(request.COOKIES).apply(action)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("home")
    fragment = a11y.control_id(action)
    response = HttpResponseRedirect(f"{next_url.partition('#')[0]}#{fragment}" if fragment else next_url)
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
    # Search results and forms, in every language (/szukaj/, /uk/szukaj/…).
    prefixes = ["" if code == settings.LANGUAGE_CODE else f"/{code}" for code, _name in settings.LANGUAGES]
    private = [f"Disallow: {prefix}{path}" for prefix in prefixes for path in ("/szukaj/", "/zglos/", "/kontakt/")]
    lines = ["User-agent: *", "Disallow: /admin/", *private, f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _forget_unreadable_query(request):
    """An error page must not fail on the input that caused the error.

    A query string Django refuses to parse (more than
    DATA_UPLOAD_MAX_NUMBER_FIELDS fields) raises again on every read of
    request.GET, and every page reads it (the mini calendar keeps the page's
    query in its links); the error page then reads an empty query instead.
    """
    try:
        request.GET  # noqa: B018 (parsing is the point)
    except SuspiciousOperation:
        request.GET = QueryDict()


def bad_request(request, exception):
    _forget_unreadable_query(request)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    _forget_unreadable_query(request)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    _forget_unreadable_query(request)
    return defaults.page_not_found(request, exception)


def login_locked(request, original_response=None, credentials=None):
    """django-axes' lockout answer: a 429 page naming the cool-off, with Retry-After."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(request, "login_locked.html", {"cooloff_minutes": max(1, seconds // 60)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def csrf_failure(request, reason=""):
    _forget_unreadable_query(request)
    return render(request, "403_csrf.html", status=403)


def media(request, path):
    """MEDIA_ROOT served by Django (development, `make serve`).

    A name the file system cannot even look up (longer than 255 bytes, a
    path too long) is a missing file: 404, not an OSError and a 500.
    Stored names are never reused for other content, so browsers and CDNs
    may keep a file for a year without asking again.
    """
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError:
        raise Http404("No such file") from None
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE, immutable=True)
    return response


# Seconds a visitor (or a client) is asked to wait when the database is busy or down.
RETRY_AFTER_UNAVAILABLE = 10


def server_error(request):
    """500 page in the site layout, rendered without touching the database.

    When the error is the database itself (down, restarting, or every pooled
    connection busy for longer than DATABASE_POOL_TIMEOUT), the answer is a
    503 with Retry-After: the visitor may simply try again.

    No context processors run (they would query site settings), so the
    template gets only what is passed here.
    """
    context = {"a11y": Preferences.from_cookies(request.COOKIES)}
    if isinstance(sys.exc_info()[1], OperationalError):
        response = HttpResponse(loader.get_template("503.html").render(context), status=503)
        response["Retry-After"] = str(RETRY_AFTER_UNAVAILABLE)
        return response
    return HttpResponse(loader.get_template("500.html").render(context), status=500)


@require_POST
def editor_image_upload(request):
    """Image upload from CKEditor 5 in admin: staff only, the shared checks.

    Replaces django-ckeditor-5's own view (same URL name), which stores
    files as uploaded, EXIF included.
    """
    if not (request.user.is_authenticated and request.user.is_staff):
        return JsonResponse({"error": {"message": _("Brak uprawnień.")}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("Nie wybrano pliku.")}}, status=400)
    try:
        name = store_reencoded(upload, timezone.now().strftime("editor/%Y/%m"))
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    return JsonResponse({"url": default_storage.url(name)})
