import datetime

import pytest
from django.utils import timezone

from news.models import News
from tests.factories import UserFactory
from tests.news.factories import CategoryFactory, NewsFactory

pytestmark = pytest.mark.django_db


def test_list_shows_published_articles_with_polish_dates(client):
    NewsFactory(title="Opublikowany", published_at=datetime.datetime(2026, 3, 5, 10, tzinfo=datetime.UTC))
    NewsFactory(title="Szkic", status=News.Status.DRAFT)
    html = client.get("/aktualnosci/").content.decode()
    assert "Opublikowany" in html and "Szkic" not in html
    assert "5 marca 2026" in html


def test_list_has_twelve_per_page(client):
    NewsFactory.create_batch(13)
    first, second = client.get("/aktualnosci/"), client.get("/aktualnosci/?page=2")
    assert (len(first.context["page"]), len(second.context["page"])) == (12, 1)


@pytest.mark.parametrize(
    ("page_number", "shown", "count"),
    [("abc", 1, 12), ("", 1, 12), ("1.5", 1, 12), ("99999", 2, 1), ("-1", 2, 1), ("0", 2, 1)],
)
def test_bad_page_numbers_answer_the_first_or_last_page(client, page_number, shown, count):
    """Not a number: the first page; out of range: the last one, with its articles."""
    NewsFactory.create_batch(13)
    response = client.get(f"/aktualnosci/?page={page_number}")
    page = response.context["page"]
    assert (response.status_code, page.number, len(page)) == (200, shown, count)
    assert page[0].get_absolute_url() in response.content.decode()


def test_category_page_lists_only_that_category(client):
    social = CategoryFactory(slug="spoleczne", name="Społeczne")
    mine = NewsFactory(category=social)
    NewsFactory()
    response = client.get("/aktualnosci/kategoria/spoleczne/")
    assert list(response.context["page"]) == [mine]


def test_unknown_category_is_404(client):
    assert client.get("/aktualnosci/kategoria/nie-ma/").status_code == 404


def test_detail_has_canonical_og_and_news_article_json_ld(client, site_settings):
    news = NewsFactory(slug="wazny-artykul", title="Ważny artykuł")
    html = client.get(news.get_absolute_url()).content.decode()
    assert '<link rel="canonical" href="http://testserver/aktualnosci/wazny-artykul/">' in html
    assert '<meta property="og:title" content="Ważny artykuł">' in html
    assert '"@type": "NewsArticle"' in html


def test_detail_lists_five_other_articles(client):
    news = NewsFactory()
    NewsFactory.create_batch(7)
    response = client.get(news.get_absolute_url())
    assert len(response.context["others"]) == 5 and news not in response.context["others"]


def test_draft_and_scheduled_are_404_for_anonymous(client):
    draft = NewsFactory(status=News.Status.DRAFT)
    scheduled = NewsFactory(published_at=timezone.now() + datetime.timedelta(days=2))
    statuses = [client.get(n.get_absolute_url()).status_code for n in (draft, scheduled)]
    assert statuses == [404, 404]


def test_draft_is_404_for_logged_in_non_staff(client):
    client.force_login(UserFactory(username="mieszkaniec"))
    assert client.get(NewsFactory(status=News.Status.DRAFT).get_absolute_url()).status_code == 404


def test_staff_sees_draft_preview_with_banner(client, admin_user):
    client.force_login(admin_user)
    response = client.get(NewsFactory(status=News.Status.DRAFT).get_absolute_url())
    assert response.status_code == 200
    assert "Podgląd — nieopublikowane" in response.content.decode()


def test_published_article_has_no_preview_banner_for_staff(client, admin_user):
    client.force_login(admin_user)
    assert "Podgląd — nieopublikowane" not in client.get(NewsFactory().get_absolute_url()).content.decode()


def test_home_shows_pinned_and_latest_news(client, site_settings):
    pinned = NewsFactory(title="Przypięty komunikat", is_pinned=True)
    latest = NewsFactory(title="Najnowsza wiadomość")
    response = client.get("/")
    assert (list(response.context["pinned_news"]), list(response.context["latest_news"])) == ([pinned], [latest])


def test_search_finds_without_diacritics_and_highlights(client):
    NewsFactory(title="Gala Ekonomii Społecznej", body="<p>Nagrody dla organizacji społecznych.</p>")
    html = client.get("/szukaj/?q=spolecznej").content.decode()
    assert "<mark>Społecznej</mark>" in html


def test_search_escapes_text_from_the_database(client):
    NewsFactory(title="Artykuł", body="<p>Kod &lt;script&gt;alert(1)&lt;/script&gt; i 1 &lt; 2 &amp; ekonomia.</p>")
    html = client.get("/szukaj/?q=ekonomia").content.decode()
    assert "<script>alert(1)" not in html
    assert "1 &lt; 2 &amp; <mark>ekonomia</mark>" in html


@pytest.mark.parametrize("query", ["", "   ", "'; DROP TABLE news_news; --", "a" * 5000, '"unclosed', "-", "&|!:*"])
def test_search_answers_any_input_without_error(client, query):
    NewsFactory()
    assert client.get("/szukaj/", {"q": query}).status_code == 200


def test_search_paginates(client):
    NewsFactory.create_batch(11, title="Wolontariat w mieście")
    response = client.get("/szukaj/?q=wolontariat&page=2")
    assert len(response.context["page"]) == 1


@pytest.mark.parametrize(
    ("count", "text"), [(1, "1 artykuł"), (2, "2 artykuły"), (5, "5 artykułów"), (22, "22 artykuły")]
)
def test_article_count_uses_polish_plural_forms(client, count, text):
    NewsFactory.create_batch(count)
    assert f'<p class="result-count">{text}' in client.get("/aktualnosci/").content.decode()


@pytest.mark.parametrize("query", ["\x00", "a\x00b", "\x1b[31m", "\u202e"])
def test_search_drops_control_characters(client, query):
    assert client.get("/szukaj/", {"q": query}).status_code == 200
