"""The anonymous page cache: hits, variants, who never gets or fills it, and the headers.

Transactional: the page cache never stores a page rendered inside a
transaction (it could show uncommitted rows), and a plain `db` test runs
inside one. Every test runs against the default cache (the database table)
and against the project-local Redis server.
"""

import gzip
import itertools
import re

import brotli
import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls import path as route

from calendar_app.models import Event
from news.models import News
from pps_portal.a11y import Preferences
from tests.calendar_app.factories import EventFactory
from tests.conftest import ROOT
from tests.documents.factories import DocumentFactory
from tests.news.factories import NewsFactory
from tests.organizations.factories import OrganizationFactory
from tests.pages.factories import PageFactory
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db(transaction=True)

HTML_CLASS = re.compile(r'<html lang="pl" class="([^"]*)"')


@pytest.fixture
def content(site_settings):
    """One item of each public kind, so every list, detail page and feed has something."""
    return {
        "news": NewsFactory(title="Nowy zasiłek dla rodzin"),
        "organization": OrganizationFactory(name="Fundacja Pomocna Dłoń"),
        "event": EventFactory(title="Piknik sąsiedzki"),
        "page": PageFactory(title="Świadczenia dla rodzin"),
        "document": DocumentFactory(title="Regulamin programu"),
    }


def preference_cookies(font_step, contrast):
    cookies = {"pps_font": str(font_step)}
    if contrast is not None:
        cookies["pps_contrast"] = "1" if contrast else "0"
    return cookies


def test_a_second_anonymous_request_runs_no_query_and_renders_no_template(
    client, shared_cache, content, django_assert_num_queries
):
    first = client.get("/")
    assert (first["X-Page-Cache"], "Nowy zasiłek dla rodzin" in first.content.decode()) == ("miss", True)
    # Redis: nothing at all. The default cache: its own lookup, one SELECT of
    # the cache table (generation, deadline and the page in one round trip).
    with django_assert_num_queries(0 if shared_cache == "redis" else 1) as queries:
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.templates == []
    assert second.content == first.content
    if shared_cache == "database":
        assert 'FROM "pps_cache"' in queries.captured_queries[0]["sql"]


def test_every_preference_gets_its_own_page_and_never_another_visitors(client, shared_cache, content):
    combinations = list(itertools.product(range(4), (None, True, False)))
    for expected_cache in ("miss", "hit"):
        for font_step, contrast in combinations:
            client.cookies.clear()
            client.cookies.load(preference_cookies(font_step, contrast))
            response = client.get("/aktualnosci/")
            assert response["X-Page-Cache"] == expected_cache
            assert HTML_CLASS.search(response.content.decode()).group(1) == Preferences(font_step, contrast).html_class
            assert "Cookie" in response["Vary"]


def test_the_contrast_page_and_the_default_page_never_mix(client, shared_cache, content):
    default = client.get("/")
    client.cookies.load({"pps_contrast": "1"})
    contrast = client.get("/")
    client.cookies.clear()
    default_again = client.get("/")
    assert "theme-contrast" not in HTML_CLASS.search(default.content.decode()).group(1)
    assert "theme-contrast" in HTML_CLASS.search(contrast.content.decode()).group(1)
    assert (contrast["X-Page-Cache"], default_again["X-Page-Cache"]) == ("miss", "hit")
    assert "theme-contrast" not in HTML_CLASS.search(default_again.content.decode()).group(1)


def html_that_never_reads_the_preferences(request):
    return HttpResponse("<!doctype html><title>Strona</title>" + "<p>Treść.</p>" * 40)


urlpatterns = [route("bez-preferencji/", html_that_never_reads_the_preferences)]


@pytest.mark.urls(__name__)
def test_an_html_page_is_kept_per_preference_even_if_it_never_reads_them(client, shared_cache, site_settings):
    """A template that prints the theme another way than through `a11y` must still never reach another visitor."""
    client.get("/bez-preferencji/")
    assert client.get("/bez-preferencji/")["X-Page-Cache"] == "hit"
    client.cookies.load({"pps_contrast": "1"})
    response = client.get("/bez-preferencji/")
    assert (response["X-Page-Cache"], "Cookie" in response["Vary"]) == ("miss", True)


@pytest.mark.parametrize("path", ["/aktualnosci/rss/", "/kalendarz.ics", "/sitemap.xml"])
def test_feeds_and_sitemaps_are_stored_once_for_every_preference(client, shared_cache, content, path):
    client.get(path)
    client.cookies.load({"pps_contrast": "1", "pps_font": "2"})
    response = client.get(path)
    assert response["X-Page-Cache"] == "hit"
    assert "Cookie" not in response.get("Vary", "")


def test_a_logged_in_editor_never_gets_a_cached_page_and_never_fills_the_cache(client, shared_cache, content, editor):
    visitor = Client()
    visitor.get("/")
    assert visitor.get("/")["X-Page-Cache"] == "hit"
    client.force_login(editor)
    for path in ("/", "/organizacje/", "/organizacje/"):
        response = client.get(path, HTTP_ACCEPT_ENCODING="br, gzip")
        assert "X-Page-Cache" not in response
        assert response.templates, "rendered for the editor"
        assert "private" in response["Cache-Control"]
        assert "Content-Encoding" not in response
    assert visitor.get("/organizacje/")["X-Page-Cache"] == "miss"


