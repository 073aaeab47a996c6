import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from pps_portal.models import Banner

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_home_shows_footer_contacts_and_banners_from_admin_data(client, site_settings):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "redakcjapps@czestochowa.um.gov.pl" in html
    assert "Zostaw 1,5% w Częstochowie" in html


def test_footer_follows_site_settings_not_templates(client, site_settings):
    site_settings.office_emails = "redakcja@inne-miasto.example.pl"
    site_settings.save()
    html = client.get("/").content.decode()
    assert "redakcja@inne-miasto.example.pl" in html
    assert "redakcjapps@czestochowa.um.gov.pl" not in html


def test_inactive_banner_is_not_shown(client, site_settings):
    Banner.objects.filter(title="Baza NGO").update(status="withdrawn")
    html = client.get("/").content.decode()
    assert ">Baza NGO</span>" not in html


def test_every_page_carries_shell_and_statement_meta(client, site_settings):
    html = client.get("/").content.decode()
    assert '<html lang="pl"' in html
    assert '<meta name="deklaracja-dostępności" content="http://testserver/deklaracja-dostepnosci/">' in html
    assert 'href="#tresc"' in html and 'id="tresc"' in html
    for name in ["Zgłoś newsa", "Zgłoś błąd", "Zgłoś organizację", "Kontakt", "Aktualności", "Baza NGO", "Kalendarz"]:
        assert f">{name}</" in html


def test_accessibility_statement_has_the_legally_required_elements(client, site_settings):
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    required_ids = [
        "a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
        "a11y-status", "a11y-data-sporzadzenie", "a11y-kontakt", "a11y-osoba", "a11y-email", "a11y-telefon",
        "a11y-procedura", "a11y-architektura", "a11y-komunikacja", "a11y-aplikacje", "a11y-ocena",
    ]  # fmt: skip
    assert [i for i in required_ids if f'id="{i}"' not in html] == []
    assert 'datetime="2026-11-01"' in html  # publication date from site settings


def test_unknown_url_answers_polish_404_in_site_layout(client, site_settings):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()
    assert "redakcjapps@czestochowa.um.gov.pl" in response.content.decode()


def test_bad_host_header_answers_polish_400(client, site_settings):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "Nieprawidłowe żądanie" in response.content.decode()


def test_csrf_failure_answers_polish_page(site_settings):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse("admin:login"), {"username": "x"})
    assert response.status_code == 403
    assert "Formularz wygasł" in response.content.decode()


def test_permission_denied_answers_polish_403(client, site_settings):
    from django.core.exceptions import PermissionDenied
    from django.test import override_settings
    from django.urls import path

    from pps_portal import urls

    def forbidden(request):
        raise PermissionDenied

    class Urls:
        urlpatterns = [path("zabronione/", forbidden), *urls.urlpatterns]

    with override_settings(ROOT_URLCONF=Urls):
        response = client.get("/zabronione/")
    assert response.status_code == 403
    assert "Brak dostępu" in response.content.decode()


def test_healthz_is_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok", "database": "ok"})


def test_robots_txt_points_to_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_sitemap_lists_static_pages(client):
    from tests.sitemaps import sitemap_urls

    assert "http://testserver/deklaracja-dostepnosci/" in sitemap_urls(client)


def test_public_pages_send_a_strict_content_security_policy(client, site_settings):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def _without_database(code):
    """Run `code` (which prints a status line, then a body) in a fresh process
    whose database does not exist (port 1)."""
    code = "import django; django.setup();" + code
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pps_portal.settings_test",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nothing",
        "DATABASE_CONNECT_TIMEOUT": "1",
        "DATABASE_POOL_TIMEOUT": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    status, _, body = result.stdout.partition("\n")
    return status, body


def _request_without_database(path):
    return _without_database(
        "from django.test import Client;"
        f"r = Client(raise_request_exception=False).get({path!r});"
        "print(r.status_code, r.get('Retry-After')); print(r.content.decode())"
    )


def test_healthz_answers_503_when_database_is_unreachable():
    status, body = _request_without_database("/healthz")
    assert status == "503 None"
    assert '"database": "unavailable"' in body


def test_a_page_answers_503_in_polish_with_retry_after_when_the_database_is_unreachable():
    status, body = _request_without_database("/")
    assert status == "503 10"
    assert "Serwis jest chwilowo niedostępny" in body
    assert 'lang="pl"' in body


