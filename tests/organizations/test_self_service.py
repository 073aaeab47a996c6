"""An organization updates its own entry: one-time link → form → pending change."""

import datetime
import io
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from editorial.models import HistoryEntry
from organizations.models import Organization, OrganizationChange, UpdateLink
from tests.organizations.factories import AreaFactory, DistrictFactory, OrganizationFactory
from tests.submissions.helpers import old_token, update_link_request_data

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/aktualizacja/[\w-]{20,}/")


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Site settings with the editors' address (notices of changes go there)."""


@pytest.fixture
def organization():
    district = DistrictFactory(name="Raków", slug="rakow")
    return OrganizationFactory(
        name="Fundacja Pomocna Dłoń",
        slug="fundacja-pomocna-dlon",
        legal_form=Organization.LegalForm.FOUNDATION,
        krs="0000123456",
        phone="34 360 11 11",
        email="biuro@pomocna.example.org",
        street_address="ul. Śląska 1",
        postal_code="42-217",
        description="Pomagamy seniorom.",
        district=district,
        areas=[AreaFactory(name="pomoc społeczna", slug="pomoc-spoleczna")],
    )


def request_url(organization):
    return reverse("organizations:update_request", args=[organization.slug])


def ask_for_link(client, organization, **extra):
    return client.post(request_url(organization), update_link_request_data(**extra))


def link_from(message):
    return LINK.search(message.body).group(0)


def form_data(response, **changes):
    """What the prefilled form sends back (as a browser would), with `changes`."""
    form = response.context["form"]
    data = {"form_token": old_token("OrganizationUpdateForm"), "consent": "on"}
    for bound in form:
        if bound.name in ("form_token", "website_url", "consent"):
            continue
        value = bound.value()
        if bound.name == "areas":
            data[bound.name] = [str(pk) for pk in value]
        elif bound.name == "is_public_benefit":
            if value:
                data[bound.name] = "on"
        else:
            data[bound.name] = "" if value is None else str(value)
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def open_link(client, organization):
    ask_for_link(client, organization)
    path = link_from(mail.outbox[-1]).split("testserver", 1)[1]
    return path, client.get(path)


# -- asking for a link ----------------------------------------------------------------


def test_organization_page_offers_to_update_its_data(client, organization):
    html = client.get(organization.get_absolute_url()).content.decode()
    assert f'href="{request_url(organization)}"' in html and "Zaktualizuj dane" in html


def test_link_goes_only_to_the_address_in_the_entry(client, organization):
    response = ask_for_link(client, organization, email="ktos@obcy.example.com")
    assert response.status_code == 302
    assert response["Location"] == reverse("organizations:update_request_sent", args=[organization.slug])
    assert [message.to for message in mail.outbox] == [["biuro@pomocna.example.org"]]
    assert link_from(mail.outbox[0]).startswith("http://testserver/organizacje/fundacja-pomocna-dlon/aktualizacja/")


def test_only_a_hash_of_the_token_is_stored(client, organization):
    ask_for_link(client, organization)
    token = link_from(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    stored = UpdateLink.objects.get()
    assert token not in stored.token_hash and len(stored.token_hash) == 64
    assert (stored.email, stored.expires_at - stored.created_at) == (organization.email, datetime.timedelta(days=7))


def test_the_answer_is_the_same_whether_or_not_a_mail_went_out(client, organization, settings):
    answers = [ask_for_link(client, organization) for _ in range(3)]  # the daily limit
    answers.append(ask_for_link(client, organization))  # over it: nothing sent
    settings.EMAIL_BACKEND = "tests.submissions.helpers.FailingEmailBackend"
    answers.append(ask_for_link(client, organization))  # the mail server is down
    assert len(mail.outbox) == 3
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, reverse("organizations:update_request_sent", args=[organization.slug]))
    }


def test_entry_without_email_explains_and_points_to_the_contact_form(client, organization):
    organization.email = ""
    organization.save()
    page = client.get(request_url(organization))
    posted = ask_for_link(client, organization)
    html = page.content.decode()
    assert "Ten wpis nie ma adresu e-mail" in html and reverse("submissions:contact") in html
    assert "form_token" not in html
    assert (posted.status_code, len(mail.outbox), UpdateLink.objects.count()) == (200, 0, 0)


