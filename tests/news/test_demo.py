import pytest

from news.demo import COPIES_PER_SCALE, seed_news
from news.models import News

pytestmark = pytest.mark.django_db


def test_seed_creates_the_seed_article_and_thirty_more_once():
    seed_news()
    count = News.objects.count()
    seed_news()
    assert (count, News.objects.count()) == (33, 33)
    assert News.objects.published().filter(title="Częstochowa – społecznie odpowiedzialny samorząd").exists()


def test_seed_has_pinned_scheduled_and_draft_articles_with_pictures_and_alt_text():
    seed_news()
    published = News.objects.published()
    assert published.filter(is_pinned=True).count() >= 2
    assert News.objects.filter(status=News.Status.PUBLISHED).exclude(pk__in=published).count() == 1
    assert News.objects.filter(status=News.Status.DRAFT).count() == 1
    assert not News.objects.exclude(image="").filter(image_alt="").exists()
    assert News.objects.exclude(image="").count() >= 20


def test_scale_bulk_inserts_copies_once():
    seed_news(scale=3)
    seed_news(scale=3)
    assert News.objects.filter(slug__contains="-kopia-").count() == 2 * COPIES_PER_SCALE
