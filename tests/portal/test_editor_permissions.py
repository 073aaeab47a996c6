"""An editor (staff in the Editor group, not a superuser) can do the editorial
work in every part of admin, and nothing else."""

import pytest

from pps_portal.models import SiteSettings

pytestmark = pytest.mark.django_db

EDITORIAL_PAGES = [
    "/admin/news/news/",
    "/admin/news/news/add/",
    "/admin/news/category/",
    "/admin/pps_portal/banner/",
    "/admin/organizations/organization/",
    "/admin/organizations/organization/add/",
    "/admin/organizations/area/",
    "/admin/organizations/district/",
    "/admin/calendar_app/event/",
    "/admin/calendar_app/event/add/",
    "/admin/calendar_app/eventcategory/",
    "/admin/submissions/pendingsubmission/",
    "/admin/submissions/submission/",
    "/admin/grants/grantcall/",
    "/admin/grants/grantcall/add/",
    "/admin/grants/funder/",
]


@pytest.mark.parametrize("url", EDITORIAL_PAGES)
def test_editor_reaches_every_editorial_admin_page(editor_client, site_settings, url):
    assert editor_client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/axes/accessattempt/"])
def test_editor_cannot_manage_accounts_or_lockouts(editor_client, url):
    assert editor_client.get(url).status_code == 403


@pytest.fixture
def reviewer_client(client, reviewer_group):
    from tests.factories import UserFactory

    reviewer = UserFactory(username="moderatorka", is_staff=True)
    reviewer.groups.add(reviewer_group)
    client.force_login(reviewer)
    client.user = reviewer
    return client


REVIEWED_LISTS = [
    "/admin/news/news/",
    "/admin/organizations/organization/",
    "/admin/calendar_app/event/",
    "/admin/submissions/pendingsubmission/",
    "/admin/submissions/submission/",
    "/admin/grants/grantcall/",
]


@pytest.mark.parametrize("url", REVIEWED_LISTS)
def test_reviewer_reads_every_kind_of_content(reviewer_client, url):
    assert reviewer_client.get(url).status_code == 200


def test_reviewer_publishes_an_article_but_cannot_edit_it(reviewer_client):
    from django.urls import reverse

    from tests.news.factories import NewsFactory

    draft = NewsFactory(status="draft", published_at=None, title="Do decyzji")
    reviewer_client.post(reverse("admin:news_news_transition", args=[draft.pk, "publish"]))
    edit = reviewer_client.post(reverse("admin:news_news_change", args=[draft.pk]), {"title": "Zmieniony"})
    draft.refresh_from_db()
    assert (draft.status, draft.title, edit.status_code) == ("published", "Do decyzji", 403)


@pytest.mark.parametrize(
    "url",
    ["/admin/pps_portal/sitesettings/1/change/", "/admin/pps_portal/banner/add/", "/admin/news/news/add/"],
)
def test_reviewer_cannot_change_site_settings_banners_or_write_content(reviewer_client, site_settings, url):
    assert reviewer_client.post(url, {"site_name": "Przejęty serwis", "title": "X"}).status_code == 403
    assert SiteSettings.load().site_name != "Przejęty serwis"


@pytest.mark.parametrize("url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/axes/accessattempt/"])
def test_reviewer_cannot_manage_accounts_or_lockouts(reviewer_client, url):
    assert reviewer_client.get(url).status_code == 403


def test_reviewer_approves_a_submission_which_publishes_its_organization(reviewer_client):
    from django.urls import reverse

    from tests.organizations.factories import pending
    from tests.submissions.factories import SubmissionFactory

    submission = SubmissionFactory(kind="organization", organization=pending(name="Fundacja Zgłoszona"))
    reviewer_client.post(reverse("admin:submissions_pendingsubmission_transition", args=[submission.pk, "approve"]))
    submission.refresh_from_db()
    assert (submission.status, submission.organization.status) == ("approved", "published")


@pytest.mark.parametrize(
    "url", ["/admin/organizations/organization/add/", "/admin/calendar_app/event/add/", "/admin/news/category/add/"]
)
def test_reviewer_cannot_add_content_or_lists(reviewer_client, url):
    assert reviewer_client.get(url).status_code == 403
