"""Bots, floods and oversized bodies get a clear answer and change nothing.

The single-use token and the rate limit run against the default cache (the
database table) and the project-local Redis server (`shared_cache`).
"""

import pytest
from django.test import override_settings

from submissions.models import Submission
from submissions.protection import issue_token
from tests.submissions.helpers import contact_data, jpeg_upload, news_data, old_token

pytestmark = pytest.mark.django_db


def test_filled_honeypot_is_refused(client, site_settings):
    response = client.post("/kontakt/", contact_data(website_url="http://spam.example.com"))
    assert (response.status_code, Submission.objects.count()) == (400, 0)


def test_too_fast_submission_is_refused_with_a_polish_message(client, site_settings):
    response = client.post("/kontakt/", contact_data(form_token=issue_token("ContactForm")))
    assert "Formularz został wysłany zbyt szybko" in response.content.decode()
    assert Submission.objects.count() == 0


def test_a_token_works_only_once(client, site_settings, shared_cache):
    token = old_token("ContactForm")
    first = client.post("/kontakt/", contact_data(form_token=token))
    second = client.post("/kontakt/", contact_data(form_token=token))
    assert (first.status_code, second.status_code, Submission.objects.count()) == (302, 400, 1)


def test_a_token_from_another_form_is_refused(client, site_settings):
    response = client.post("/kontakt/", contact_data(form_token=old_token("NewsSubmissionForm")))
    assert (response.status_code, Submission.objects.count()) == (400, 0)


def test_forged_token_is_refused(client, site_settings):
    response = client.post("/kontakt/", contact_data(form_token="1700000000:forged"))
    assert (response.status_code, Submission.objects.count()) == (400, 0)


def test_missing_token_is_refused(client, site_settings):
    data = contact_data()
    del data["form_token"]
    assert (client.post("/kontakt/", data).status_code, Submission.objects.count()) == (200, 0)


def test_after_an_error_the_form_carries_a_fresh_token(client, site_settings):
    html = client.post("/kontakt/", contact_data(subject="")).content.decode()
    assert 'name="form_token"' in html


@override_settings(SUBMISSIONS_RATE_LIMIT=3)
def test_rate_limit_answers_429_with_a_friendly_page(client, site_settings, shared_cache):
    statuses = [client.post("/kontakt/", contact_data()).status_code for _ in range(4)]
    response = client.post("/zglos/news/", news_data())
    assert statuses == [302, 302, 302, 429]
    assert response.status_code == 429 and "Zbyt wiele prób" in response.content.decode()
    assert Submission.objects.count() == 3


@override_settings(SUBMISSIONS_RATE_LIMIT=1)
def test_rate_limit_is_per_address(client, site_settings, shared_cache):
    client.post("/kontakt/", contact_data(), REMOTE_ADDR="10.0.0.1")
    response = client.post("/kontakt/", contact_data(), REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302


@override_settings(MAX_REQUEST_BYTES=200_000)
def test_oversized_upload_is_refused_before_reading_with_413(client, site_settings):
    big = jpeg_upload()
    big.file.write(b"\0" * 300_000)
    big.file.seek(0)
    response = client.post("/zglos/news/", {**news_data(), "image": big, "image_alt": "Opis"})
    assert response.status_code == 413
    assert "Przesłane dane są za duże" in response.content.decode()
    assert Submission.objects.count() == 0


def test_oversized_image_within_request_limit_gets_a_form_error(client, site_settings, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pps_portal.images import MAX_UPLOAD_BYTES

    content = jpeg_upload().read() + b"\0" * MAX_UPLOAD_BYTES
    response = client.post(
        "/zglos/news/", {**news_data(), "image": SimpleUploadedFile("a.jpg", content), "image_alt": "Opis"}
    )
    assert "Plik jest za duży" in response.content.decode()
