"""Demo news: the seed page's article and ~30 realistic articles."""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from news.demo_data.articles import ARTICLES, CATEGORIES, DRAFT, SEED_ARTICLE
from news.models import Category, News
from pps_portal.demo_images import demo_image
from pps_portal.sanitize import html_to_text
from pps_portal.text import slugify_pl

SEED_BODY = Path(__file__).parent / "demo_data" / "seed_article.html"


def _body(paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def seed_news(*, scale=1):
    """Categories and articles by slug; images drawn locally. Idempotent.

    With scale > 1, (scale - 1) copies of every article are bulk-inserted
    (without images), for benchmarks.
    """
    categories = {}
    for position, (name, slug, description) in enumerate(CATEGORIES):
        categories[slug], _ = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
    author = get_user_model().objects.filter(username="redaktor").first()
    now = timezone.now().replace(second=0, microsecond=0)

    title, category, pinned, days_ago, lead = SEED_ARTICLE
    entries = [(title, category, pinned, days_ago, lead, SEED_BODY.read_text(encoding="utf-8"))]
    entries += [(t, c, p, d, lead, _body(paras)) for t, c, p, d, lead, paras in ARTICLES]

    created = 0
    for index, (title, category, pinned, days_ago, lead, body) in enumerate(entries):
        slug = slugify_pl(title)
        # By slug or title: an editor may have changed either since.
        if News.objects.filter(Q(slug=slug) | Q(title=title)).exists():
            continue
        news = News(
            title=title,
            slug=slug,
            lead=lead,
            body=body,
            category=categories[category],
            is_pinned=pinned,
            status=News.Status.PUBLISHED,
            # Morning publication, local time; negative days_ago = scheduled.
            published_at=(now - datetime.timedelta(days=days_ago)).replace(hour=9 + index % 6, minute=0),
            author=author,
        )
        if index % 3 != 2:  # two in three articles have a picture
            news.image.save(f"{slug[:60]}.jpg", demo_image(slug, title), save=False)
            news.image_alt = f"Grafika ilustracyjna: {title}"
        news.save()
        created += 1

    draft_title, draft_category, draft_lead = DRAFT
    _draft, draft_created = News.objects.get_or_create(
        slug=slugify_pl(draft_title),
        defaults={
            "title": draft_title,
            "lead": draft_lead,
            "body": "<p>Do uzupełnienia przez redakcję.</p>",
            "category": categories[draft_category],
            "status": News.Status.DRAFT,
            "author": author,
        },
    )
    created += draft_created

    copies = _bulk_copies(scale) if scale > 1 else 0
    return f"News: {created} article(s) created, {copies} benchmark copies."


# The seed city publishes about 500 articles in all: each scale step adds that
# many, so --scale 100 gives the 50,000 articles DESIGN.md benchmarks against.
COPIES_PER_SCALE = 500


def _bulk_copies(scale):
    """(scale - 1) × 500 copies of the demo articles, spread over past years."""
    originals = list(News.objects.filter(status=News.Status.PUBLISHED).exclude(slug__contains="-kopia-"))
    texts = {news.pk: html_to_text(news.body) for news in originals}
    existing = set(News.objects.filter(slug__contains="-kopia-").values_list("slug", flat=True))
    now = timezone.now()
    created = 0
    for step in range(1, scale):
        batch = []
        for n in range(COPIES_PER_SCALE):
            original = originals[n % len(originals)]
            slug = f"{original.slug[:180]}-kopia-{step}-{n}"
            if slug in existing:
                continue
            batch.append(
                News(
                    title=original.title,
                    slug=slug,
                    lead=original.lead,
                    body=original.body,
                    body_text=texts[original.pk],
                    category_id=original.category_id,
                    status=News.Status.PUBLISHED,
                    published_at=now - datetime.timedelta(days=1 + (step * COPIES_PER_SCALE + n) % 5000, minutes=n),
                    author_id=original.author_id,
                )
            )
        News.objects.bulk_create(batch, batch_size=1000)
        created += len(batch)
    return created
