import pytest

from calendar_app.demo import seed_events
from documents.demo import seed_documents
from documents.models import Document
from news.demo import seed_news
from organizations.demo import seed_organizations

pytestmark = pytest.mark.django_db


def test_demo_attaches_real_pdfs_to_the_seed_article_and_the_picnic_once(client, site_settings):
    seed_news()
    seed_organizations()
    seed_events()
    seed_documents()
    seed_documents()
    documents = Document.objects.public()
    download = client.get(documents.get(title__startswith="Komunikat o certyfikatach").get_absolute_url())
    content = b"".join(download.streaming_content)
    assert (documents.count(), documents.filter(file_type="pdf").count()) == (2, 2)
    assert content.startswith(b"%PDF-1.4") and content.endswith(b"%%EOF\n")
