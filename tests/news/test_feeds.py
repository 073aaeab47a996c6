import datetime
import email.utils
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.utils import timezone

from news.models import News
from tests.news.factories import CategoryFactory, NewsFactory
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed_news(site_settings):
    live = NewsFactory(title="Opublikowany", category=CategoryFactory(slug="seniorzy"))
    NewsFactory(title="Szkic", status=News.Status.DRAFT)
    NewsFactory(title="Zaplanowany", published_at=timezone.now() + datetime.timedelta(days=1))
    return live


@pytest.mark.parametrize("url", ["/aktualnosci/rss/", "/aktualnosci/atom/"])
def test_feed_parses_cleanly_and_lists_only_published(client, mixed_news, url):
    feed = feedparser.parse(client.get(url).content)
    assert feed.bozo == 0
    assert [entry.title for entry in feed.entries] == ["Opublikowany"]


def test_feed_dates_carry_the_timezone(client, mixed_news):
    rss = ET.fromstring(client.get("/aktualnosci/rss/").content)
    pub_date = email.utils.parsedate_to_datetime(rss.find("channel/item/pubDate").text)
    atom = ET.fromstring(client.get("/aktualnosci/atom/").content)
    published = datetime.datetime.fromisoformat(atom.find("{http://www.w3.org/2005/Atom}entry/{*}published").text)
    assert (published, pub_date) == (mixed_news.published_at, mixed_news.published_at.replace(microsecond=0))
    assert published.tzinfo is not None


def test_category_feed_lists_only_that_category(client, mixed_news):
    NewsFactory(title="Inna kategoria")
    feed = feedparser.parse(client.get("/aktualnosci/kategoria/seniorzy/rss/").content)
    assert (feed.bozo, [e.title for e in feed.entries]) == (0, ["Opublikowany"])


def test_unknown_category_feed_is_404(client):
    assert client.get("/aktualnosci/kategoria/nie-ma/atom/").status_code == 404


def test_pages_link_feeds_as_alternate(client, site_settings):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


def test_sitemap_is_well_formed_and_lists_only_published_news(client, mixed_news):
    locations = sitemap_urls(client)  # parses the index and each part as XML
    # Polish addresses (each also has a /uk/ and an /en/ entry: tests/portal/test_languages.py)
    polish = [url for url in locations if not url.startswith(("http://testserver/uk/", "http://testserver/en/"))]
    news_urls = [url for url in polish if "/aktualnosci/" in url and "/kategoria/" not in url]
    assert news_urls == ["http://testserver" + mixed_news.get_absolute_url()]
    assert "http://testserver/aktualnosci/kategoria/seniorzy/" in locations
