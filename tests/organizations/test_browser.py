"""Baza NGO in headless Chromium: axe-core in both themes, CSP, reflow, the KRS copy button."""

import pytest
from playwright.sync_api import expect

from tests.browser import accessibility_failures, invalid_html, set_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def registry(transactional_db):
    """Site settings plus a small registry (transactional tests flush seeded rows)."""
    from organizations.models import Area, District, Organization
    from pps_portal.demo import seed_site

    seed_site()
    # Migrated rows exist in the first transactional test only: get or create.
    district, _ = District.objects.get_or_create(slug="srodmiescie", defaults={"name": "Śródmieście"})
    culture, _ = Area.objects.get_or_create(slug="kultura-i-sztuka", defaults={"name": "kultura i sztuka"})
    health, _ = Area.objects.get_or_create(slug="ochrona-zdrowia", defaults={"name": "ochrona zdrowia"})
    opp = Organization.objects.create(
        name="Fundacja Oczami Brata",
        slug="fundacja-oczami-brata",
        legal_form=Organization.LegalForm.FOUNDATION,
        krs="0000012345",
        nip="1234563218",
        regon="123456785",
        is_public_benefit=True,
        district=district,
        street_address="ul. Śląska 11/13",
        postal_code="42-217",
        phone="+48 34 370 71 00",
        email="biuro@example.org",
        website="https://example.org/",
        description="Wspieramy osoby z niepełnosprawnościami.\n\nDrugi akapit.",
        status=Organization.Status.PUBLISHED,
    )
    opp.areas.set([culture, health])
    for i in range(3):
        org = Organization.objects.create(
            name=f"Stowarzyszenie Przykładowe {i}",
            slug=f"stowarzyszenie-przykladowe-{i}",
            legal_form=Organization.LegalForm.ASSOCIATION,
            krs=f"00000999{i:02d}",
            is_public_benefit=i == 0,
            district=district if i else None,
            status=Organization.Status.PUBLISHED,
        )
        org.areas.set([culture])
    return opp


PAGES = [
    "/organizacje/",
    "/organizacje/?q=fundcja&forma=fundacja&obszar=kultura-i-sztuka&dzielnica=srodmiescie&opp=tak",
    "/organizacje/?forma=nieznana&q=nic-takiego",
    "/organizacje/fundacja-oczami-brata/",
    "/organizacje/opp/",
    "/organizacje/statystyki/",
]


def test_registry_pages_have_no_axe_violations_and_no_csp_errors(page, live_server, registry):
    assert accessibility_failures(page, live_server.url, PAGES) == {}


def test_registry_pages_are_valid_html(client, registry):
    assert invalid_html(client, PAGES) == {}


def test_search_with_filters_works_by_keyboard_without_javascript(browser, live_server, registry):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/organizacje/")
    page.get_by_label("Szukaj organizacji").fill("fundcja")
    page.get_by_label("Status OPP").select_option("tak")
    page.get_by_role("button", name="Szukaj w Bazie NGO").click()
    expect(page.get_by_role("heading", name="Fundacja Oczami Brata")).to_be_visible()
    assert "q=fundcja" in page.url and "opp=tak" in page.url
    context.close()


def test_krs_copy_button_copies_the_number(browser, live_server, registry):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_server.url + "/organizacje/opp/")
    button = page.get_by_role("button", name="Kopiuj numer KRS: Fundacja Oczami Brata")
    button.click()
    expect(page.get_by_role("status").filter(has_text="KRS")).to_have_text("Skopiowano numer KRS 0000012345.")
    expect(button).to_have_text("Kopiuj")  # visible text stays in the accessible name
    # Pasted as a person would (the Permissions-Policy denies scripts reading the clipboard).
    search = page.get_by_role("searchbox", name="Szukaj w serwisie")
    search.click()
    page.keyboard.press("Control+V")
    expect(search).to_have_value("0000012345")
    context.close()


@pytest.mark.parametrize("path", ["/organizacje/", "/organizacje/statystyki/", "/organizacje/opp/"])
def test_pages_reflow_at_320px_and_largest_font(browser, live_server, registry, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    set_theme(page, live_server.url, font_step=2)
    page.goto(live_server.url + path)
    # A data table keeps whole words and may scroll inside its own focusable
    # region (.table-scroll); nothing else may reach past the screen.
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => !e.closest('.table-scroll') || e.matches('.table-scroll'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
            .slice(0, 8).join(' | ')"""
    )
    assert wide == ""
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
