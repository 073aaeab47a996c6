"""Writes to news that editors trigger from admin (and later, moderation)."""

from django.db import transaction
from django.utils import timezone

from news.models import News


@transaction.atomic
def news_publish_now(*, news, editor=None):
    """Publish at once: status published, publication time now (unless it
    was already public earlier, which keeps its original date)."""
    now = timezone.now()
    if not (news.status == News.Status.PUBLISHED and news.published_at and news.published_at <= now):
        news.published_at = now
    news.status = News.Status.PUBLISHED
    if news.author_id is None and editor is not None:
        news.author = editor
    news.save(update_fields=["status", "published_at", "author", "updated_at"])
    return news


@transaction.atomic
def news_withdraw(*, news):
    """Back to draft: gone from every public page, feed and sitemap."""
    news.status = News.Status.DRAFT
    news.save(update_fields=["status", "updated_at"])
    return news
