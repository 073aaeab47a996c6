"""Public forms in headless Chromium: keyboard use, error summary, XSS as text (axe-core on every
form, empty and with errors, in four themes: tests/portal/test_every_page.py)."""

import re

import pytest
from playwright.sync_api import expect

from calendar_app.models import Event
from organizations.models import Organization
from submissions.models import Submission
from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">klik</a>']


@pytest.fixture
def seeded(transactional_db, editor_group):
    from pps_portal.demo import seed_site

    seed_site()


@pytest.fixture
def fast_forms(settings):
    """A person in a test types faster than the 3-second bot threshold."""
    settings.SUBMISSIONS_MIN_FILL_SECONDS = 0


def test_error_summary_links_move_focus_to_the_field(page, live_server, seeded, fast_forms):
    page.goto(live_server.url + "/kontakt/")
    page.locator(".public-form button[type=submit]").click()
    page.locator(".error-summary a", has_text="Temat").click()
    expect(page.locator("#id_subject")).to_be_focused()


def tab_to(page, locator, limit=80):
    """Press Tab until `locator` has focus (a keyboard user's way there)."""
    for _ in range(limit):
        if locator.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {locator} with Tab")


def test_resident_submits_organization_by_keyboard_after_fixing_nip_and_editor_approves(
    page, live_server, seeded, fast_forms, editor
):
    page.goto(live_server.url + "/zglos/organizacje/")
    tab_to(page, page.locator("#id_name"))
    page.keyboard.type("Stowarzyszenie Klawiaturowe")
    page.keyboard.press("Tab")
    page.keyboard.type("s")  # legal form select: first option starting with "s" (stowarzyszenie)
    tab_to(page, page.locator("#id_krs"))
    page.keyboard.type("0000654321")
    page.keyboard.press("Tab")
    page.keyboard.type("526-025-02-75")  # wrong check digit
    tab_to(page, page.locator("#id_description"))
    page.keyboard.type("Uczymy obsługi komputera.")
    tab_to(page, page.locator("#id_contact_name"))
    page.keyboard.type("Maria Kowalczyk")
    page.keyboard.press("Tab")
    page.keyboard.type("maria@example.pl")
    tab_to(page, page.locator("#id_consent"))
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("NIP")
    page.keyboard.press("Tab")  # the summary's first link
    page.keyboard.press("Enter")
    expect(page.locator("#id_nip")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("526-025-02-74")
    tab_to(page, page.locator("#id_consent"))
    if not page.locator("#id_consent").is_checked():
        page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Dziękujemy za zgłoszenie")
    reference = page.locator(".confirmation__reference strong").inner_text()
    assert re.fullmatch(r"PPS-\d{4}-\d{6}", reference)

    page.goto(live_server.url + "/admin/login/?next=/admin/submissions/pendingsubmission/")
    page.get_by_label("Nazwa użytkownika").fill(editor.username)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.get_by_role("link", name=reference).click()
    page.get_by_role("link", name="Zatwierdź").click()
    page.get_by_role("button", name="Zatwierdź").click()
    expect(page.locator(".messagelist")).to_contain_text("Zatwierdzono")

    page.goto(live_server.url + "/organizacje/")
    expect(page.get_by_role("link", name="Stowarzyszenie Klawiaturowe")).to_be_visible()


def test_xss_payloads_appear_as_text_after_approval_and_no_dialog_fires(page, live_server, seeded, editor):
    from tests.submissions.helpers import event_data, news_data, organization_data

    payload = " ".join(XSS)
    from django.test import Client

    client = Client()
    client.post("/zglos/organizacje/", organization_data(name="Fundacja XSS", description=payload))
    client.post("/zglos/wydarzenie/", event_data(title="Wydarzenie XSS", description_text=payload))
    client.post("/zglos/news/", news_data(title="News XSS", text=payload))
    from editorial.services import transition
    from news.models import News

    for submission in Submission.objects.all():
        transition(submission, "approve", actor=editor)

    transition(News.objects.get(title="News XSS"), "publish", actor=editor)

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    urls = [
        Organization.objects.get(name="Fundacja XSS").get_absolute_url(),
        Event.objects.get(title="Wydarzenie XSS").get_absolute_url(),
        News.objects.get(title="News XSS").get_absolute_url(),
    ]
    for url in urls:
        page.goto(live_server.url + url)
        expect(page.locator("main")).to_contain_text("<script>alert(1)</script>")
        expect(page.locator("main")).to_contain_text("<img src=x onerror=alert(1)>")
        assert page.locator("main script:not([type='application/ld+json']), main img[src=x]").count() == 0
    assert dialogs == []
