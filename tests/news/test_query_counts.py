"""Every public news page runs a fixed number of queries, whatever the data."""

import pytest

from news.models import News
from tests.documents.factories import DocumentFactory
from tests.news.factories import CategoryFactory, NewsFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1, 8], ids=["one-item", "several-items"])
def articles(request, site_settings):
    category = CategoryFactory(slug="rodzina")
    NewsFactory.create_batch(request.param, category=category, is_pinned=False, title="Rodzina i wsparcie")
    pinned = NewsFactory(category=category, is_pinned=True, title="Przypięty o rodzinie")
    DocumentFactory.create_batch(request.param, owner=pinned)
    return category


def test_home_query_count(client, articles, django_assert_num_queries):
    # site settings, pinned news, latest news, open grant calls, upcoming events, mini calendar, banners
    with django_assert_num_queries(7):
        client.get("/")


def test_list_query_count(client, articles, django_assert_num_queries):
    # site settings, count, page of news (+category), category menu, mini calendar, banners
    with django_assert_num_queries(6):
        client.get("/aktualnosci/")


def test_category_query_count(client, articles, django_assert_num_queries):
    # category, site settings, count, page, category menu, mini calendar, banners
    with django_assert_num_queries(7):
        client.get("/aktualnosci/kategoria/rodzina/")


def test_detail_query_count(client, articles, django_assert_num_queries):
    url = News.objects.get(is_pinned=True).get_absolute_url()
    # article (+category, author), others, documents, site settings, mini calendar, banners
    with django_assert_num_queries(6):
        client.get(url)


def test_feed_query_counts(client, articles, django_assert_num_queries):
    # site settings, items (+category)
    with django_assert_num_queries(2):
        client.get("/aktualnosci/rss/")
    with django_assert_num_queries(2):
        client.get("/aktualnosci/atom/")
    # category, site settings, items
    with django_assert_num_queries(3):
        client.get("/aktualnosci/kategoria/rodzina/rss/")


def test_search_query_count(client, articles, django_assert_num_queries):
    # site settings, news count, news page with headlines, information pages, organizations, events,
    # mini calendar, banners
    with django_assert_num_queries(8):
        client.get("/szukaj/?q=rodzina")
