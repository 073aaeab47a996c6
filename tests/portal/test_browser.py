"""The page shell in headless Chromium: accessibility controls, axe-core, CSP."""

import pytest
from playwright.sync_api import expect

from tests.browser import axe_violations, collect_csp_violations, set_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    from pps_portal.demo import seed_site

    seed_site()


def root_font_size(page):
    return page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_larger_font_enlarges_text_and_persists_across_pages(page, live_server, seeded):
    page.goto(live_server.url + "/")
    before = root_font_size(page)
    page.get_by_role("button", name="Większa czcionka").click()
    assert root_font_size(page) == before * 1.25
    page.get_by_role("link", name="Deklaracja dostępności").click()
    expect(page.locator("h1")).to_have_text("Deklaracja dostępności")
    assert root_font_size(page) == before * 1.25
    page.get_by_role("button", name="Mniejsza czcionka").click()
    assert root_font_size(page) == before


def test_contrast_button_switches_theme_and_persists(page, live_server, seeded):
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Wersja dla niedowidzących")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    page.reload()
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"


def test_controls_work_without_javascript(browser, live_server, seeded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/deklaracja-dostepnosci/")
    page.get_by_role("button", name="Większa czcionka").click()
    page.wait_for_url(live_server.url + "/deklaracja-dostepnosci/")
    assert page.evaluate("() => document.documentElement.className") == "font-1"
    page.get_by_role("button", name="Wersja dla niedowidzących").click()
    assert page.evaluate("() => document.documentElement.className") == "font-1 theme-contrast"
    context.close()


def test_system_preference_for_more_contrast_is_respected(browser, live_server, seeded):
    context = browser.new_context(contrast="more")
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    expect(page.get_by_role("button", name="Wersja dla niedowidzących")).to_have_attribute("aria-pressed", "true")
    context.close()


def test_skip_link_moves_focus_to_main_content(page, live_server, seeded):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Przejdź do treści")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "tresc"


@pytest.mark.parametrize(
    "theme",
    [{}, {"contrast": True}, {"font_step": 3}],
    ids=["default", "high-contrast", "largest-font"],
)
@pytest.mark.parametrize("path", ["/", "/deklaracja-dostepnosci/", "/nie-ma-takiej-strony/"])
def test_pages_have_no_axe_violations_and_no_csp_errors(page, live_server, seeded, path, theme):
    set_theme(page, live_server.url, **theme)
    csp_errors = collect_csp_violations(page)
    page.goto(live_server.url + path)
    assert axe_violations(page, enhanced_contrast=theme.get("contrast", False)) == []
    assert csp_errors == []


def test_layout_reflows_at_320px_and_largest_font(browser, live_server, seeded):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    set_theme(page, live_server.url, font_step=2)
    page.goto(live_server.url + "/deklaracja-dostepnosci/")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_without_javascript_system_high_contrast_can_be_switched_off_in_one_press(browser, live_server, seeded):
    context = browser.new_context(java_script_enabled=False, contrast="more")
    page = context.new_page()
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Wersja dla niedowidzących")
    expect(button).to_have_attribute("aria-pressed", "true")
    button.click()
    assert page.evaluate("() => document.documentElement.className") == "font-0 theme-default"
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    context.close()


def test_the_browser_understands_every_feature_the_permissions_policy_names(page, live_server, seeded):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(live_server.url + "/")
    page.reload()
    assert [m for m in messages if "Permissions-Policy" in m or "Permissions Policy" in m] == []


def test_the_krs_copy_button_may_still_write_to_the_clipboard(page, live_server, seeded):
    page.goto(live_server.url + "/")
    allows = "feature => (document.permissionsPolicy || document.featurePolicy).allowsFeature(feature)"
    assert (page.evaluate(allows, "clipboard-write"), page.evaluate(allows, "camera")) == (True, False)
