import datetime

import factory
from django.utils import timezone

from news.models import Category, News


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Kategoria {n}")
    slug = factory.Sequence(lambda n: f"kategoria-{n}")


class NewsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = News

    title = factory.Sequence(lambda n: f"Artykuł numer {n}")
    slug = factory.Sequence(lambda n: f"artykul-numer-{n}")
    lead = "Krótkie streszczenie artykułu."
    body = "<p>Treść artykułu.</p>"
    category = factory.SubFactory(CategoryFactory)
    status = News.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