def test_a_staff_preview_of_a_draft_is_never_cached_and_never_leaks(client, shared_cache, content, editor):
    draft = NewsFactory(title="Szkic o zmianach", status=News.Status.DRAFT, published_at=None)
    client.force_login(editor)
    preview = client.get(draft.get_absolute_url(), HTTP_ACCEPT_ENCODING="br, gzip")
    assert (preview.status_code, "X-Page-Cache" in preview, "private" in preview["Cache-Control"]) == (
        200,
        False,
        True,
    )
    assert "Content-Encoding" not in preview
    visitor = Client()
    assert visitor.get(draft.get_absolute_url()).status_code == 404
    assert "Szkic o zmianach" not in visitor.get("/").content.decode()


def test_a_request_with_a_session_or_messages_cookie_is_neither_served_nor_stored(client, shared_cache, content):
    client.get("/")
    for cookie in ("sessionid", "messages", "something_unknown"):
        visitor = Client()
        visitor.cookies.load({cookie: "x"})
        response = visitor.get("/")
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_a_response_that_sets_a_cookie_is_not_stored(client, shared_cache, content):
    # The accessibility form's redirect sets the preference cookies.
    response = client.post("/ustawienia-dostepnosci/", {"action": "contrast-on", "next": "/"})
    assert response.cookies and "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_public_pages_tell_browsers_and_cdns_to_revalidate_and_answer_304(client, shared_cache, content):
    first = client.get("/aktualnosci/")
    assert first["Cache-Control"] == "public, no-cache"
    assert {"Cookie", "Accept-Encoding"} <= {part.strip() for part in first["Vary"].split(",")}
    etag = first["ETag"]
    assert etag.startswith('W/"')
    not_modified = client.get("/aktualnosci/", HTTP_IF_NONE_MATCH=etag)
    assert (not_modified.status_code, not_modified.content, not_modified["ETag"]) == (304, b"", etag)
    other = client.get("/aktualnosci/", HTTP_IF_NONE_MATCH='W/"something-else"')
    assert (other.status_code, other["X-Page-Cache"]) == (200, "hit")


