"""Expiry ("widoczne do"): an item leaves every public place at its minute, with no command run."""

import datetime

import feedparser
import pytest
import time_machine
from django.utils import timezone

from pps_portal.models import Banner
from tests.news.factories import NewsFactory
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db

UNTIL = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)


def public_places(client, news):
    """Where the article can be found, as a resident or a crawler finds it."""
    places = set()
    link = f'href="{news.get_absolute_url()}"'
    if link in client.get("/aktualnosci/").content.decode():
        places.add("list")
    for feed in ("rss", "atom"):
        if [e.title for e in feedparser.parse(client.get(f"/aktualnosci/{feed}/").content).entries] == [news.title]:
            places.add(feed)
    if any(url.endswith(news.get_absolute_url()) for url in sitemap_urls(client)):
        places.add("sitemap")
    if link in client.get("/szukaj/", {"q": "wygasający"}).content.decode():
        places.add("search")
    if link in client.get("/").content.decode():
        places.add("home")
    if client.get(news.get_absolute_url()).status_code == 200:
        places.add("page")
    return places


def test_an_article_leaves_list_feeds_sitemap_search_and_home_when_its_visible_until_passes(client, site_settings):
    with time_machine.travel(UNTIL - datetime.timedelta(days=2), tick=False):
        news = NewsFactory(title="Komunikat wygasający", visible_until=UNTIL)
    everywhere = {"list", "rss", "atom", "sitemap", "search", "home", "page"}
    with time_machine.travel(UNTIL - datetime.timedelta(minutes=1), tick=False):
        assert public_places(client, news) == everywhere
    with time_machine.travel(UNTIL, tick=False):
        assert public_places(client, news) == set()


def test_a_banner_leaves_the_side_column_when_its_visible_until_passes(client, site_settings):
    Banner.objects.all().delete()
    Banner.objects.create(title="Nabór do 1 grudnia", url="/kalendarz/", status="published", visible_until=UNTIL)
    with time_machine.travel(UNTIL - datetime.timedelta(seconds=1), tick=False):
        assert "Nabór do 1 grudnia" in client.get("/").content.decode()
    with time_machine.travel(UNTIL, tick=False):
        assert "Nabór do 1 grudnia" not in client.get("/").content.decode()


def test_an_expired_article_shows_as_expired_to_editors(editor_client):
    news = NewsFactory(
        visible_until=timezone.now() - datetime.timedelta(minutes=1),
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    html = editor_client.get("/admin/news/news/").content.decode()
    assert "<strong>wygasłe</strong>" in html and news.title in html
