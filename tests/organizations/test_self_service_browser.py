"""The organizations' self service in headless Chromium: the whole update flow,
and axe-core in both themes on its pages and on the entry's notices."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser import accessibility_failures, axe_violations, set_theme
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LINK = re.compile(r"https?://\S+/aktualizacja/[\w-]{20,}/")


@pytest.fixture
def fast_forms(settings):
    """A person in a test types faster than the 3-second bot threshold."""
    settings.SUBMISSIONS_MIN_FILL_SECONDS = 0


@pytest.fixture
def registry(transactional_db):
    """Site settings and entries in every situation a page can show."""
    from organizations.models import Organization
    from pps_portal.demo import seed_site
    from tests.organizations.factories import OrganizationFactory, proposed_change

    seed_site()
    removed = {"registry_status_since": datetime.date(2025, 11, 14)}
    entries = {
        "active": OrganizationFactory(
            name="Fundacja Pomocna Dłoń",
            slug="fundacja-pomocna-dlon",
            phone="34 360 11 11",
            email="biuro@pomocna.example.org",
            street_address="ul. Śląska 1",
            postal_code="42-217",
            description="Pomagamy seniorom.",
            is_public_benefit=True,
        ),
        "no_email": OrganizationFactory(name="Klub Bez Adresu", slug="klub-bez-adresu"),
        "struck_off": OrganizationFactory(
            name="Fundacja Wykreślona", slug="fundacja-wykreslona", registry_status="struck_off", **removed
        ),
        "liquidation": OrganizationFactory(
            name="Fundacja Likwidowana", slug="fundacja-likwidowana", registry_status="in_liquidation", **removed
        ),
        "stale": OrganizationFactory(name="Stowarzyszenie Stare Dane", slug="stowarzyszenie-stare-dane"),
        "waiting": OrganizationFactory(name="Fundacja Czekająca", slug="fundacja-czekajaca", phone="1"),
    }
    Organization.objects.filter(pk=entries["stale"].pk).update(
        confirmed_at=timezone.now() - datetime.timedelta(days=800)
    )
    proposed_change(entries["waiting"], phone="34 370 00 00")
    return entries


def update_link(organization):
    from organizations.models import UpdateLink

    link, token = UpdateLink.issue(organization)
    return link.get_absolute_url_with(token)


def signed(organization, view):
    from django.urls import reverse

    from organizations import links

    salt = {"confirm": links.CONFIRM_SALT, "stop_reminders": links.STOP_SALT}[view]
    return reverse(f"organizations:{view}", args=[organization.slug, links.make_token(organization, salt=salt)])


PAGES = {
    "request": lambda r: f"/organizacje/{r['active'].slug}/aktualizacja/",
    "request-no-email": lambda r: f"/organizacje/{r['no_email'].slug}/aktualizacja/",
    "request-sent": lambda r: f"/organizacje/{r['active'].slug}/aktualizacja/wyslano/",
    "edit-form": lambda r: update_link(r["active"]),
    "link-problem": lambda r: f"/organizacje/{r['active'].slug}/aktualizacja/nie-taki-link-{'x' * 30}/",
    "confirm": lambda r: signed(r["active"], "confirm"),
    "stop-reminders": lambda r: signed(r["active"], "stop_reminders"),
    "notice-struck-off": lambda r: r["struck_off"].get_absolute_url(),
    "notice-liquidation": lambda r: r["liquidation"].get_absolute_url(),
    "notice-unconfirmed": lambda r: r["stale"].get_absolute_url(),
    "notice-change-waiting": lambda r: r["waiting"].get_absolute_url(),
}


def test_self_service_pages_and_notices_have_no_axe_violations(page, live_server, registry):
    paths = [path_of(registry) for path_of in PAGES.values()]
    assert accessibility_failures(page, live_server.url, paths) == {}


@pytest.mark.parametrize("contrast", [False, True], ids=["default", "high-contrast"])
def test_edit_form_with_errors_has_no_axe_violations(page, live_server, registry, fast_forms, contrast):
    set_theme(page, live_server.url, contrast=contrast)
    page.goto(live_server.url + update_link(registry["active"]))
    page.locator("#id_postal_code").fill("42217")
    page.locator("#id_nip").fill("526-025-02-75")
    page.get_by_role("button", name="Wyślij zmiany do redakcji").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("kod pocztowy")
    assert axe_violations(page, enhanced_contrast=contrast) == []


def test_organization_changes_its_phone_and_an_editor_approves_the_diff(
    page, live_server, registry, fast_forms, editor
):
    """The issue's "done when": link from the mail, a new phone number, the editor approves, the page shows it."""
    organization = registry["active"]
    page.goto(live_server.url + organization.get_absolute_url())
    page.get_by_role("link", name="Zaktualizuj dane").first.click()
    page.get_by_role("button", name="Wyślij link na adres organizacji").click()
    expect(page.locator("h1")).to_have_text("Sprawdź skrzynkę organizacji")
    [message] = mail.outbox
    assert message.to == ["biuro@pomocna.example.org"]

    page.goto(LINK.search(message.body).group(0).replace("http://testserver", live_server.url))
    expect(page.get_by_label("Telefon organizacji")).to_have_value("34 360 11 11")
    page.get_by_label("Telefon organizacji").fill("34 370 22 22")
    page.get_by_label(re.compile("Wyrażam zgodę")).check()
    page.get_by_role("button", name="Wyślij zmiany do redakcji").click()
    expect(page.locator("h1")).to_have_text("Dziękujemy za aktualizację danych")
    page.goto(live_server.url + organization.get_absolute_url())
    expect(page.locator("main")).to_contain_text("redakcja ją sprawdza")
    expect(page.locator("main")).not_to_contain_text("34 370 22 22")

    page.goto(live_server.url + "/admin/login/?next=/admin/submissions/pendingsubmission/")
    page.get_by_label("Nazwa użytkownika").fill(editor.username)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.get_by_role("link", name="Przejrzyj zmiany danych").click()
    page.get_by_role("link", name=re.compile("Zmiana danych: Fundacja Pomocna Dłoń")).click()
    expect(page.locator(".editorial-compare")).to_contain_text("34 360 11 11")
    expect(page.locator(".editorial-compare")).to_contain_text("34 370 22 22")
    page.get_by_role("link", name="Zatwierdź zmiany…").click()
    expect(page.get_by_label("Telefon")).to_be_checked()
    page.get_by_role("button", name="Zatwierdź zmiany").click()
    expect(page.locator(".messagelist")).to_contain_text("Zatwierdzono zmiany")

    page.goto(live_server.url + organization.get_absolute_url())
    expect(page.get_by_role("link", name="34 370 22 22")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("redakcja ją sprawdza")
    outcome = mail.outbox[-1]
    assert outcome.to == ["biuro@pomocna.example.org"] and "- telefon" in outcome.body
