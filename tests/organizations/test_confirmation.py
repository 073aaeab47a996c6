"""The yearly confirmation: who is asked, once; one-click confirm; unsubscribe; the 24-month notice."""

import datetime
import io
import re
import zoneinfo

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from editorial.models import HistoryEntry
from organizations import links
from organizations.models import Organization, UpdateLink
from tests.organizations.factories import OrganizationFactory, pending

pytestmark = pytest.mark.django_db

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")
CONFIRMED = datetime.datetime(2025, 3, 10, 14, 0, tzinfo=WARSAW)
YEAR_LATER = datetime.datetime(2026, 3, 10, 0, 30, tzinfo=WARSAW)  # the first day the reminder is due
DAY_BEFORE = datetime.datetime(2026, 3, 9, 23, 30, tzinfo=WARSAW)


@pytest.fixture(autouse=True)
def _site(site_settings, settings):
    settings.SITE_URL = "https://pps.example.pl"


def confirmed(when=CONFIRMED, **fields):
    organization = OrganizationFactory(email=fields.pop("email", "biuro@example.org"), **fields)
    Organization.objects.filter(pk=organization.pk).update(confirmed_at=when)
    organization.refresh_from_db()
    return organization


def remind(**options):
    out = io.StringIO()
    call_command("send_confirmation_reminders", stdout=out, **options)
    return out.getvalue()


def url_in(message, name):
    pattern = {"confirm": r"/potwierdzenie/", "stop": r"/przypomnienia/wypisz/", "update": r"/aktualizacja/"}[name]
    return re.search(rf"https://pps\.example\.pl(\S*{pattern}\S+/)", message.body).group(1)


# -- who is asked ------------------------------------------------------------------------


def test_organizations_unconfirmed_for_12_months_are_asked(settings):
    due = confirmed(name="Fundacja Roczna")
    confirmed(CONFIRMED + datetime.timedelta(days=1), name="Fundacja Młodsza", email="mlodsza@example.org")
    with time_machine.travel(DAY_BEFORE, tick=False):
        assert "Asked 0 organization(s)" in remind()
    with time_machine.travel(YEAR_LATER, tick=False):
        output = remind()
    assert "Asked 1 organization(s)" in output
    assert [(m.to, "Fundacja Roczna" in m.subject) for m in mail.outbox] == [([due.email], True)]


def test_nobody_is_asked_twice_when_the_command_runs_twice_a_day():
    confirmed()
    with time_machine.travel(YEAR_LATER, tick=False):
        remind()
    with time_machine.travel(YEAR_LATER + datetime.timedelta(hours=12), tick=False):
        assert "Asked 0 organization(s)" in remind()
    assert len(mail.outbox) == 1


def test_an_unanswered_request_is_repeated_after_90_days():
    confirmed()
    with time_machine.travel(YEAR_LATER, tick=False):
        remind()
    with time_machine.travel(YEAR_LATER + datetime.timedelta(days=89), tick=False):
        remind()
    with time_machine.travel(YEAR_LATER + datetime.timedelta(days=90, hours=1), tick=False):
        remind()
    assert len(mail.outbox) == 2


def test_entries_without_address_unsubscribed_removed_or_unpublished_are_not_asked():
    confirmed(email="")
    confirmed(email="wypisana@example.org", reminders_stopped_at=CONFIRMED)
    confirmed(
        email="likwidacja@example.org",
        registry_status=Organization.RegistryStatus.IN_LIQUIDATION,
        registry_status_since=datetime.date(2025, 6, 1),
    )
    Organization.objects.filter(pk=pending(email="oczekuje@example.org").pk).update(confirmed_at=CONFIRMED)
    with time_machine.travel(YEAR_LATER, tick=False):
        remind()
    assert mail.outbox == []


def test_dry_run_lists_who_would_be_asked_and_changes_nothing():
    organization = confirmed(name="Fundacja Próbna")
    with time_machine.travel(YEAR_LATER, tick=False):
        output = remind(dry_run=True)
    organization.refresh_from_db()
    assert "1 organization(s) would be asked" in output and "Fundacja Próbna <biuro@example.org>" in output
    assert (mail.outbox, organization.reminder_sent_at, UpdateLink.objects.count()) == ([], None, 0)


