import datetime

import factory
from django.utils import timezone

from editorial.states import State
from pages.models import Page


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Strona {n}")
    slug = factory.Sequence(lambda n: f"strona-{n}")
    lead = "Krótki wstęp do strony."
    body = "<p>Treść strony.</p>"
    status = State.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
