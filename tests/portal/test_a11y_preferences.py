"""The top bar's font and contrast controls without JavaScript."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_larger_font_sets_cookie_and_redirects_back_to_the_button(client):
    response = client.post("/ustawienia-dostepnosci/", {"action": "larger", "next": "/deklaracja-dostepnosci/"})
    assert response.status_code == 302
    assert response["Location"] == "/deklaracja-dostepnosci/#a11y-larger"
    assert response.cookies["pps_font"].value == "1"


@pytest.mark.parametrize(
    ("action", "fragment"),
    [
        ("smaller", "#a11y-smaller"),
        ("contrast", "#a11y-contrast"),
        ("contrast-on", "#a11y-contrast"),
        ("contrast-off", "#a11y-contrast"),
        # reset hides itself: focus goes to the font buttons
        ("reset", "#a11y-larger"),
        ("nonsense", ""),
    ],
)
def test_redirect_returns_to_the_pressed_control(client, action, fragment):
    response = client.post("/ustawienia-dostepnosci/", {"action": action, "next": "/aktualnosci/?page=2"})
    assert response["Location"] == "/aktualnosci/?page=2" + fragment


def test_every_fragment_names_a_control_on_the_page(client):
    client.cookies["pps_font"] = "1"
    client.cookies["pps_contrast"] = "1"
    html = client.get("/").content.decode()
    for action in ("smaller", "larger", "contrast", "reset"):
        location = client.post("/ustawienia-dostepnosci/", {"action": action, "next": "/"})["Location"]
        assert f'id="{location.partition("#")[2]}"' in html


def test_reset_restores_the_default_font_and_the_system_contrast(client):
    client.cookies["pps_font"] = "3"
    client.cookies["pps_contrast"] = "1"
    response = client.post("/ustawienia-dostepnosci/", {"action": "reset", "next": "/"})
    assert response.cookies["pps_font"].value == "0"
    assert response.cookies["pps_contrast"].value == ""  # deleted: follow the system again


@pytest.mark.parametrize(
    ("step", "smaller_disabled", "larger_disabled", "announced"),
    [("0", True, False, "100%"), ("2", False, False, "150%"), ("3", False, True, "175%")],
)
def test_font_buttons_are_disabled_at_the_limits_and_describe_the_current_step(
    client, step, smaller_disabled, larger_disabled, announced
):
    client.cookies["pps_font"] = step
    html = client.get("/").content.decode()
    smaller = re.search(r'<button[^>]*id="a11y-smaller"[^>]*>', html).group(0)
    larger = re.search(r'<button[^>]*id="a11y-larger"[^>]*>', html).group(0)
    assert ('aria-disabled="true"' in smaller, 'aria-disabled="true"' in larger) == (smaller_disabled, larger_disabled)
    assert 'aria-describedby="a11y-font-step"' in smaller and 'aria-describedby="a11y-font-step"' in larger
    step = re.search(r'id="a11y-font-step" role="status">.*?<span data-font-step>([^<]+)</span>', html)
    assert step.group(1) == announced


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
    assert response["Location"] == "/#a11y-larger"


def test_get_is_not_allowed(client):
    assert client.get("/ustawienia-dostepnosci/").status_code == 405


def test_without_a_choice_both_contrast_states_are_offered_for_css_to_pick(client):
    html = client.get("/").content.decode()
    assert 'value="contrast-on" data-a11y="contrast" class="a11y-contrast--off" aria-pressed="false"' in html
    assert 'value="contrast-off" data-a11y="contrast" class="a11y-contrast--on" aria-pressed="true"' in html


def test_explicit_contrast_off_overrides_the_system_setting(client):
    response = client.post("/ustawienia-dostepnosci/", {"action": "contrast-off", "next": "/"})
    assert response.cookies["pps_contrast"].value == "0"
