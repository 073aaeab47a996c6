"""Information, ETR and PJM pages in headless Chromium: axe-core in both
themes, no CSP violation, the Nu HTML checker."""

import pytest
from django.core.files.base import ContentFile

from pages.models import SignLanguagePage
from tests.browser import accessibility_failures, invalid_html
from tests.documents.factories import DocumentFactory
from tests.pages.factories import PageFactory
from tests.pages.test_accessible_pages import MP4, VTT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pages(transactional_db):
    from pages.demo import seed_pages
    from pps_portal.demo import seed_site

    seed_site()
    seed_pages()
    page = PageFactory(slug="z-nagraniem", title="Strona z dokumentem")
    DocumentFactory(owner=page, title="Regulamin")


@pytest.fixture
def pjm_video(pages):
    page = SignLanguagePage.load()
    page.video.save("pjm.mp4", ContentFile(MP4), save=False)
    page.captions.save("napisy.vtt", ContentFile(VTT), save=False)
    page.transcript = "<p>Dzień dobry. Jesteśmy Wydziałem Polityki Społecznej.</p>"
    page.save()


PAGES = [
    "/informacje/",
    "/informacje/ekonomia-spoleczna/",
    "/informacje/ekonomia-spoleczna/spoldzielnie-socjalne/",
    "/informacje/ekonomia-spoleczna/spoldzielnie-socjalne/jasne-ze-bus/",
    "/informacje/dzielnicowe-osrodki-spolecznosci-lokalnych/",
    "/tekst-latwy-do-czytania/",
    "/jezyk-migowy/",
]


def test_information_pages_have_no_axe_violations(page, live_server, pages):
    assert accessibility_failures(page, live_server.url, PAGES) == {}


def test_the_pjm_page_with_a_video_has_no_axe_violations(page, live_server, pjm_video):
    assert accessibility_failures(page, live_server.url, ["/jezyk-migowy/"]) == {}
    assert page.locator("video track[kind=captions]").count() == 1


def test_information_pages_pass_the_nu_html_checker(client, pages):
    assert invalid_html(client, [*PAGES, "/informacje/z-nagraniem/"]) == {}


def test_the_pjm_page_with_a_video_passes_the_nu_html_checker(client, pjm_video):
    assert invalid_html(client, ["/jezyk-migowy/"]) == {}


def test_the_top_bar_links_reach_etr_and_pjm_by_keyboard(page, live_server, pages):
    page.goto(live_server.url + "/informacje/")
    page.get_by_role("link", name="Tekst łatwy do czytania", exact=True).first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/tekst-latwy-do-czytania/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tekst łatwy do czytania"
    page.get_by_role("link", name="Informacje w polskim języku migowym", exact=True).first.click()
    page.wait_for_url("**/jezyk-migowy/")
    assert page.get_by_role("heading", name="Kontakt dla osób głuchych i słabosłyszących").is_visible()
