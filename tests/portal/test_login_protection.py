"""Brute-force logins to the editors' admin get a clear 429 and change nothing."""

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, password):
    return client.post(LOGIN, {"username": "redaktorka", "password": password, "next": "/admin/"})


def test_wrong_password_shows_the_login_form_again(client, editor):
    assert attempt(client, "zle").status_code == 200


def test_after_five_failures_even_the_right_password_is_refused_with_429(client, editor, site_settings):
    statuses = [attempt(client, f"zle-{n}").status_code for n in range(5)]
    response = attempt(client, PASSWORD)
    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert "Logowanie chwilowo zablokowane" in response.content.decode()


def test_lockout_is_per_address(client, editor, site_settings):
    for n in range(5):
        client.post(LOGIN, {"username": "redaktorka", "password": f"zle-{n}"}, REMOTE_ADDR="10.0.0.1")
    response = client.post(LOGIN, {"username": "redaktorka", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 302


def test_a_success_resets_the_failure_count(client, editor):
    for n in range(4):
        attempt(client, f"zle-{n}")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    assert [attempt(client, f"zle-{n}").status_code for n in range(4)] == [200, 200, 200, 200]