def test_link_requests_are_rate_limited_like_the_other_forms(client, organization, settings):
    settings.SUBMISSIONS_RATE_LIMIT = 2
    statuses = [ask_for_link(client, organization).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert len(mail.outbox) == 2


def test_a_bot_filling_the_honeypot_gets_no_link(client, organization):
    response = ask_for_link(client, organization, website_url="http://spam.example")
    assert (response.status_code, len(mail.outbox)) == (400, 0)


def test_struck_off_organization_cannot_ask_for_a_link(client, organization):
    Organization.objects.filter(pk=organization.pk).update(
        registry_status=Organization.RegistryStatus.STRUCK_OFF, registry_status_since=datetime.date(2026, 1, 5)
    )
    page = client.get(request_url(organization))
    assert page.status_code == 410 and "już nie aktualizujemy" in page.content.decode()
    assert (ask_for_link(client, organization).status_code, len(mail.outbox)) == (410, 0)


# -- the form behind the link ----------------------------------------------------------


def test_link_opens_the_entry_prefilled_and_private(client, organization):
    _path, response = open_link(client, organization)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="34 360 11 11"' in html and 'value="Fundacja Pomocna Dłoń"' in html
    assert "no-store" in response["Cache-Control"]


def test_sending_the_form_makes_a_pending_change_not_an_edit(client, organization):
    path, response = open_link(client, organization)
    sent = client.post(path, form_data(response, phone="34 370 22 22", message="Nowy numer od marca."))
    change = OrganizationChange.objects.get()
    organization.refresh_from_db()
    assert sent.status_code == 302 and "Dziękujemy" in client.get(sent["Location"]).content.decode()
    assert (change.status, change.changed_fields, change.proposed["phone"]) == ("pending", ["phone"], "34 370 22 22")
    assert (change.email, change.message, organization.phone) == (
        organization.email,
        "Nowy numer od marca.",
        "34 360 11 11",
    )


def test_editors_are_told_of_a_change_with_a_link_to_the_comparison(client, organization, site_settings):
    path, response = open_link(client, organization)
    client.post(path, form_data(response, phone="34 370 22 22"))
    change = OrganizationChange.objects.get()
    notice = mail.outbox[-1]
    assert notice.to == [site_settings.editors_email]
    assert f"/admin/organizations/organizationchange/{change.pk}/change/" in notice.body and "telefon" in notice.body
    assert change.editors_notified_at is not None


def test_a_change_is_saved_when_the_editors_notice_fails_and_sent_by_the_retry_command(client, organization, settings):
    from django.core.management import call_command

    path, response = open_link(client, organization)
    settings.EMAIL_BACKEND = "tests.submissions.helpers.FailingEmailBackend"
    client.post(path, form_data(response, phone="34 370 22 22"))
    change = OrganizationChange.objects.get()
    assert change.editors_notified_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_submission_notifications", base_url="https://pps.example.pl", stdout=io.StringIO())
    change.refresh_from_db()
    assert change.editors_notified_at is not None
    assert "https://pps.example.pl/admin/organizations/organizationchange/" in mail.outbox[-1].body


def test_the_change_and_the_entry_both_keep_a_history_entry(client, organization):
    path, response = open_link(client, organization)
    client.post(path, form_data(response, phone="34 370 22 22"))
    change = OrganizationChange.objects.get()
    assert HistoryEntry.objects.for_object(change).filter(action="created").count() == 1
    assert "telefon" in HistoryEntry.objects.for_object(organization).get(action="note").detail


def test_sending_the_form_unchanged_confirms_the_data(client, organization):
    Organization.objects.filter(pk=organization.pk).update(confirmed_at=timezone.now() - datetime.timedelta(days=400))
    path, response = open_link(client, organization)
    sent = client.post(path, form_data(response))
    organization.refresh_from_db()
    assert OrganizationChange.objects.count() == 0
    assert timezone.now() - organization.confirmed_at < datetime.timedelta(minutes=1)
    assert "Dane potwierdzone" in client.get(sent["Location"]).content.decode()


def test_form_errors_are_polish_and_keep_the_link_usable(client, organization):
    path, response = open_link(client, organization)
    sent = client.post(path, form_data(response, nip="526-025-02-75", postal_code="42217"))
    html = sent.content.decode()
    assert sent.status_code == 200 and "Popraw błędy w formularzu" in html
    assert "Podaj kod pocztowy w postaci NN-NNN" in html
    assert (OrganizationChange.objects.count(), UpdateLink.objects.get().used_at) == (0, None)


def test_a_krs_of_another_published_organization_is_refused(client, organization):
    OrganizationFactory(krs="0000654321", name="Inna Fundacja")
    path, response = open_link(client, organization)
    sent = client.post(path, form_data(response, krs="0000654321"))
    errors = sent.context["form"].errors
    assert sent.status_code == 200 and "Organizacja o tym numerze KRS jest już w Bazie NGO" in str(errors)
    assert OrganizationChange.objects.count() == 0


# -- links that no longer work ----------------------------------------------------------


def test_a_used_link_is_refused_with_a_clear_page(client, organization):
    path, response = open_link(client, organization)
    client.post(path, form_data(response, phone="34 370 22 22"))
    again = client.get(path)
    resent = client.post(path, form_data(response, phone="34 999 99 99"))
    assert again.status_code == 410 and "Ten link został już użyty" in again.content.decode()
    assert resent.status_code == 410 and OrganizationChange.objects.count() == 1


def test_an_expired_link_is_refused_with_a_clear_page(client, organization):
    path, _response = open_link(client, organization)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        response = client.get(path)
    assert response.status_code == 410 and "Ten link wygasł" in response.content.decode()
    assert reverse("organizations:update_request", args=[organization.slug]) in response.content.decode()


def test_a_link_still_works_on_its_last_day(client, organization):
    path, _response = open_link(client, organization)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=6, hours=23)):
        assert client.get(path).status_code == 200