def test_server_error_page_renders_in_polish_without_the_database():
    status, body = _without_database(
        "from django.test import RequestFactory; from pps_portal.views import server_error;"
        "r = server_error(RequestFactory().get('/')); print(r.status_code); print(r.content.decode())"
    )
    assert status == "500"
    assert "Przepraszamy, wystąpił błąd serwera" in body
    assert 'lang="pl"' in body


def test_home_query_count_does_not_grow_with_banners(client, site_settings, django_assert_num_queries):
    Banner.objects.exclude(pk=Banner.objects.first().pk).delete()
    # site settings, pinned news, latest news, open grant calls, upcoming events, mini calendar, banners
    with django_assert_num_queries(7):
        client.get("/")
    for i in range(10):
        Banner.objects.create(title=f"Baner {i}", url="/")
    with django_assert_num_queries(7):
        client.get("/")


def test_sitemap_index_query_count_does_not_grow_with_content(client, django_assert_num_queries):
    from tests.news.factories import NewsFactory

    NewsFactory()
    # events, news, organizations, information pages, grant calls: newest change + count (pages);
    # categories: count
    with django_assert_num_queries(11):
        client.get("/sitemap.xml")
    NewsFactory.create_batch(10)
    with django_assert_num_queries(11):
        client.get("/sitemap.xml")


def test_banner_image_goes_through_the_shared_image_handling(client, site_settings):
    from pps_portal.demo_images import demo_image

    banner = Banner(title="Z obrazem", url="/", image_alt="Logo akcji 1,5%", status="published")
    banner.image.save("baner.jpg", demo_image("baner", "1,5%"), save=False)
    banner.save()
    html = client.get("/").content.decode()
    assert '<source type="image/webp"' in html and 'alt="Logo akcji 1,5%"' in html


def test_header_shows_the_crest_beside_the_site_name_without_repeating_it(client, site_settings):
    from pps_portal.demo_images import demo_crest

    site_settings.logo.save("herb.png", demo_crest(), save=True)
    html = client.get("/").content.decode()
    assert 'class="brand__logo"' in html and 'alt=""' in html.split('class="brand__logo"')[0].rsplit("<img", 1)[1]
    site_settings.logo_alt = "Miasto Częstochowa"
    site_settings.save()
    assert 'alt="Miasto Częstochowa"' in client.get("/").content.decode()


def test_crest_alt_text_may_not_repeat_the_site_name(site_settings):
    from django.core.exceptions import ValidationError

    site_settings.logo_alt = "Herb: " + site_settings.site_name
    with pytest.raises(ValidationError) as error:
        site_settings.full_clean()
    assert list(error.value.message_dict) == ["logo_alt"]


def test_crest_upload_refuses_svg():
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pps_portal.models import SiteSettings

    svg = SimpleUploadedFile("herb.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    with pytest.raises(ValidationError, match="nie jest obrazem"):
        SiteSettings._meta.get_field("logo").formfield().clean(svg)


def test_home_opens_with_the_key_tasks_before_the_news(client, site_settings):
    from pps_portal.views import GRANT_CALLS_PATH, path_exists

    html = client.get("/").content.decode()
    assert html.index('id="tasks-heading"') < html.index('id="home-news-heading"')
    tasks = re.findall(r'<h3 class="task__title"><a href="[^"]*">([^<]+)</a></h3>', html)
    expected = ["Znajdź organizację", "Przekaż 1,5% podatku", "Wydarzenia w tym tygodniu", "Zgłoś wydarzenie"]
    # Grant calls are a task only where their section is served (its own test below).
    assert tasks == expected + (["Konkursy ofert"] if path_exists(GRANT_CALLS_PATH) else [])


def test_grant_calls_join_the_key_tasks_once_their_section_exists(client, site_settings):
    from django.http import HttpResponse
    from django.test import override_settings
    from django.urls import path

    from pps_portal import urls

    class Urls:
        urlpatterns = [path("konkursy/", lambda request: HttpResponse("")), *urls.urlpatterns]

    with override_settings(ROOT_URLCONF=Urls):
        html = client.get("/").content.decode()
    assert '<a href="/konkursy/">Konkursy ofert</a>' in html


def test_events_this_week_link_runs_from_today_to_sunday(client, site_settings, time_machine):
    import datetime

    time_machine.move_to(datetime.datetime(2026, 12, 2, 12, 0, tzinfo=datetime.UTC))  # a Wednesday
    html = client.get("/").content.decode()
    assert 'href="/kalendarz/wydarzenia/?od=2026-12-02&amp;do=2026-12-06"' in html
