"""Documents in headless Chromium: the library and an article's list of
attachments pass axe-core in both themes and the Nu HTML checker."""

import datetime

import pytest
from django.core.files.base import ContentFile

from tests.browser import accessibility_failures, invalid_html
from tests.documents import samples
from tests.documents.factories import DocumentFactory
from tests.news.factories import NewsFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def library(transactional_db):
    from pps_portal.demo import seed_site

    seed_site()
    news = NewsFactory(slug="nabor", title="Nabór wniosków")
    DocumentFactory(owner=news, title="Regulamin naboru", issued_on=datetime.date(2026, 2, 1))
    DocumentFactory(
        owner=news,
        title="Harmonogram (skan)",
        file=ContentFile(samples.pdf(), name="skan.pdf"),
        is_accessible=False,
        accessibility_note="Tabela z datami spotkań; wersję tekstową wyślemy na prośbę.",
    )
    for n in range(22):
        DocumentFactory(owner=news, title=f"Sprawozdanie {n}", file=ContentFile(samples.xlsx(), name="s.xlsx"))


PAGES = ["/dokumenty/", "/dokumenty/?page=2", "/dokumenty/?typ=exe&rok=1999", "/aktualnosci/nabor/"]


def test_document_pages_have_no_axe_violations(page, live_server, library):
    assert accessibility_failures(page, live_server.url, PAGES) == {}


def test_document_pages_pass_the_nu_html_checker(client, library):
    assert invalid_html(client, ["/dokumenty/", "/dokumenty/?typ=exe", "/aktualnosci/nabor/"]) == {}
