"""/dokumenty/: every public document, by format and year, searchable, paginated."""

import datetime

import pytest
from django.core.files.base import ContentFile

from documents.models import Document
from tests.calendar_app.factories import EventFactory
from tests.documents import samples
from tests.documents.factories import DocumentFactory
from tests.news.factories import NewsFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [document.title for document in response.context["page"]]


def test_lists_public_documents_newest_first(client, site_settings):
    DocumentFactory(title="Starszy", issued_on=datetime.date(2025, 3, 1))
    DocumentFactory(title="Nowszy", issued_on=datetime.date(2026, 3, 1))
    DocumentFactory(title="Szkicu", owner=NewsFactory(status="draft", published_at=None))
    assert titles(client.get("/dokumenty/")) == ["Nowszy", "Starszy"]


def test_filters_by_format_and_year(client, site_settings):
    DocumentFactory(title="Tabela 2025", file=ContentFile(samples.xlsx(), name="t.xlsx"), issued_on="2025-05-01")
    DocumentFactory(title="Tabela 2026", file=ContentFile(samples.xlsx(), name="t.xlsx"), issued_on="2026-05-01")
    DocumentFactory(title="Regulamin 2026", issued_on="2026-01-10")
    assert titles(client.get("/dokumenty/", {"typ": "xlsx"})) == ["Tabela 2026", "Tabela 2025"]
    assert titles(client.get("/dokumenty/", {"typ": "xlsx", "rok": "2026"})) == ["Tabela 2026"]


def test_searches_titles_without_polish_letters(client, site_settings):
    DocumentFactory(title="Sprawozdanie z realizacji programu współpracy")
    DocumentFactory(title="Regulamin konkursu")
    assert titles(client.get("/dokumenty/", {"q": "wspolpracy"})) == ["Sprawozdanie z realizacji programu współpracy"]


@pytest.mark.parametrize("query", [{"typ": "exe"}, {"rok": "abc"}, {"rok": "1999"}, {"page": "abc"}, {"q": "\x00"}])
def test_bad_filter_values_answer_the_page_with_a_message(client, site_settings, query):
    DocumentFactory(title="Regulamin konkursu", issued_on="2026-01-10")
    response = client.get("/dokumenty/", query)
    assert (response.status_code, titles(response)) == (200, ["Regulamin konkursu"])


def test_an_unknown_format_is_reported_on_its_field(client, site_settings):
    response = client.get("/dokumenty/", {"typ": "exe"})
    assert list(response.context["form"].errors) == ["typ"]
    assert "Nie zastosowano części filtrów" in response.content.decode()


def test_paginated_by_twenty(client, site_settings):
    news = NewsFactory()
    for n in range(21):
        DocumentFactory(owner=news, title=f"Dokument {n:02d}", issued_on=datetime.date(2026, 1, 1))
    assert len(titles(client.get("/dokumenty/"))) == 20
    assert titles(client.get("/dokumenty/", {"page": "2"})) == ["Dokument 00"]


def test_each_entry_links_what_it_belongs_to(client, site_settings):
    news = NewsFactory(title="Nabór do programu")
    DocumentFactory(owner=news)
    page = client.get("/dokumenty/").content.decode()
    assert f'<a href="{news.get_absolute_url()}">Nabór do programu</a>' in page


@pytest.fixture(params=[1, 6], ids=["one-item", "several-items"])
def documents(request, site_settings):
    for _n in range(request.param):
        DocumentFactory(owner=NewsFactory())
    # Owners of two kinds, as the library shows them.
    DocumentFactory(owner=EventFactory())
    return Document.objects.all()


def test_library_query_count(client, documents, django_assert_num_queries):
    # site settings, years for the filter, count, page of documents (+content type),
    # owners: news, owners: events (one query per kind of owner on the page), mini calendar, banners
    with django_assert_num_queries(8):
        client.get("/dokumenty/")


def test_library_query_count_with_filters(client, documents, django_assert_num_queries):
    # the same: site settings, years, count, page (+content type), news, events, mini calendar, banners
    with django_assert_num_queries(8):
        client.get("/dokumenty/", {"typ": "pdf", "rok": str(datetime.date.today().year), "q": "regulamin"})