def test_with_the_page_cache_off_pages_still_get_etags_304s_and_compression(client, content, settings):
    settings.PAGE_CACHE = False
    first = client.get("/organizacje/", HTTP_ACCEPT_ENCODING="gzip")
    assert ("X-Page-Cache" in first, first["Content-Encoding"], first["Cache-Control"]) == (
        False,
        "gzip",
        "public, no-cache",
    )
    again = client.get("/organizacje/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, again.templates != []) == (304, True)


def test_compressed_bodies_are_the_page_in_every_encoding(client, shared_cache, content):
    plain = client.get("/", HTTP_ACCEPT_ENCODING="identity")
    for _ in range(2):  # the miss compresses, the hit serves the stored bytes
        as_brotli = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
        as_gzip = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
        assert (as_brotli["Content-Encoding"], as_gzip["Content-Encoding"]) == ("br", "gzip")
        assert brotli.decompress(as_brotli.content) == gzip.decompress(as_gzip.content) == plain.content
        assert int(as_brotli["Content-Length"]) == len(as_brotli.content) < len(plain.content) / 3
    assert "Content-Encoding" not in plain
    assert client.get("/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")["Content-Encoding"] == "gzip"


def test_head_requests_are_served_from_the_cache(client, shared_cache, content):
    client.get("/kalendarz/wydarzenia/")
    response = client.head("/kalendarz/wydarzenia/")
    assert (response.status_code, response["X-Page-Cache"], response.content) == (200, "hit", b"")


def test_another_host_or_scheme_is_another_page(client, shared_cache, content, settings):
    settings.ALLOWED_HOSTS = ["testserver", "portal.example.pl"]
    client.get("/")
    response = client.get("/", HTTP_HOST="portal.example.pl")
    assert response["X-Page-Cache"] == "miss"
    assert "http://portal.example.pl/deklaracja-dostepnosci/" in response.content.decode()
    assert client.get("/", HTTP_HOST="evil.example.com").status_code == 400


def test_error_pages_and_redirects_are_not_stored(client, shared_cache, content):
    for _ in range(2):
        assert "X-Page-Cache" not in client.get("/nie-ma-takiej-strony/")
        assert "X-Page-Cache" not in client.get("/aktualnosci")  # APPEND_SLASH redirect


def test_uploaded_media_may_be_kept_for_a_year(client, content, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "zdjecie-3f9a.webp").write_bytes(b"RIFF0000WEBP")
    response = client.get("/media/news/zdjecie-3f9a.webp")
    assert (response.status_code, b"".join(response.streaming_content)) == (200, b"RIFF0000WEBP")
    response.close()
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def _parameterless_paths(patterns, prefix=""):
    """Every path of the URL conf without a parameter (admin and the editor's upload excluded)."""
    for pattern in patterns:
        # i18n_patterns: the active language's prefix ("" in Polish, the addresses printed on paper).
        route = getattr(pattern.pattern, "_route", getattr(pattern.pattern, "language_prefix", None))
        if route is None or "<" in route:
            continue
        path = prefix + route
        if isinstance(pattern, URLResolver):
            if not path.startswith(("admin/", "ckeditor5/")):
                yield from _parameterless_paths(pattern.url_patterns, path)
        elif isinstance(pattern, URLPattern):
            yield "/" + path


def discovered_pages(client):
    """Every page a visitor can reach: the URL conf's fixed paths and everything the sitemap lists."""
    fixed = set(_parameterless_paths(get_resolver().url_patterns))
    listed = {url.removeprefix("http://testserver") for url in sitemap_urls(client)}
    # The sitemaps list each page in Polish, Ukrainian and English; one language is
    # enough here (tests/portal/test_page_cache_languages.py keeps languages apart).
    listed = {path for path in listed if not path.startswith(("/uk/", "/en/"))}
    return sorted(fixed | listed)


def test_every_public_page_is_cached_and_every_form_never_is(client, shared_cache, content):
    """Discovered from the URL conf and the sitemap: a new page or form is covered without listing it."""
    checked = {"cached": [], "forms": []}
    for path in discovered_pages(client):
        # A page's first visit may create its row (a singleton page made on first use): that
        # write invalidates, so the third request is the one that must be a hit. A page that
        # writes on every request would never be.
        client.get(path, HTTP_ACCEPT_ENCODING="br")
        first = client.get(path, HTTP_ACCEPT_ENCODING="br")
        if first.status_code != 200 or first.streaming:
            continue
        second = client.get(path, HTTP_ACCEPT_ENCODING="br")
        if b"csrfmiddlewaretoken" in _body(first):
            # A CSRF token: never stored, never compressed (BREACH), never public.
            assert "X-Page-Cache" not in first and "X-Page-Cache" not in second, path
            assert "Content-Encoding" not in first and "Content-Encoding" not in second, path
            assert "private" in first["Cache-Control"] or "no-store" in first["Cache-Control"], path
            checked["forms"].append(path)
        elif path not in ("/robots.txt", "/healthz"):
            assert second["X-Page-Cache"] == "hit", path
            assert _body(second) == _body(first), path
            checked["cached"].append(path)
    assert {"/zglos/organizacje/", "/kontakt/"} <= set(checked["forms"])
    assert {
        "/",
        "/aktualnosci/",
        "/kalendarz/",
        content["event"].get_absolute_url(),
        "/informacje/",
        content["page"].get_absolute_url(),
        "/dokumenty/",
    } <= set(checked["cached"])


def _body(response):
    if response.get("Content-Encoding") == "br":
        return brotli.decompress(response.content)
    return response.content


def test_admin_pages_are_neither_cached_nor_compressed(client, shared_cache, content, editor):
    login = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert ("X-Page-Cache" in login, "Content-Encoding" in login) == (False, False)
    client.force_login(editor)
    for path in ("/admin/", "/admin/news/news/", f"/admin/calendar_app/event/{content['event'].pk}/change/"):
        response = client.get(path, HTTP_ACCEPT_ENCODING="br, gzip")
        assert response.status_code == 200, path
        assert ("X-Page-Cache" in response, "Content-Encoding" in response) == (False, False), path
        assert "private" in response["Cache-Control"], path


def test_a_cancelled_event_page_is_fresh_after_cancelling(client, shared_cache, content):
    """The simplest proof that writes reach cached pages (the rest: test_invalidation.py)."""
    url = content["event"].get_absolute_url()
    client.get(url)
    Event.objects.filter(pk=content["event"].pk).update(status=Event.Status.CANCELLED)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Odwołane" in response.content.decode()


def test_a_template_edited_under_the_development_server_is_on_the_next_request(client, shared_cache, content):
    """runserver does not restart for a template; its autoreloader's signal drops the cached pages."""
    from django.utils.autoreload import file_changed

    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    file_changed.send(sender=None, file_path=ROOT / "templates" / "home.html")
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_hashed_static_files_are_immutable_and_precompressed(settings, tmp_path):
    """What `make serve` and production serve: collected, hashed, with .br and .gz beside each file."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.management import call_command
    from django.http import HttpResponseNotFound
    from django.test import RequestFactory
    from whitenoise.middleware import WhiteNoiseMiddleware

    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
    # Only the portal's own files (admin's and CKEditor's take a minute to compress).
    call_command("collectstatic", "--noinput", "--verbosity=0", ignore_patterns=["admin", "django_ckeditor_5"])
    url = staticfiles_storage.url("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    serve = WhiteNoiseMiddleware(lambda request: HttpResponseNotFound())
    response = serve(RequestFactory().get(url, HTTP_ACCEPT_ENCODING="gzip, br"))
    response.close()
    assert (response.status_code, response["Content-Encoding"]) == (200, "br")
    assert "immutable" in response["Cache-Control"]
    assert int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1)) >= 365 * 24 * 3600
