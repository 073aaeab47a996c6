import datetime

import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone

from news.models import News
from tests.news.factories import NewsFactory

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_future_articles():
    live = NewsFactory()
    NewsFactory(status=News.Status.DRAFT)
    NewsFactory(published_at=timezone.now() + datetime.timedelta(days=1))
    assert list(News.objects.published()) == [live]


def test_scheduled_article_becomes_public_when_its_time_comes():
    publish_at = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(publish_at - datetime.timedelta(minutes=1), tick=False):
        scheduled = NewsFactory(published_at=publish_at)
        assert list(News.objects.published()) == []
    with time_machine.travel(publish_at, tick=False):
        assert list(News.objects.published()) == [scheduled]


def test_listing_puts_pinned_first_then_newest():
    now = timezone.now()
    old_pinned = NewsFactory(is_pinned=True, published_at=now - datetime.timedelta(days=30))
    newest = NewsFactory(published_at=now - datetime.timedelta(minutes=5))
    older = NewsFactory(published_at=now - datetime.timedelta(days=2))
    assert list(News.objects.for_listing()) == [old_pinned, newest, older]


def test_body_is_sanitized_on_save():
    news = NewsFactory(body='<p onclick="x()">Tekst<script>alert(1)</script></p>')
    news.refresh_from_db()
    assert news.body == "<p>Tekst</p>"


def test_database_refuses_published_article_without_date():
    with pytest.raises(IntegrityError):
        NewsFactory(published_at=None)


def test_database_refuses_image_without_alt_text():
    news = NewsFactory()
    with pytest.raises(IntegrityError):
        News.objects.filter(pk=news.pk).update(image="news/x.jpg", image_alt="")


def test_search_ignores_polish_diacritics():
    match = NewsFactory(title="Częstochowa nagrodzona")
    NewsFactory(title="Kraków nagrodzony")
    assert list(News.objects.published().search("czestochowa")) == [match]


def test_search_ranks_title_matches_above_body_matches():
    body_match = NewsFactory(title="Spotkanie", body="<p>Rozmowa o dotacjach.</p>")
    title_match = NewsFactory(title="Dotacjach słów kilka", body="<p>Tekst.</p>")
    assert list(News.objects.published().search("dotacjach")) == [title_match, body_match]
