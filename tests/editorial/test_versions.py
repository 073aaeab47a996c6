"""Versions: compare two field by field (rich text as a word diff) and restore one as a new version."""

import pytest
from django.urls import reverse

from editorial import versions
from editorial.models import HistoryEntry
from tests.admin_forms import change_form_data
from tests.news.factories import NewsFactory

pytestmark = pytest.mark.django_db


def edit(client, news, **changes):
    url = reverse("admin:news_news_change", args=[news.pk])
    response = client.post(url, change_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors


@pytest.fixture
def edited_twice(editor_client):
    news = NewsFactory(title="Dyżur w ośrodku", body="<p>Ośrodek przyjmuje we wtorki od 8 do 12.</p>")
    edit(editor_client, news, body="<p>Ośrodek przyjmuje w środy od 8 do 12.</p>")
    edit(editor_client, news, title="Dyżury w ośrodku", body="<p>Ośrodek przyjmuje w środy od 9 do 15.</p>")
    return news


def test_an_article_edited_twice_has_three_versions(edited_twice):
    assert versions.versions_for(edited_twice).count() == 3


def test_comparing_versions_one_and_three_shows_the_changed_words(editor_client, edited_twice):
    first, _second, third = versions.versions_for(edited_twice)
    url = reverse("admin:news_news_compare", args=[edited_twice.pk])
    html = editor_client.get(url, {"a": first.pk, "b": third.pk}).content.decode()
    assert "<del>we wtorki</del> <ins>w środy</ins>" in html
    assert "<del>8</del> <ins>9</ins>" in html and "<del>12.</del> <ins>15.</ins>" in html
    assert "<del>Dyżur</del> <ins>Dyżury</ins>" in html


def test_restoring_version_one_publishes_its_text_as_version_four(client, editor_client, edited_twice):
    first = versions.versions_for(edited_twice).first()
    response = editor_client.post(reverse("admin:news_news_restore", args=[edited_twice.pk, first.pk]))
    assert response.status_code == 302
    restored = HistoryEntry.objects.for_object(edited_twice).first()
    assert (restored.action, versions.number_of(restored.version)) == ("restored", 4)
    html = client.get(edited_twice.get_absolute_url()).content.decode()
    assert "we wtorki od 8 do 12" in html and "<h1>Dyżur w ośrodku</h1>" in html


def test_restore_keeps_the_publication_state(editor_client, edited_twice):
    from editorial import services

    services.transition(edited_twice, "withdraw", actor=editor_client.user)
    first = versions.versions_for(edited_twice).first()
    editor_client.post(reverse("admin:news_news_restore", args=[edited_twice.pk, first.pk]))
    edited_twice.refresh_from_db()
    assert (edited_twice.status, "we wtorki" in edited_twice.body) == ("withdrawn", True)


def test_compare_of_a_version_of_another_object_is_404(editor_client, edited_twice):
    other = NewsFactory()
    edit(editor_client, other, title="Inny")
    foreign = versions.versions_for(other).first()
    own = versions.versions_for(edited_twice).first()
    url = reverse("admin:news_news_compare", args=[edited_twice.pk])
    assert editor_client.get(url, {"a": own.pk, "b": foreign.pk}).status_code == 404


def test_compare_without_two_versions_goes_back_to_the_history(editor_client, edited_twice):
    url = reverse("admin:news_news_compare", args=[edited_twice.pk])
    response = editor_client.get(url, {"a": "abc"})
    assert response.status_code == 302 and response["Location"].endswith("/history/")


def test_restoring_an_organization_whose_area_was_deleted_since_keeps_the_rest(editor_client):
    from organizations.models import Area
    from tests.organizations.factories import AreaFactory, OrganizationFactory

    kept, removed = AreaFactory(name="kultura"), AreaFactory(name="sport")
    organization = OrganizationFactory(name="Klub Seniora", areas=[kept, removed])
    url = reverse("admin:organizations_organization_change", args=[organization.pk])
    response = editor_client.post(url, change_form_data(editor_client.get(url), name="Klub Seniora Raków", areas=[]))
    assert response.status_code == 302, response.context["adminform"].form.errors
    Area.objects.filter(pk=removed.pk).delete()
    first = versions.versions_for(organization).first()
    history = editor_client.get(reverse("admin:organizations_organization_history", args=[organization.pk]))
    compare = editor_client.get(
        reverse("admin:organizations_organization_compare", args=[organization.pk]),
        {"a": first.pk, "b": versions.versions_for(organization).last().pk},
    )
    restore = editor_client.post(
        reverse("admin:organizations_organization_restore", args=[organization.pk, first.pk]), follow=True
    )
    organization.refresh_from_db()
    assert (history.status_code, compare.status_code, restore.status_code) == (200, 200, 200)
    assert (organization.name, list(organization.areas.all())) == ("Klub Seniora", [kept])
    assert "pominięto pozycje usunięte od tamtej pory" in restore.content.decode()
    assert f"(usunięty, id {removed.pk})" in compare.content.decode()
