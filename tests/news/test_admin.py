"""Editors (staff in the Editor group, not superusers) in admin."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from news.models import News
from pps_portal.permissions import EDITOR_GROUP
from tests.admin_forms import DOCUMENTS_INLINE
from tests.news.factories import CategoryFactory, NewsFactory

pytestmark = pytest.mark.django_db


def test_editor_group_holds_exactly_the_editorial_permissions():
    codenames = set(Group.objects.get(name=EDITOR_GROUP).permissions.values_list("codename", flat=True))
    assert {"add_news", "change_news", "delete_news", "view_news", "moderate_news", "change_sitesettings"} <= codenames
    assert not codenames & {"add_user", "change_user", "delete_user", "change_group", "add_permission"}


def test_editor_can_schedule_an_article_that_appears_at_its_time(editor_client):
    publish_at = (timezone.localtime() + datetime.timedelta(days=1)).replace(microsecond=0)
    response = editor_client.post(
        "/admin/news/news/add/",
        {
            "title": "Zaplanowany artykuł",
            "slug": "zaplanowany-artykul",
            "lead": "Zajawka",
            "body": "<p>Treść <strong>ważna</strong></p>",
            "published_at_0": publish_at.strftime("%d.%m.%Y"),
            "published_at_1": publish_at.strftime("%H:%M:%S"),
            "category": CategoryFactory().pk,
            **DOCUMENTS_INLINE,
        },
    )
    news = News.objects.get(slug="zaplanowany-artykul")
    editor_client.post(reverse("admin:news_news_transition", args=[news.pk, "publish"]))
    news.refresh_from_db()
    assert (response.status_code, news.author, news.status, news.is_public) == (
        302,
        editor_client.user,
        "published",
        False,
    )
    with time_machine.travel(publish_at, tick=False):
        assert list(News.objects.published()) == [news]


def test_the_state_is_not_editable_in_the_form(editor_client):
    draft = NewsFactory(status="draft", published_at=None)
    response = editor_client.get(reverse("admin:news_news_change", args=[draft.pk]))
    assert "status" not in response.context["adminform"].form.fields


def test_editor_cannot_manage_users(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403


def test_publish_action_publishes_drafts(editor_client):
    draft = NewsFactory(status=News.Status.DRAFT, published_at=None)
    editor_client.post(
        "/admin/news/news/", {"action": "transition_publish", "_selected_action": [draft.pk], "apply": "1"}
    )
    draft.refresh_from_db()
    assert draft.is_public


def test_withdraw_action_hides_published_articles(editor_client):
    live = NewsFactory()
    editor_client.post(
        "/admin/news/news/", {"action": "transition_withdraw", "_selected_action": [live.pk], "apply": "1"}
    )
    live.refresh_from_db()
    assert (live.status, list(News.objects.published())) == (News.Status.WITHDRAWN, [])


def test_admin_list_offers_search_filters_and_date_hierarchy(editor_client):
    NewsFactory(title="Dotacje 2027")
    response = editor_client.get("/admin/news/news/?q=Dotacje")
    assert response.status_code == 200
    assert "Dotacje 2027" in response.content.decode()


def test_admin_messages_use_polish_plural_forms(editor_client):
    drafts = [NewsFactory(status=News.Status.DRAFT, published_at=None) for _ in range(3)]
    response = editor_client.post(
        "/admin/news/news/",
        {"action": "transition_publish", "_selected_action": [d.pk for d in drafts], "apply": "1"},
        follow=True,
    )
    assert "Opublikowano 3 artykuły." in response.content.decode()
