"""Ukrainian and English pages in headless Chromium: axe-core in both themes,
no CSP violation, the Nu HTML checker, and switching language from a page.

Representative pages (home, an information page, an article, the registry,
a form) in each of the two new languages; the Polish ones are covered by
each section's own browser tests.
"""

import pytest
from playwright.sync_api import expect

from tests.browser import axe_violations, collect_csp_violations, html_errors_by_document, set_theme
from tests.news.factories import NewsFactory
from tests.organizations.factories import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATHS = [
    "/",
    "/informacje/ekonomia-spoleczna/",  # translated by the demo content
    "/informacje/ekonomia-spoleczna/spoldzielnie-socjalne/",  # only Polish: the fallback note
    "/aktualnosci/zbiorka-zywnosci-przed-swietami/",  # translated by the demo content
    "/aktualnosci/tylko-po-polsku/",  # only Polish
    "/organizacje/",
    "/zglos/organizacje/",
]


@pytest.fixture
def content(transactional_db):
    from news.demo import seed_news
    from pages.demo import seed_pages
    from pps_portal.demo import seed_site
    from pps_portal.demo_translations import seed_translations

    seed_site()
    seed_news()
    seed_pages()
    seed_translations()
    NewsFactory(slug="tylko-po-polsku", title="Tylko po polsku")
    OrganizationFactory.create_batch(3)


# The high-contrast theme on the page shell and on the fallback note.
CONTRAST_PATHS = ["/", "/aktualnosci/tylko-po-polsku/"]


@pytest.mark.parametrize("language", ["uk", "en"])
def test_pages_in_other_languages_have_no_axe_violations(page, live_server, content, language):
    """Every page in one language and both themes, on one seeded database (seeding per page took longer than axe)."""
    csp_errors = collect_csp_violations(page)
    found = {}
    for contrast, paths in ((False, PATHS), (True, CONTRAST_PATHS)):
        set_theme(page, live_server.url, contrast=contrast)
        for path in paths:
            page.goto(f"{live_server.url}/{language}{path}")
            lang = page.evaluate("() => document.documentElement.lang")
            found[(path, contrast)] = (lang, axe_violations(page, enhanced_contrast=contrast))
    failing = {key: result for key, result in found.items() if result != (language, [])}
    assert (failing, csp_errors) == ({}, [])


def test_pages_in_other_languages_pass_the_nu_html_checker(client, content):
    """Every page in both languages through one run of the checker (one JVM start)."""
    documents = {
        f"/{language}{path}": client.get(f"/{language}{path}").content.decode()
        for language in ("uk", "en")
        for path in PATHS
    }
    assert {path: errors for path, errors in html_errors_by_document(documents).items() if errors} == {}


def test_a_resident_switches_an_article_to_ukrainian_and_back(page, live_server, content):
    page.goto(live_server.url + "/aktualnosci/zbiorka-zywnosci-przed-swietami/")
    page.get_by_role("navigation", name="Język strony").get_by_role("link", name="Українська").click()
    expect(page.locator("h1")).to_have_text("Збір продуктів перед святами")
    assert page.url == live_server.url + "/uk/aktualnosci/zbiorka-zywnosci-przed-swietami/"
    page.get_by_role("navigation", name="Мова сторінки").get_by_role("link", name="Polski").click()
    expect(page.locator("h1")).to_have_text("Zbiórka żywności przed świętami")
    assert page.evaluate("() => document.documentElement.lang") == "pl"
