"""Each public form: the happy path and its validation errors."""

import datetime
import zoneinfo

import pytest
from django.core import mail

from calendar_app.models import Event
from organizations.models import Organization
from submissions.models import Submission
from tests.submissions.helpers import (
    contact_data,
    days_ahead,
    error_data,
    event_data,
    jpeg_upload,
    news_data,
    old_token,
    organization_data,
)

pytestmark = pytest.mark.django_db

FORMS = {
    "news": ("/zglos/news/", news_data),
    "error": ("/zglos/blad/", error_data),
    "contact": ("/kontakt/", contact_data),
    "organization": ("/zglos/organizacje/", organization_data),
    "event": ("/zglos/wydarzenie/", event_data),
}


@pytest.mark.parametrize("kind", FORMS)
def test_form_page_renders_with_consent_and_information_clause(client, site_settings, kind):
    html = client.get(FORMS[kind][0]).content.decode()
    assert 'name="consent"' in html
    assert "Administratorem Twoich danych osobowych jest Prezydent Miasta Częstochowy" in html


@pytest.mark.parametrize("kind", FORMS)
def test_happy_path_saves_numbers_and_notifies(client, site_settings, kind):
    url, data = FORMS[kind]
    response = client.post(url, data(), follow=True)
    submission = Submission.objects.get()
    assert (submission.kind, submission.status) == (kind, Submission.Status.PENDING)
    assert submission.reference in response.content.decode()
    assert [m.to for m in mail.outbox] == [["redakcjapps@czestochowa.um.gov.pl"]]
    assert submission.reference in mail.outbox[0].subject


def test_reference_number_has_the_year_and_id(client, site_settings):
    client.post("/kontakt/", contact_data())
    submission = Submission.objects.get()
    assert submission.reference == f"PPS-{submission.created_at.year}-{submission.pk:06d}"


def test_submitted_organization_is_pending_and_not_public(client, site_settings):
    client.post("/zglos/organizacje/", organization_data())
    organization = Organization.objects.get(name="Fundacja Testowa Pomocy")
    assert organization.status == Organization.Status.PENDING
    assert client.get(organization.get_absolute_url()).status_code == 404
    assert "Fundacja Testowa Pomocy" not in client.get("/organizacje/?q=Testowa").content.decode()


def test_submitted_event_is_pending_and_not_public(client, site_settings):
    client.post("/zglos/wydarzenie/", event_data())
    event = Event.objects.get(title="Warsztaty dla seniorów")
    assert event.status == Event.Status.PENDING
    assert client.get(event.get_absolute_url()).status_code == 404


def test_event_times_are_read_as_warsaw_time(client, site_settings):
    day = days_ahead(10)
    client.post("/zglos/wydarzenie/", event_data(start_day=f"{day:%d.%m.%Y}", start_time="17:00", end_time="19:00"))
    event = Event.objects.get()
    warsaw = zoneinfo.ZoneInfo("Europe/Warsaw")
    assert event.starts_at == datetime.datetime.combine(day, datetime.time(17, 0), tzinfo=warsaw)


def test_event_without_times_is_all_day(client, site_settings):
    first, last = days_ahead(10), days_ahead(11)
    client.post("/zglos/wydarzenie/", event_data(start_time="", end_time="", end_day=last.isoformat()))
    event = Event.objects.get()
    assert (event.is_all_day, event.start_date, event.end_date) == (True, first, last)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start_day": "2020-01-01"}, "Wydarzenie nie może zaczynać się w przeszłości."),
        (
            {"start_day": "31.12.9999", "start_time": "23:00", "end_time": ""},
            "Podaj datę w ciągu najbliższych trzech lat.",
        ),
    ],
)
def test_event_dates_outside_a_sane_range_get_a_polish_error(client, site_settings, changes, message):
    response = client.post("/zglos/wydarzenie/", event_data(**changes))
    assert (response.status_code, Submission.objects.count()) == (200, 0)
    assert message in response.content.decode()


def test_copy_goes_to_the_sender_when_asked(client, site_settings):
    client.post("/kontakt/", contact_data())
    client.post("/zglos/news/", news_data(wants_copy="on"))
    assert [m.to for m in mail.outbox] == [
        ["redakcjapps@czestochowa.um.gov.pl"],
        ["redakcjapps@czestochowa.um.gov.pl"],
        ["jan@example.pl"],
    ]


def test_news_image_is_kept_with_its_description(client, site_settings):
    client.post("/zglos/news/", {**news_data(), "image": jpeg_upload(), "image_alt": "Dzieci na pikniku"})
    submission = Submission.objects.get()
    assert (bool(submission.image), submission.image_alt) == (True, "Dzieci na pikniku")


def test_error_report_prefills_the_page_from_query_string(client, site_settings):
    html = client.get("/zglos/blad/?url=/aktualnosci/jakis-artykul/").content.decode()
    assert 'value="/aktualnosci/jakis-artykul/"' in html


def test_error_report_prefills_the_referring_page(client, site_settings):
    html = client.get("/zglos/blad/", HTTP_REFERER="http://testserver/organizacje/").content.decode()
    assert 'value="http://testserver/organizacje/"' in html


def test_error_report_ignores_foreign_referrer(client, site_settings):
    html = client.get("/zglos/blad/", HTTP_REFERER="https://evil.example.com/").content.decode()
    assert "evil.example.com" not in html


