"""Admin, where editors work all day: Polish throughout, one h1, axe-core clean."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from pps_portal.permissions import EDITOR_GROUP
from submissions import services
from tests.browser import axe_violations

PASSWORD = "haslo-redaktorki-123"


def pending(count):
    for number in range(count):
        data = {"subject": f"Pytanie {number}", "message": "Treść.", "contact_name": "Anna", "contact_email": "a@b.pl"}
        services.submit_contact_message(data=data)


@pytest.mark.django_db
def test_admin_index_names_login_protection_in_polish(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "Ochrona logowania" in html and "Nieudane logowania" in html
    assert "Serwis" in html  # the portal's own app keeps its name beside axes' config
    english = ("Axes", "Access failures", "Access attempt", "Breadcrumbs", "Pps_Portal", "pps_portal</a>")
    assert [word for word in english if word in html] == []


@pytest.mark.django_db
def test_moderation_queue_title_and_count_read_as_polish(admin_client):
    pending(5)
    html = admin_client.get("/admin/submissions/pendingsubmission/").content.decode()
    assert "<h1>Kolejka moderacji</h1>" in html
    assert "Kolejka moderacji: 5" in html
    assert "do moderacji do zmiany" not in html and "5 kolejka" not in html


@pytest.mark.django_db
def test_admin_lists_count_without_inflecting_the_model_name(admin_client):
    from tests.organizations.factories import OrganizationFactory

    OrganizationFactory.create_batch(5)
    assert "Organizacje: 5" in admin_client.get("/admin/organizations/organization/").content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_login_page_and_queue_have_one_h1_and_no_axe_violations(page, live_server, django_user_model, editor_group):
    editor = django_user_model.objects.create_user("redaktorka", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    pending(2)
    page.goto(live_server.url + "/admin/login/")
    expect(page.locator("h1")).to_have_count(1)
    assert axe_violations(page) == []  # best-practice includes page-has-heading-one
    page.get_by_label("Nazwa użytkownika").fill("redaktorka")
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.goto(live_server.url + "/admin/submissions/pendingsubmission/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kolejka moderacji")
    expect(page.get_by_role("navigation", name="Jesteś tutaj")).to_be_visible()
    assert axe_violations(page) == []
