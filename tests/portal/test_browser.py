"""The page shell in headless Chromium: the display controls with and without
JavaScript, themes. Every page type's axe-core, CSP and reflow checks are in
test_every_page.py."""

import pytest
from playwright.sync_api import expect

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


def test_controls_work_without_javascript_and_focus_returns_to_the_pressed_button(browser, live_server, seeded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/deklaracja-dostepnosci/")
    page.get_by_role("button", name="Większa czcionka").click()
    page.wait_for_url(live_server.url + "/deklaracja-dostepnosci/#a11y-larger")
    assert page.evaluate("() => document.documentElement.className") == "font-1"
    expect(page.get_by_role("button", name="Większa czcionka")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the keyboard user presses again, from where they are
    assert page.evaluate("() => document.documentElement.className") == "font-2"
    page.get_by_role("button", name="Wersja dla niedowidzących").click()
    page.wait_for_url("**/deklaracja-dostepnosci/#a11y-contrast")
    assert page.evaluate("() => document.documentElement.className") == "font-2 theme-contrast"
    expect(page.get_by_role("button", name="Wersja dla niedowidzących")).to_be_focused()
    page.get_by_role("button", name="Przywróć domyślne").click()
    page.wait_for_url("**/deklaracja-dostepnosci/#a11y-larger")
    assert page.evaluate("() => document.documentElement.className") == "font-0"
    expect(page.get_by_role("button", name="Większa czcionka")).to_be_focused()
    context.close()


def test_without_javascript_font_buttons_show_the_step_and_are_disabled_at_the_limits(browser, live_server, seeded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    smaller = page.get_by_role("button", name="Mniejsza czcionka")
    larger = page.get_by_role("button", name="Większa czcionka")
    expect(smaller).to_have_attribute("aria-disabled", "true")
    expect(smaller).to_have_accessible_description("Rozmiar czcionki: 100%")
    for _step in range(3):
        with page.expect_navigation():
            larger.click()
    expect(larger).to_have_attribute("aria-disabled", "true")
    expect(larger).to_have_accessible_description("Rozmiar czcionki: 175%")
    expect(smaller).not_to_have_attribute("aria-disabled", "true")
    context.close()


def test_font_buttons_announce_the_new_step_and_stop_at_the_limits(page, live_server, seeded):
    page.goto(live_server.url + "/")
    larger = page.get_by_role("button", name="Większa czcionka")
    status = page.get_by_role("status").filter(has_text="Rozmiar czcionki")
    larger.click()
    expect(status).to_have_text("Rozmiar czcionki: 125%")
    larger.click()
    larger.click()
    expect(status).to_have_text("Rozmiar czcionki: 175%")
    expect(larger).to_have_attribute("aria-disabled", "true")
    page.keyboard.press("Enter")  # at the limit (still focused): nothing changes
    assert page.evaluate("() => document.documentElement.className") == "font-3"
    expect(larger).to_be_focused()


def test_reset_restores_default_look_and_keeps_focus_in_the_controls(page, live_server, seeded):
    page.goto(live_server.url + "/")
    reset = page.get_by_role("button", name="Przywróć domyślne")
    expect(reset).to_be_hidden()  # nothing to reset yet
    page.get_by_role("button", name="Większa czcionka").click()
    page.get_by_role("button", name="Wersja dla niedowidzących").click()
    reset.click()
    assert page.evaluate("() => document.documentElement.className") == "font-0"
    expect(page.get_by_role("button", name="Wersja dla niedowidzących")).to_have_attribute("aria-pressed", "false")
    expect(reset).to_be_hidden()
    expect(page.get_by_role("button", name="Większa czcionka")).to_be_focused()
    page.reload()
    assert page.evaluate("() => document.documentElement.className") == "font-0"


def test_dark_system_theme_is_dark_and_the_contrast_theme_still_wins(browser, live_server, seeded):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(live_server.url + "/")
    background = "() => getComputedStyle(document.body).backgroundColor"
    assert page.evaluate(background) == "rgb(21, 25, 30)"
    page.get_by_role("button", name="Wersja dla niedowidzących").click()
    assert page.evaluate(background) == "rgb(0, 0, 0)"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.topbar a')).color") == "rgb(255, 255, 0)"
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
