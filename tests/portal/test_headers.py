"""Response headers: browser features the site does not use are denied, its
resources stay its own, pages with a form or a staff preview are never
stored, and every 429 says when to come back."""

import pytest

from news.models import News
from tests.news.factories import NewsFactory

pytestmark = pytest.mark.django_db


def get(client, path):
    response = client.get(path)
    if response.streaming:  # a static file: read it, so the test client closes it
        b"".join(response.streaming_content)
    return response


@pytest.mark.parametrize("path", ["/", "/kontakt/", "/static/css/site.css", "/nie-ma-takiej-strony/"])
def test_browser_features_the_site_does_not_use_are_denied(client, site_settings, path):
    policy = get(client, path)["Permissions-Policy"]
    assert {"camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"} <= set(policy.split(", "))


@pytest.mark.parametrize("path", ["/", "/static/css/site.css", "/kalendarz.ics"])
def test_resources_are_not_for_other_sites_to_embed(client, site_settings, path):
    assert get(client, path)["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/kontakt/", "/zglos/news/", "/zglos/organizacje/", "/admin/login/"])
def test_pages_with_a_form_are_never_stored(client, site_settings, path):
    assert "no-store" in client.get(path)["Cache-Control"]


def test_a_staff_preview_is_never_stored(client, site_settings, admin_user):
    draft = NewsFactory(status=News.Status.DRAFT)
    client.force_login(admin_user)
    response = client.get(draft.get_absolute_url())
    assert (response.status_code, "no-store" in response["Cache-Control"]) == (200, True)


def test_a_public_page_for_an_anonymous_visitor_may_be_stored(client, site_settings):
    article = NewsFactory()
    assert "no-store" not in client.get(article.get_absolute_url()).get("Cache-Control", "")


def test_a_locked_out_login_says_when_to_try_again(client, django_user_model, site_settings, settings):
    django_user_model.objects.create_user("redaktorka", password="prawdziwe-haslo-2026", is_staff=True)
    for n in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/admin/login/", {"username": "redaktorka", "password": f"zle-{n}"})
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert (response.status_code, response["Retry-After"]) == (429, str(minutes * 60))
    assert f"wstrzymane na {minutes} minut" in response.content.decode()
