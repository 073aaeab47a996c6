"""News pages in headless Chromium: axe-core in both themes, HTML validity."""

import pytest

from tests.browser import accessibility_failures, invalid_html
from tests.news.factories import CategoryFactory, NewsFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def news_pages(transactional_db):
    from pps_portal.demo import seed_site
    from pps_portal.demo_images import demo_image

    seed_site()
    category = CategoryFactory(slug="rodzina", name="Rodzina")
    NewsFactory.create_batch(14, category=category, title="Wsparcie dla rodzin", lead="Zajawka o rodzinie.")
    NewsFactory(is_pinned=True, category=category, title="Przypięty komunikat")
    article = NewsFactory(
        slug="artykul-ze-zdjeciem",
        title="Artykuł ze zdjęciem",
        category=category,
        body="<h2>Śródtytuł</h2><p>Akapit <a href='https://example.pl/'>z linkiem</a>.</p>"
        "<ul><li>punkt</li></ul><table><thead><tr><th scope='col'>Rok</th></tr></thead>"
        "<tbody><tr><td>2026</td></tr></tbody></table><blockquote><p>Cytat</p></blockquote>",
    )
    article.image.save("foto.jpg", demo_image("foto", "Zdjęcie"), save=False)
    article.image_alt = "Kolorowa grafika"
    article.save()
    return article


PAGES = ["/aktualnosci/", "/aktualnosci/?page=2", "/aktualnosci/artykul-ze-zdjeciem/", "/szukaj/?q=rodzin", "/"]


def test_news_pages_have_no_axe_violations(page, live_server, news_pages):
    assert accessibility_failures(page, live_server.url, PAGES) == {}


def test_news_html_passes_the_nu_html_checker(client, news_pages):
    assert invalid_html(client, ["/aktualnosci/", "/aktualnosci/artykul-ze-zdjeciem/"]) == {}


def test_article_image_has_srcset_dimensions_and_loads(page, live_server, news_pages):
    page.goto(live_server.url + "/aktualnosci/artykul-ze-zdjeciem/")
    image = page.locator(".article__image img")
    assert image.get_attribute("width") == "1200" and image.get_attribute("height") == "675"
    assert page.evaluate("img => img.complete && img.naturalWidth > 0", image.element_handle())
    assert "400w" in page.locator(".article__image source").get_attribute("srcset")
