"""An editor (staff in the Editor group, not a superuser) can do the editorial
work in every part of admin, and nothing else."""

import pytest
from django.contrib.auth.models import Group

from pps_portal.permissions import EDITOR_GROUP

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
]


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_user("redaktorka", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    client.force_login(editor)
    return client


@pytest.mark.parametrize("url", EDITORIAL_PAGES)
def test_editor_reaches_every_editorial_admin_page(editor_client, site_settings, url):
    assert editor_client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/axes/accessattempt/"])
def test_editor_cannot_manage_accounts_or_lockouts(editor_client, url):
    assert editor_client.get(url).status_code == 403
