"""Admin offers exactly what the table allows, one object or many, and refuses in Polish."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from news.models import News
from tests.factories import UserFactory
from tests.news.factories import NewsFactory

pytestmark = pytest.mark.django_db


def transition_url(news, name):
    return reverse("admin:news_news_transition", args=[news.pk, name])


def test_change_page_offers_only_the_transitions_the_table_allows(editor_client):
    draft = NewsFactory(status="draft", published_at=None)
    html = editor_client.get(reverse("admin:news_news_change", args=[draft.pk])).content.decode()
    assert (transition_url(draft, "publish") in html, transition_url(draft, "withdraw") in html) == (True, False)


def test_publishing_from_the_change_page_asks_then_publishes(editor_client):
    draft = NewsFactory(status="draft", published_at=None)
    confirm = editor_client.get(transition_url(draft, "publish"))
    response = editor_client.post(transition_url(draft, "publish"))
    draft.refresh_from_db()
    assert (confirm.status_code, response.status_code, draft.is_public) == (200, 302, True)


def test_a_refused_transition_says_why_and_changes_nothing(editor_client):
    draft = NewsFactory(status="draft", published_at=None)
    page = editor_client.get(transition_url(draft, "withdraw")).content.decode()
    editor_client.post(transition_url(draft, "withdraw"))
    draft.refresh_from_db()
    assert "nie można wykonać czynności „Wycofaj”, gdy stan to „szkic”" in page
    assert draft.status == "draft"


def test_unknown_transition_in_the_url_is_404(editor_client):
    assert editor_client.get(transition_url(NewsFactory(), "teleport")).status_code == 404


def test_bulk_action_confirms_then_reports_done_and_skipped(editor_client):
    drafts = [NewsFactory(status="draft", published_at=None) for _ in range(2)]
    live = NewsFactory(title="Już opublikowany")
    selected = {"action": "transition_publish", "_selected_action": [d.pk for d in [*drafts, live]]}
    confirm = editor_client.post("/admin/news/news/", selected)
    response = editor_client.post("/admin/news/news/", {**selected, "apply": "1"}, follow=True)
    assert "zostanie pominięte" in confirm.content.decode()
    assert "Opublikowano 2 artykuły. Pominięto 1 artykuł: „Już opublikowany”" in response.content.decode()
    assert News.objects.published().count() == 3


def test_without_the_moderate_permission_there_are_no_transition_buttons_or_actions(client):
    writer = UserFactory(username="autorka", is_staff=True)
    writer.user_permissions.add(*Permission.objects.filter(codename__in=["view_news", "change_news"]))
    client.force_login(writer)
    draft = NewsFactory(status="draft", published_at=None)
    html = client.get(reverse("admin:news_news_change", args=[draft.pk])).content.decode()
    changelist = client.get("/admin/news/news/").content.decode()
    assert transition_url(draft, "publish") not in html
    assert "transition_publish" not in changelist
    assert client.post(transition_url(draft, "publish")).status_code == 403
