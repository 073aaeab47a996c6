"""An editor (not a superuser) in Chromium: rejects an event with a reason,
restores an earlier version of an article, and finds both in the history."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import axe_violations, collect_csp_violations, set_theme
from tests.calendar_app.factories import EventFactory
from tests.factories import PASSWORD
from tests.news.factories import NewsFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def logged_in(page, live_server, editor):
    from pps_portal.demo import seed_site

    seed_site()
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill(editor.username)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def test_editor_rejects_an_event_with_a_reason_and_sees_it_in_the_history(logged_in, live_server):
    page = logged_in
    event = EventFactory(title="Koncert w parku", status="pending")
    page.goto(f"{live_server.url}/admin/calendar_app/event/{event.pk}/change/")
    page.get_by_role("link", name="Odrzuć…").click()
    page.get_by_label("Powód odrzucenia").fill("Wydarzenie poza miastem.")
    page.get_by_role("button", name="Odrzuć").click()
    expect(page.locator(".messagelist")).to_contain_text("Odrzucono: „Koncert w parku”.")
    page.get_by_role("link", name="Historia").click()
    row = page.locator("#change-history tbody tr").first
    expect(row).to_contain_text("oczekuje → odrzucone")
    expect(row).to_contain_text("Wydarzenie poza miastem.")
    expect(row).to_contain_text("redaktorka")
    event.refresh_from_db()
    assert (event.status, event.rejection_reason) == ("rejected", "Wydarzenie poza miastem.")


def test_editor_restores_an_earlier_version_of_an_article_and_sees_it_in_the_history(logged_in, live_server):
    page = logged_in
    csp_errors = collect_csp_violations(page)
    news = NewsFactory(title="Dyżur w ośrodku we wtorki", slug="dyzur")
    change = f"{live_server.url}/admin/news/news/{news.pk}/change/"
    for title in ("Dyżur w ośrodku w środy", "Dyżur w ośrodku w czwartki"):
        page.goto(change)
        page.locator("#id_title").fill(title)
        page.locator("input[name=_continue]").click()
        expect(page.locator(".messagelist .success")).to_be_visible()
    page.goto(change)
    page.get_by_role("link", name="Historia").click()
    page.get_by_role("link", name="Przywróć wersję 1").click()
    expect(page.locator(".editorial-diff").first).to_contain_text("czwartki")
    page.get_by_role("button", name="Przywróć tę wersję").click()
    expect(page.locator(".messagelist")).to_contain_text("Przywrócono wersję 1")
    newest = page.locator("#change-history tbody tr").first
    expect(newest).to_contain_text("przywrócono wersję")
    expect(newest).to_contain_text("wersja 4")
    expect(newest).to_contain_text("redaktorka")
    assert csp_errors == []

    for contrast in (False, True):
        set_theme(page, live_server.url, contrast=contrast)
        page.goto(live_server.url + "/aktualnosci/dyzur/")
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("we wtorki"))
        assert axe_violations(page, enhanced_contrast=contrast) == []
