"""The top bar's font and contrast controls without JavaScript."""

import pytest

pytestmark = pytest.mark.django_db


def test_larger_font_sets_cookie_and_redirects_back(client):
    response = client.post("/ustawienia-dostepnosci/", {"action": "larger", "next": "/deklaracja-dostepnosci/"})
    assert response.status_code == 302
    assert response["Location"] == "/deklaracja-dostepnosci/"
    assert response.cookies["pps_font"].value == "1"


def test_server_renders_preferences_as_classes_on_html(client):
    client.cookies["pps_font"] = "2"
    client.cookies["pps_contrast"] = "1"
    html = client.get("/").content.decode()
    assert '<html lang="pl" class="font-2 theme-contrast">' in html
    assert 'data-a11y="contrast" aria-pressed="true"' in html


def test_font_step_stops_at_the_largest_and_smallest(client):
    client.cookies["pps_font"] = "3"
    response = client.post("/ustawienia-dostepnosci/", {"action": "larger", "next": "/"})
    assert response.cookies["pps_font"].value == "3"
    client.cookies["pps_font"] = "0"
    response = client.post("/ustawienia-dostepnosci/", {"action": "smaller", "next": "/"})
    assert response.cookies["pps_font"].value == "0"


def test_contrast_toggles_on_and_off(client):
    response = client.post("/ustawienia-dostepnosci/", {"action": "contrast", "next": "/"})
    assert response.cookies["pps_contrast"].value == "1"
    response = client.post("/ustawienia-dostepnosci/", {"action": "contrast", "next": "/"})
    assert response.cookies["pps_contrast"].value == "0"


def test_tampered_cookie_falls_back_to_default(client):
    client.cookies["pps_font"] = "99<script>"
    client.cookies["pps_contrast"] = "x"
    html = client.get("/").content.decode()
    assert '<html lang="pl" class="font-0">' in html


def test_redirect_to_another_site_is_refused(client):
    response = client.post("/ustawienia-dostepnosci/", {"action": "larger", "next": "https://evil.example.com/"})
    assert response["Location"] == "/"


def test_get_is_not_allowed(client):
    assert client.get("/ustawienia-dostepnosci/").status_code == 405


def test_without_a_choice_both_contrast_states_are_offered_for_css_to_pick(client):
    html = client.get("/").content.decode()
    assert 'value="contrast-on" data-a11y="contrast" class="a11y-contrast--off" aria-pressed="false"' in html
    assert 'value="contrast-off" data-a11y="contrast" class="a11y-contrast--on" aria-pressed="true"' in html


def test_explicit_contrast_off_overrides_the_system_setting(client):
    response = client.post("/ustawienia-dostepnosci/", {"action": "contrast-off", "next": "/"})
    assert response.cookies["pps_contrast"].value == "0"
