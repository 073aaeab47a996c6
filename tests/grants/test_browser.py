"""Grant calls in headless Chromium: an NGO finds the open call on the home page, reads its rules
and takes its deadline to a calendar; an editor imports results and the NGO sees its grant on its
registry page. The list and call pages pass axe-core in both themes and the Nu HTML checker."""

from decimal import Decimal

import pytest
from django.utils import timezone

from tests.browser import accessibility_failures, invalid_html
from tests.documents.factories import DocumentFactory
from tests.factories import PASSWORD
from tests.grants.factories import GrantCallFactory, GrantFactory, _in_days, resolved_call
from tests.organizations.factories import OrganizationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def calls(transactional_db):
    from pps_portal.demo import seed_site

    seed_site()
    ngo = OrganizationFactory(name="Fundacja Oczami Brata", slug="fundacja-oczami-brata", krs="0000098001")
    open_call = GrantCallFactory(
        title="Wspieranie ekonomii społecznej", slug="ekonomia-spoleczna", deadline_at=_in_days(12)
    )
    DocumentFactory(owner=open_call, title="Regulamin konkursu")
    GrantCallFactory(
        title="Działania na rzecz seniorów", applications_open_at=_in_days(10, 8, 0), deadline_at=_in_days(30)
    )
    resolved = resolved_call(title="Pikniki sąsiedzkie", slug="pikniki")
    GrantFactory(call=resolved, organization=ngo, recipient_name=ngo.name, amount=Decimal("8500"))
    GrantFactory(call=resolved, recipient_name="Koło Gospodyń spoza Bazy", amount=Decimal("1500"))
    GrantCallFactory(
        title="Unieważniony", status="cancelled", cancellation_reason="Brak ofert.", cancelled_at=timezone.now()
    )
    return {"open": open_call, "ngo": ngo}


PAGES = [
    "/konkursy/",
    "/konkursy/?status=trwa&rok=abc",
    "/konkursy/ekonomia-spoleczna/",
    "/konkursy/pikniki/",
    "/organizacje/fundacja-oczami-brata/",
    "/organizacje/statystyki/",
    "/",
]


def test_grant_pages_have_no_axe_violations(page, live_server, calls):
    assert accessibility_failures(page, live_server.url, PAGES) == {}


def test_grant_pages_pass_the_nu_html_checker(client, calls):
    assert invalid_html(client, PAGES) == {}


def test_an_ngo_finds_the_open_call_reads_its_rules_and_takes_the_deadline(page, live_server, calls):
    page.goto(live_server.url + "/")
    block = page.locator("section.home-calls")
    assert "zostało 12 dni" in block.inner_text()
    block.get_by_role("link", name="Wspieranie ekonomii społecznej").click()
    page.wait_for_url("**/konkursy/ekonomia-spoleczna/")
    assert page.get_by_role("heading", level=1).inner_text() == "Wspieranie ekonomii społecznej"
    rules = page.get_by_role("link", name="Regulamin konkursu (PDF")
    download = page.request.get(live_server.url + rules.get_attribute("href"))
    assert (download.status, download.body()[:5]) == (200, b"%PDF-")
    ics = page.get_by_role("link", name="Dodaj termin składania ofert do kalendarza")
    response = page.request.get(live_server.url + ics.get_attribute("href"))
    assert b"BEGIN:VALARM" in response.body() and b"TRIGGER:-P1D" in response.body()


def test_an_editor_imports_results_and_the_ngo_sees_its_grant(page, live_server, calls, editor, tmp_path):
    call = calls["open"]
    call.applications_open_at = _in_days(-40, 8, 0)
    call.deadline_at = _in_days(-10)
    call.save()
    sheet = tmp_path / "wyniki.csv"
    sheet.write_bytes(
        "Nazwa oferenta;KRS;Tytuł zadania;Kwota dotacji\r\n"
        "Fundacja Oczami Brata;0000098001;Inkubator spółdzielni socjalnych;45 000,00 zł\r\n"
        "Spółdzielnia spoza Bazy;;Szkolenia;12 000\r\n".encode("cp1250")
    )
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill(editor.username)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.goto(f"{live_server.url}/admin/grants/grantcall/{call.pk}/change/")
    page.get_by_role("link", name="Importuj wyniki z arkusza").click()
    page.locator("#id_file").set_input_files(str(sheet))
    page.locator("#id_awarded_on").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Sprawdź plik").click()
    assert "dopasowane do Bazy NGO: 1" in page.locator("#content-main").inner_text()
    page.get_by_role("button", name="Zapisz wyniki (2 dotacje)").click()
    page.wait_for_url("**/change/")

    page.goto(live_server.url + calls["ngo"].get_absolute_url())
    section = page.locator("section.organization-grants")
    assert "Inkubator spółdzielni socjalnych" in section.inner_text()
    assert f"{timezone.localdate().year}: razem 53\u00a0500,00\u00a0zł" in section.inner_text()