# Validation errors: Polish messages, an error summary linking to the field,
# values kept, nothing saved.
VALIDATION_CASES = [
    ("news", {"title": ""}, "id_title", "To pole jest wymagane."),
    ("news", {"text": "x" * 5001}, "id_text", "Upewnij się, że ta wartość ma co najwyżej 5000 znaków"),
    ("news", {"contact_email": "nie-email"}, "id_contact_email", "Wprowadź poprawny adres email."),
    ("news", {"consent": ""}, "id_consent", "Zaznacz zgodę na przetwarzanie danych"),
    ("news", {"image": "TEXT"}, "id_image", "Ten plik nie jest obrazem"),
    ("news", {"image": "JPEG", "image_alt": ""}, "id_image_alt", "Opisz zdjęcie"),
    ("error", {"page_url": "javascript:alert(1)"}, "id_page_url", "Podaj adres strony zaczynający się od https://"),
    ("error", {"description": ""}, "id_description", "To pole jest wymagane."),
    ("contact", {"subject": ""}, "id_subject", "To pole jest wymagane."),
    ("contact", {"contact_email": "a@"}, "id_contact_email", "Wprowadź poprawny adres email."),
    ("organization", {"nip": "5260250275"}, "id_nip", "NIP"),
    ("organization", {"krs": "12345678901"}, "id_krs", "KRS"),
    ("organization", {"regon": "123456789"}, "id_regon", "REGON"),
    ("organization", {"postal_code": "42217"}, "id_postal_code", "kod"),
    ("organization", {"name": ""}, "id_name", "To pole jest wymagane."),
    ("event", {"start_day": "2026-02-30"}, "id_start_day", "Wpisz poprawną datę."),
    ("event", {"end_time": "16:00"}, "id_end_time", "nie może skończyć się przed rozpoczęciem"),
    ("event", {"end_day": days_ahead(5).isoformat()}, "id_end_day", "nie może być wcześniejszy"),
    ("event", {"organizer_name": ""}, "id_organizer_name", "To pole jest wymagane."),
]


@pytest.mark.parametrize(("kind", "changes", "field_id", "message"), VALIDATION_CASES)
def test_validation_error_is_polish_linked_and_keeps_values(client, site_settings, kind, changes, field_id, message):
    url, data = FORMS[kind]
    payload = data(**changes)
    if payload.get("image") == "TEXT":
        from django.core.files.uploadedfile import SimpleUploadedFile

        payload["image"] = SimpleUploadedFile("zdjecie.jpg", b"to nie obraz", "image/jpeg")
    elif payload.get("image") == "JPEG":
        payload["image"] = jpeg_upload()
    response = client.post(url, payload)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="#{field_id}"' in html and message in html
    assert f'id="{field_id}-error"' in html and 'aria-invalid="true"' in html
    assert Submission.objects.count() == 0
    kept = next(
        value for key, value in payload.items() if key in ("title", "name", "subject", "description", "page_url")
    )
    if kept and key_is_kept(kind, changes):
        assert kept[:20] in html


def key_is_kept(kind, changes):
    first = {"news": "title", "error": "page_url", "contact": "subject", "organization": "name", "event": "title"}
    return first[kind] not in changes


def test_chosen_file_must_be_chosen_again_after_an_error(client, site_settings):
    response = client.post("/zglos/news/", {**news_data(title=""), "image": jpeg_upload(), "image_alt": "Opis"})
    assert "wybierz go ponownie" in response.content.decode()


def test_nip_is_normalised_from_what_people_type(client, site_settings):
    client.post("/zglos/organizacje/", organization_data(nip="PL 526-025-02-74", krs="123456"))
    organization = Organization.objects.get()
    assert (organization.nip, organization.krs) == ("5260250274", "0000123456")


def test_expired_form_asks_to_send_again(client, site_settings):
    response = client.post("/kontakt/", contact_data(form_token=old_token("ContactForm", seconds_ago=3 * 24 * 3600)))
    assert "Formularz był otwarty zbyt długo" in response.content.decode()
    assert Submission.objects.count() == 0


def test_error_summary_lists_errors_in_the_order_of_the_form(client, site_settings):
    html = client.post("/zglos/organizacje/", organization_data(name="", nip="1", contact_name="")).content.decode()
    summary = html[html.index("error-summary") : html.index("</ul>", html.index("error-summary"))]
    assert summary.index("#id_name") < summary.index("#id_nip") < summary.index("#id_contact_name")


def test_event_organizer_typed_as_in_the_registry_is_linked(client, site_settings):
    from tests.organizations.factories import OrganizationFactory

    registry = OrganizationFactory(name="Fundacja Oczami Brata")
    client.post("/zglos/wydarzenie/", event_data(organizer_name="fundacja oczami  brata"))
    assert Event.objects.get().organizer == registry


def test_event_organizer_outside_the_registry_is_kept_as_a_name(client, site_settings):
    client.post("/zglos/wydarzenie/", event_data(organizer_name="Koło Gospodyń Wiejskich"))
    event = Event.objects.get()
    assert (event.organizer, event.organizer_name) == (None, "Koło Gospodyń Wiejskich")


def test_a_lost_race_for_the_same_slug_keeps_the_form_and_saves_nothing(client, site_settings, monkeypatch):
    from tests.organizations.factories import OrganizationFactory

    # Another organization takes the slug between choosing it and saving.
    OrganizationFactory(slug="fundacja-testowa-pomocy", status=Organization.Status.PENDING)
    monkeypatch.setattr("organizations.models.unique_slug", lambda *args, **kwargs: "fundacja-testowa-pomocy")
    response = client.post("/zglos/organizacje/", organization_data())
    assert response.status_code == 200
    assert "w międzyczasie zmieniły się dane w bazie" in response.content.decode()
    assert Submission.objects.count() == 0