def test_a_tampered_link_is_refused_with_a_clear_page(client, organization):
    path, _response = open_link(client, organization)
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    response = client.get(tampered)
    assert response.status_code == 400 and "Ten link jest nieprawidłowy" in response.content.decode()


def test_a_link_stops_working_when_the_entrys_address_changes(client, organization):
    path, _response = open_link(client, organization)
    Organization.objects.filter(pk=organization.pk).update(email="nowy@pomocna.example.org")
    response = client.get(path)
    assert response.status_code == 410 and "Ten link jest nieaktualny" in response.content.decode()


@pytest.mark.parametrize("token", ["x", "a" * 300, "%00", "..%2F..%2Fetc"])
def test_garbage_tokens_answer_400_not_500(organization, token):
    response = Client(raise_request_exception=False).get(f"/organizacje/{organization.slug}/aktualizacja/{token}/")
    assert response.status_code in (400, 404)


@override_settings(SUBMISSIONS_RATE_LIMIT=1)
def test_sending_the_form_is_rate_limited(client, organization):
    path, response = open_link(client, organization)  # the request used the one allowed POST
    assert client.post(path, form_data(response, phone="34 370 22 22")).status_code == 429


def test_an_oversized_post_is_refused_before_it_is_read(client, organization):
    path, _response = open_link(client, organization)
    response = client.post(path, "x=1", content_type="application/x-www-form-urlencoded", CONTENT_LENGTH=str(10**9))
    assert (response.status_code, OrganizationChange.objects.count()) == (413, 0)


def test_line_breaks_sent_by_a_browser_are_not_a_change(client, organization):
    Organization.objects.filter(pk=organization.pk).update(description="Pierwszy akapit.\n\nDrugi akapit.")
    path, response = open_link(client, organization)
    client.post(path, form_data(response, description="Pierwszy akapit.\r\n\r\nDrugi akapit."))
    assert OrganizationChange.objects.count() == 0  # nothing changed: the data was confirmed instead


def test_one_line_fields_lose_line_breaks_a_hand_made_request_sends(client, organization):
    path, response = open_link(client, organization)
    client.post(path, form_data(response, name="Fundacja\r\nBcc: ktos@example.com", phone="34 370\t22 22"))
    change = OrganizationChange.objects.get()
    assert (change.proposed["name"], change.proposed["phone"]) == ("Fundacja Bcc: ktos@example.com", "34 370 22 22")


def test_a_ukrainian_visitor_gets_the_link_in_ukrainian_and_editors_read_polish(client, organization):
    from editorial.models import HistoryEntry

    client.post(f"/uk{request_url(organization)}", update_link_request_data())
    path = link_from(mail.outbox[-1]).split("testserver", 1)[1]
    response = client.post(path, form_data(client.get(path), phone="34 360 22 22"))
    notice = mail.outbox[-1]
    details = list(HistoryEntry.objects.values_list("detail", flat=True))
    link_message = mail.outbox[0]
    assert (
        link_message.subject.startswith("Посилання для оновлення даних"),
        path.startswith("/uk/organizacje/"),
        response.status_code,
        "Zmiana danych" in notice.subject,
    ) == (True, True, 302, True)
    assert [detail for detail in details if any("\u0400" <= ch <= "\u04ff" for ch in detail)] == []
