"""The page cache keeps each language's page apart (issue 17 on issue 14's cache)."""

import pytest

from tests.news.factories import NewsFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def article(site_settings):
    return NewsFactory(
        slug="dyzury", title="Dyżury zimowe", title_uk="Зимові чергування", title_en="Winter duty hours"
    )


def test_each_language_is_its_own_cached_page(client, shared_cache, article):
    pages = {prefix: client.get(f"{prefix}/aktualnosci/dyzury/") for prefix in ("", "/uk", "/en")}
    again = {prefix: client.get(f"{prefix}/aktualnosci/dyzury/") for prefix in ("", "/uk", "/en")}
    titles = {
        prefix: response.content.decode().split("<h1>")[1].split("</h1>")[0] for prefix, response in again.items()
    }
    assert [r["X-Page-Cache"] for r in (*pages.values(), *again.values())] == ["miss"] * 3 + ["hit"] * 3
    assert titles == {"": "Dyżury zimowe", "/uk": "Зимові чергування", "/en": "Winter duty hours"}


def test_a_polish_address_is_one_entry_whatever_the_browser_prefers(client, shared_cache, article):
    polish = client.get("/aktualnosci/dyzury/", HTTP_ACCEPT_LANGUAGE="pl")
    ukrainian_browser = client.get("/aktualnosci/dyzury/", HTTP_ACCEPT_LANGUAGE="uk,en;q=0.5")
    assert (
        polish["X-Page-Cache"],
        ukrainian_browser["X-Page-Cache"],
        'lang="pl"' in ukrainian_browser.content.decode(),
    ) == (
        "miss",
        "hit",
        True,
    )
