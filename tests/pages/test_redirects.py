"""Links never break: changed addresses answer 301, forever, in one hop, never in a loop."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pps_portal import redirects
from pps_portal.models import Redirect
from tests.calendar_app.factories import EventFactory
from tests.news.factories import NewsFactory
from tests.organizations.factories import OrganizationFactory
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db


def moved(client, path):
    response = client.get(path)
    return response.status_code, response.headers.get("Location")


def rename(obj, slug):
    obj.slug = slug
    obj.save()
    return obj


def test_a_renamed_article_answers_at_its_old_address(client, site_settings):
    news = rename(NewsFactory(slug="stary-tytul"), "nowy-tytul")
    assert moved(client, "/aktualnosci/stary-tytul/") == (301, "/aktualnosci/nowy-tytul/")
    assert client.get(news.get_absolute_url()).status_code == 200


def test_a_renamed_organization_answers_at_its_old_address(client, site_settings):
    rename(OrganizationFactory(slug="fundacja-stara"), "fundacja-nowa")
    assert moved(client, "/organizacje/fundacja-stara/") == (301, "/organizacje/fundacja-nowa/")


def test_a_renamed_event_answers_at_its_old_addresses_page_and_ics(client, site_settings):
    rename(EventFactory(slug="piknik"), "piknik-rodzinny")
    assert moved(client, "/kalendarz/wydarzenia/piknik/") == (301, "/kalendarz/wydarzenia/piknik-rodzinny/")
    assert moved(client, "/kalendarz/wydarzenia/piknik.ics") == (301, "/kalendarz/wydarzenia/piknik-rodzinny.ics")


def test_a_renamed_page_answers_at_its_old_address(client, site_settings):
    rename(PageFactory(slug="stara"), "nowa")
    assert moved(client, "/informacje/stara/") == (301, "/informacje/nowa/")


def test_moving_a_page_keeps_its_old_address_and_its_childrens(client, site_settings):
    section = PageFactory(slug="ekonomia-spoleczna")
    moving = PageFactory(slug="spoldzielnie", parent=None)
    child = PageFactory(slug="jasne-ze-bus", parent=moving)
    grandchild = PageFactory(slug="kursy", parent=child)
    moving.parent = section
    moving.save()
    grandchild.refresh_from_db()
    assert grandchild.get_absolute_url() == "/informacje/ekonomia-spoleczna/spoldzielnie/jasne-ze-bus/kursy/"
    assert moved(client, "/informacje/spoldzielnie/") == (301, "/informacje/ekonomia-spoleczna/spoldzielnie/")
    assert moved(client, "/informacje/spoldzielnie/jasne-ze-bus/kursy/") == (301, grandchild.get_absolute_url())
    assert client.get(grandchild.get_absolute_url()).status_code == 200


def test_an_editor_moves_a_page_in_admin_and_the_old_address_still_works(editor_client, site_settings):
    from tests.admin_forms import change_form_data

    section = PageFactory(slug="ekonomia-spoleczna")
    page = PageFactory(slug="cis")
    url = reverse("admin:pages_page_change", args=[page.pk])
    response = editor_client.post(url, change_form_data(editor_client.get(url), parent=str(section.pk)))
    assert response.status_code == 302
    assert moved(editor_client, "/informacje/cis/") == (301, "/informacje/ekonomia-spoleczna/cis/")


def test_a_chain_answers_in_one_hop(client, site_settings):
    news = NewsFactory(slug="a")
    rename(news, "b")
    rename(news, "c")
    assert moved(client, "/aktualnosci/a/") == (301, "/aktualnosci/c/")
    assert moved(client, "/aktualnosci/b/") == (301, "/aktualnosci/c/")


def test_moving_back_leaves_no_loop(client, site_settings):
    news = NewsFactory(slug="a")
    rename(news, "b")
    rename(news, "a")
    assert client.get("/aktualnosci/a/").status_code == 200
    assert moved(client, "/aktualnosci/b/") == (301, "/aktualnosci/a/")
    assert list(Redirect.objects.values_list("old_path", "target")) == [("/aktualnosci/b/", "/aktualnosci/a/")]


def test_drafts_renamed_before_publishing_leave_no_redirects(site_settings):
    rename(NewsFactory(slug="roboczy", status="draft", published_at=None), "gotowy")
    assert Redirect.objects.count() == 0


def test_a_live_address_wins_over_a_redirect(client, site_settings):
    rename(NewsFactory(slug="piknik"), "piknik-2025")
    new = NewsFactory(slug="piknik", title="Piknik 2026")
    assert client.get("/aktualnosci/piknik/").context["news"] == new
    assert not Redirect.objects.filter(old_path="/aktualnosci/piknik/").exists()


def test_the_query_string_follows(client, site_settings):
    rename(PageFactory(slug="stara"), "nowa")
    assert moved(client, "/informacje/stara/?utm_source=ulotka") == (301, "/informacje/nowa/?utm_source=ulotka")


def test_an_editor_adds_a_redirect_for_an_old_sites_address(editor_client, site_settings):
    response = editor_client.post(
        reverse("admin:pps_portal_redirect_add"),
        {"old_path": "https://pps.czestochowa.pl/index.php?id=42", "target": "/informacje/rodzina-800-plus/"},
    )
    assert response.status_code == 302
    assert moved(editor_client, "/index.php?id=42") == (301, "/informacje/rodzina-800-plus/")


def test_an_editor_may_send_an_old_address_off_site_only_with_a_full_url(client, site_settings):
    redirects.save_redirect(Redirect(old_path="/800plus/", target="https://www.gov.pl/web/rodzina"))
    assert moved(client, "/800plus/") == (301, "https://www.gov.pl/web/rodzina")


@pytest.mark.parametrize("target", ["//evil.example/", "/\\evil.example/", "javascript:alert(1)", "evil.example"])
def test_a_target_that_would_leave_the_site_by_accident_is_refused(target):
    with pytest.raises(ValidationError):
        Redirect(old_path="/stary/", target=target).full_clean()


def test_a_full_url_of_this_site_is_kept_as_a_path():
    redirect = Redirect(old_path="/stary/", target="http://testserver/informacje/nowa/")
    redirect.full_clean()
    assert redirect.target == "/informacje/nowa/"


def test_a_redirect_to_an_address_that_redirects_goes_straight_to_the_end(client, site_settings):
    rename(PageFactory(slug="b"), "c")
    redirects.save_redirect(Redirect(old_path="/a/", target="/informacje/b/"))
    assert moved(client, "/a/") == (301, "/informacje/c/")


def test_an_editor_cannot_make_a_loop(editor_client, site_settings):
    redirects.save_redirect(Redirect(old_path="/a/", target="/b/"))
    response = editor_client.post(reverse("admin:pps_portal_redirect_add"), {"old_path": "/b/", "target": "/a/"})
    assert response.context["adminform"].form.errors == {
        "target": ["To przekierowanie prowadziłoby z powrotem pod ten sam adres (pętla)."]
    }
    assert Redirect.objects.count() == 1


def test_a_redirect_to_itself_is_refused(editor_client):
    response = editor_client.post(reverse("admin:pps_portal_redirect_add"), {"old_path": "/a/", "target": "/a/"})
    assert "target" in response.context["adminform"].form.errors


def test_admin_addresses_cannot_be_redirected():
    with pytest.raises(ValidationError):
        Redirect(old_path="/admin/login/", target="/").full_clean()


@pytest.mark.parametrize("path", ["/nie-ma/%00/", "/" + "x" * 600 + "/"])
def test_strange_missing_addresses_are_plain_404s(client, site_settings, path):
    assert client.get(path).status_code == 404


def test_a_miss_costs_one_query(client, site_settings, django_assert_num_queries):
    # the redirect lookup (the 404 page itself reads site settings, mini calendar and banners)
    with django_assert_num_queries(4):
        client.get("/nie-ma-takiej-strony/")