def test_a_failed_mail_is_not_marked_sent_and_is_tried_next_run(settings):
    organization = confirmed()
    settings.EMAIL_BACKEND = "tests.submissions.helpers.FailingEmailBackend"
    with time_machine.travel(YEAR_LATER, tick=False):
        output = remind()
    organization.refresh_from_db()
    assert "1 not sent" in output and organization.reminder_sent_at is None
    assert UpdateLink.objects.count() == 0  # the link made for it was rolled back
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(YEAR_LATER + datetime.timedelta(days=1), tick=False):
        remind()
    assert len(mail.outbox) == 1


def test_the_command_needs_the_site_address(settings):
    confirmed()
    settings.SITE_URL = ""
    with time_machine.travel(YEAR_LATER, tick=False), pytest.raises(CommandError, match="SITE_URL"):
        remind()


def test_the_request_is_recorded_in_the_entrys_history():
    organization = confirmed()
    with time_machine.travel(YEAR_LATER, tick=False):
        remind()
    assert HistoryEntry.objects.for_object(organization).filter(action="notified").count() == 1


# -- the e-mail ----------------------------------------------------------------------------


@pytest.fixture
def reminder():
    organization = confirmed(name="Klub Seniora", phone="34 360 00 00")
    with time_machine.travel(YEAR_LATER, tick=False):
        remind()
    return organization, mail.outbox[0]


def test_the_mail_carries_a_one_click_unsubscribe(reminder):
    _organization, message = reminder
    stop = "https://pps.example.pl" + url_in(message, "stop")
    assert message.extra_headers["List-Unsubscribe"] == f"<{stop}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in message.message().as_string()


def test_the_mail_shows_the_data_and_offers_confirm_and_update(reminder):
    _organization, message = reminder
    assert "34 360 00 00" in message.body
    assert url_in(message, "confirm") and url_in(message, "update")


