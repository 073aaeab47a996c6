"""Every public page type (tests/crawl.py finds them in the URL conf and the
demo content) in headless Chromium: reflow, axe-core in four themes, HTML
validity, meta descriptions, images beside headings, form error states.

The demo content is loaded once for the module and served by one live
server: loading it per test would take longer than the checks.
"""

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from playwright.sync_api import expect

from pps_portal.management.commands.seed_demo import seeders
from tests.browser import axe_violations, collect_csp_violations, html_errors_by_document
from tests.crawl import discover

# The marker makes pytest-django create the test database; each test's own
# transaction holds nothing (the pages are read through the live server).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The look a visitor can get: cookies of the top bar's controls, the system's colour scheme.
THEMES = {
    "default": {"contrast": "0", "font": "0", "color_scheme": "light"},
    "high-contrast": {"contrast": "1", "font": "0", "color_scheme": "light"},
    "dark": {"contrast": "0", "font": "0", "color_scheme": "dark"},
    "largest-font": {"contrast": "0", "font": "3", "color_scheme": "light"},
}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, a live server and the page types found in it.

    Module-scoped, so it is set up before each test's own transaction and
    its rows are committed for the server's thread. Named in conftest's list
    of transactional fixtures: the module runs after the plain database tests
    and leaves an empty database, as transactional tests do.
    """
    from pytest_django.live_server_helper import LiveServer

    # Every form is sent empty once per look (its error state): more than
    # one visitor's rate limit, which the cache keeps for the whole module.
    with django_db_blocker.unblock(), override_settings(SUBMISSIONS_RATE_LIMIT=1_000_000):
        try:
            for seed in seeders():
                seed(scale=1)
            found = discover(Client())
            server = LiveServer("localhost")
            yield server.url, found
            server.stop()
        finally:
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def fast_forms(settings):
    """A test types faster than the anti-bot minimum fill time."""
    settings.SUBMISSIONS_MIN_FILL_SECONDS = 0


def open_page(browser, browser_context_args, url, theme, **viewport):
    look = THEMES[theme]
    context = browser.new_context(
        **browser_context_args, color_scheme=look["color_scheme"], **({"viewport": viewport} if viewport else {})
    )
    context.add_cookies(
        [
            {"name": "pps_contrast", "value": look["contrast"], "url": url},
            {"name": "pps_font", "value": look["font"], "url": url},
        ]
    )
    return context, context.new_page()


def states(page, url, path):
    """The page, then (for a public form) the same form sent empty: its error
    state, where it has one; (for the search page) results for a word the demo content has."""
    page.goto(url + path)
    yield path
    if page.locator("form.public-form").count():
        with page.expect_navigation():
            page.locator("form.public-form [type=submit]").click()
        # A form that asks for nothing (an update link sent to the organization's address) has no error state.
        if page.locator("[data-error-summary]").count():
            yield f"{path} (błędy formularza)"
    # Results once, on the site search page itself (the 404 page's form leads there too).
    search = page.locator(f"main form[action='{path}']:has(input[type=search])")
    if path == reverse("search") and search.count():
        search.locator("input[type=search]").fill("fundacja")
        search.locator("[type=submit]").click()
        expect(page.locator("main .result").first).to_be_visible()
        yield f"{path} (wyniki: fundacja)"


def test_discovery_reaches_every_route_and_the_known_page_types(demo_site):
    _url, found = demo_site
    assert found.unreached == []
    known = {
        "/", "/aktualnosci/", "/aktualnosci/<slug>/", "/aktualnosci/kategoria/<slug>/",
        "/organizacje/", "/organizacje/<slug>/", "/organizacje/opp/", "/organizacje/statystyki/",
        "/kalendarz/", "/kalendarz/<year>/<month>/", "/kalendarz/<year>/<month>/<day>/",
        "/kalendarz/wydarzenia/", "/kalendarz/wydarzenia/<slug>/", "/szukaj/", "/deklaracja-dostepnosci/",
        "/zglos/news/", "/zglos/blad/", "/zglos/organizacje/", "/zglos/wydarzenie/", "/kontakt/",
    }  # fmt: skip
    assert known - set(found.pages) == set()


@pytest.mark.parametrize("theme", ["default", "high-contrast"])
def test_every_page_reflows_at_320px_at_the_largest_font(browser, browser_context_args, demo_site, fast_forms, theme):
    url, found = demo_site
    context, page = open_page(browser, browser_context_args, url, theme, width=320, height=640)
    page.context.add_cookies([{"name": "pps_font", "value": "3", "url": url}])
    too_wide = {}
    for path in found.paths:
        for state in states(page, url, path):
            wide = page.evaluate(
                """() => document.documentElement.scrollWidth <= document.documentElement.clientWidth ? null :
                    [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                        .map(e => e.tagName.toLowerCase() + '.' + e.className).slice(-3)"""
            )
            if wide is not None:
                too_wide[state] = wide
    context.close()
    assert too_wide == {}


@pytest.mark.parametrize("theme", THEMES)
def test_every_page_has_no_axe_violations_and_no_csp_errors(
    browser, browser_context_args, demo_site, fast_forms, theme
):
    url, found = demo_site
    context, page = open_page(browser, browser_context_args, url, theme)
    csp_errors = collect_csp_violations(page)
    violations = {}
    for path in found.paths:
        for state in states(page, url, path):
            found_here = axe_violations(page, enhanced_contrast=theme == "high-contrast")
            if found_here:
                violations[state] = found_here
    context.close()
    assert violations == {}
    assert csp_errors == []


def test_every_page_is_valid_html(demo_site):
    _url, found = demo_site
    client = Client()
    documents = {path: client.get(path).content.decode() for path in found.paths}
    errors = {path: found_errors for path, found_errors in html_errors_by_document(documents).items() if found_errors}
    assert errors == {}


def test_every_page_has_its_own_meta_description(demo_site):
    _url, found = demo_site
    client = Client()
    descriptions = {}
    for path in found.paths:
        found_here = re.findall(r'<meta name="description" content="([^"]*)">', client.get(path).content.decode())
        # One each (a page template gives its words in the description block).
        descriptions[path] = " ".join(found_here[0].split()) if len(found_here) == 1 else found_here
    assert [path for path, text in descriptions.items() if not isinstance(text, str) or len(text) < 30] == []
    # Pages of different types describe themselves, not all with the site's one line.
    home = descriptions["/"]
    assert [path for path, text in descriptions.items() if text == home and path != "/"] == []


def test_no_image_repeats_the_heading_or_link_text_beside_it(browser, browser_context_args, demo_site):
    url, found = demo_site
    context, page = open_page(browser, browser_context_args, url, "default")
    repeated = {}
    for path in found.paths:
        page.goto(url + path)
        # An image's alt against the text of the link, card or header it sits in.
        pairs = page.evaluate(
            """() => {
                const words = t => ' ' + (t || '').toLowerCase().replace(/[^\\p{L}\\p{N}]+/gu, ' ').trim() + ' ';
                return [...document.querySelectorAll('img[alt]:not([alt=""])')].map(img => {
                    const box = img.closest('a, article, li, header, figure, .banner');
                    const heading = box && (box.querySelector('h1, h2, h3, h4, h5, h6') || box);
                    const alt = words(img.alt), text = words(heading && heading.innerText);
                    return text.trim() && (text.includes(alt) || alt.includes(text)) ? [img.alt, text.trim()] : null;
                }).filter(Boolean);
            }"""
        )
        if pairs:
            repeated[path] = pairs
    context.close()
    assert repeated == {}


def test_error_summary_links_keep_the_fields_label_in_view(browser, browser_context_args, demo_site, fast_forms):
    """At 320 px and the largest font, where a label, hint and error take most of the screen."""
    url, found = demo_site
    context, page = open_page(browser, browser_context_args, url, "largest-font", width=320, height=640)
    hidden = {}
    checked = 0
    for path in found.paths:
        for state in states(page, url, path):
            summary_links = page.locator("[data-error-summary] a[href^='#']")
            for index in range(summary_links.count()):
                link = summary_links.nth(index)
                target = link.get_attribute("href")
                link.click()
                where = page.evaluate(
                    """target => {
                        const field = document.getElementById(target.slice(1));
                        const controls = 'input, select, textarea';
                        const input = field.matches(controls) ? field : field.querySelector(controls);
                        // A group of options is labelled by its legend.
                        const group = input.labels[0].closest('fieldset:not(.form-section)');
                        const label = group ? group.querySelector('legend') : input.labels[0];
                        const box = label.getBoundingClientRect();
                        const focused = document.activeElement === input;
                        return {focused, top: box.top, bottom: box.bottom, height: innerHeight};
                    }""",
                    target,
                )
                checked += 1
                if not (where["focused"] and where["top"] >= 0 and where["bottom"] <= where["height"]):
                    hidden[f"{state} {target}"] = where
    context.close()
    assert checked >= 5  # every public form has required fields
    assert hidden == {}


def test_personal_data_fields_carry_autocomplete_tokens(demo_site):
    """WCAG 1.3.5: e-mail, phone and name fields of every public form."""
    _url, found = demo_site
    client = Client()
    missing = []
    for path in found.paths:
        content = client.get(path).content.decode()
        for form in re.findall(r'<form class="public-form".*?</form>', content, re.S):
            for tag in re.findall(r"<input[^>]*>", form):
                kind = re.search(r'type="([^"]+)"', tag).group(1)
                token = (re.search(r'autocomplete="([^"]+)"', tag) or re.search("()", "")).group(1)
                wanted = {"email": "email", "tel": "tel"}.get(kind)
                if wanted and not token.endswith(wanted):
                    missing.append((path, tag))
            for field_id in re.findall(r'<label class="field__label" for="([^"]+)">Imię i nazwisko', form):
                tag = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', form).group(0)
                if 'autocomplete="name"' not in tag:
                    missing.append((path, tag))
    assert missing == []
