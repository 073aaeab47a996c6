import factory
from django.core.files.base import ContentFile

from documents.models import Document
from tests.documents import samples
from tests.news.factories import NewsFactory


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Regulamin konkursu {n}")
    file = factory.LazyFunction(lambda: ContentFile(samples.pdf(), name="Regulamin konkursu.pdf"))
    owner = factory.SubFactory(NewsFactory)