def test_one_click_unsubscribe_works_without_cookies_or_csrf(reminder):
    organization, message = reminder
    mail_client = Client(enforce_csrf_checks=True)  # the mail provider's POST: no cookie, no token
    response = mail_client.post(
        url_in(message, "stop"), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    organization.refresh_from_db()
    assert response.status_code == 200 and organization.reminders_stopped_at is not None


def test_unsubscribe_is_honoured(reminder):
    organization, message = reminder
    Client().post(url_in(message, "stop"))
    with time_machine.travel(YEAR_LATER + datetime.timedelta(days=200), tick=False):
        remind()
    assert len(mail.outbox) == 1


def test_opening_the_unsubscribe_link_only_shows_a_button(client, reminder):
    organization, message = reminder
    response = client.get(url_in(message, "stop"))
    organization.refresh_from_db()
    assert "Wypisz z próśb o potwierdzenie" in response.content.decode()
    assert organization.reminders_stopped_at is None


def test_opening_the_confirm_link_only_shows_a_button_mail_scanners_do_not_confirm(client, reminder):
    organization, message = reminder
    with time_machine.travel(YEAR_LATER + datetime.timedelta(hours=1), tick=False):
        response = client.get(url_in(message, "confirm"))
    organization.refresh_from_db()
    assert response.status_code == 200 and "Dane są aktualne" in response.content.decode()
    assert organization.confirmed_at == CONFIRMED


def test_one_click_confirms_the_data_and_the_entry_is_not_asked_again(client, reminder):
    organization, message = reminder
    moment = YEAR_LATER + datetime.timedelta(hours=1)
    with time_machine.travel(moment, tick=False):
        response = client.post(url_in(message, "confirm"))
    organization.refresh_from_db()
    assert response.status_code == 200 and "Dane potwierdzone" in response.content.decode()
    assert organization.confirmed_at == moment
    with time_machine.travel(YEAR_LATER + datetime.timedelta(days=200), tick=False):
        remind()
    assert len(mail.outbox) == 1


def test_the_update_link_in_the_mail_opens_the_form(client, reminder):
    _organization, message = reminder
    with time_machine.travel(YEAR_LATER + datetime.timedelta(days=1), tick=False):
        assert client.get(url_in(message, "update")).status_code == 200


def test_a_tampered_confirm_link_is_refused_with_a_clear_page(client, reminder):
    _organization, message = reminder
    path = url_in(message, "confirm")
    response = client.post(path.replace(":", ":x", 1))
    assert response.status_code == 400 and "Ten link jest nieprawidłowy" in response.content.decode()


def test_confirm_link_of_an_old_address_or_too_old_is_refused(client, reminder):
    organization, message = reminder
    path = url_in(message, "confirm")
    with time_machine.travel(YEAR_LATER + links.CONFIRM_MAX_AGE + datetime.timedelta(days=1), tick=False):
        expired = client.post(path)
    Organization.objects.filter(pk=organization.pk).update(email="nowy@example.org")
    with time_machine.travel(YEAR_LATER + datetime.timedelta(days=1), tick=False):
        outdated = client.post(path)
    assert (expired.status_code, outdated.status_code) == (410, 410)
    assert "Ten link wygasł" in expired.content.decode() and "Ten link jest nieaktualny" in outdated.content.decode()
    organization.refresh_from_db()
    assert organization.confirmed_at == CONFIRMED


# -- unconfirmed for 24 months -----------------------------------------------------------------


def test_the_page_says_unconfirmed_from_the_day_24_months_passed(client):
    organization = confirmed(datetime.datetime(2024, 3, 10, 9, 0, tzinfo=WARSAW))
    with time_machine.travel(datetime.datetime(2026, 3, 9, 23, 59, tzinfo=WARSAW), tick=False):
        before = client.get(organization.get_absolute_url()).content.decode()
    with time_machine.travel(datetime.datetime(2026, 3, 10, 0, 1, tzinfo=WARSAW), tick=False):
        after = client.get(organization.get_absolute_url()).content.decode()
    assert "Dane niepotwierdzone" not in before
    assert "Dane niepotwierdzone od 10 marca 2024 r." in after


def test_admin_filters_entries_by_freshness(editor_client):
    fresh = OrganizationFactory(name="Świeża")
    due = confirmed(datetime.datetime(2025, 1, 1, tzinfo=WARSAW), name="Do potwierdzenia")
    stale = confirmed(datetime.datetime(2023, 1, 1, tzinfo=WARSAW), name="Niepotwierdzona")
    url = reverse("admin:organizations_organization_changelist")
    with time_machine.travel(datetime.datetime(2026, 3, 1, tzinfo=WARSAW)):
        found = {
            value: list(editor_client.get(url, {"aktualnosc": value}).context["cl"].result_list)
            for value in ("aktualne", "do-potwierdzenia", "niepotwierdzone")
        }
    assert found == {"aktualne": [fresh], "do-potwierdzenia": [due], "niepotwierdzone": [stale]}


def test_statistics_say_how_many_entries_are_current(client):
    OrganizationFactory()
    OrganizationFactory()
    confirmed(datetime.datetime(2025, 1, 1, tzinfo=WARSAW))
    confirmed(datetime.datetime(2023, 1, 1, tzinfo=WARSAW))
    with time_machine.travel(datetime.datetime(2026, 3, 1, tzinfo=WARSAW)):
        response = client.get(reverse("organizations:statistics"))
    rows = [(row["label"], row["count"]) for row in response.context["freshness"]]
    assert "ma <strong>2</strong> z nich (50%)" in response.content.decode()
    assert rows == [
        ("potwierdzone w ciągu ostatnich 12 miesięcy", 2),
        ("niepotwierdzone od 12–24 miesięcy", 1),
        ("niepotwierdzone od ponad 24 miesięcy", 1),
    ]


def test_publishing_confirms_the_data(editor):
    from editorial.services import transition

    organization = pending()
    Organization.objects.filter(pk=organization.pk).update(confirmed_at=CONFIRMED)
    with time_machine.travel(YEAR_LATER, tick=False):
        transition(organization, "publish", actor=editor)
    organization.refresh_from_db()
    assert organization.confirmed_at == YEAR_LATER
