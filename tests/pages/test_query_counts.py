"""Information pages run a fixed number of queries, whatever the number of
children, siblings, ancestors and attachments."""

import pytest

from tests.documents.factories import DocumentFactory
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[1, 8], ids=["one-item", "several-items"])
def page(request, site_settings):
    section = PageFactory(slug="ekonomia-spoleczna")
    parent = PageFactory(parent=section, slug="spoldzielnie-socjalne")
    page = PageFactory(parent=parent, slug="jasne-ze-bus")
    for n in range(request.param):
        PageFactory(parent=page, slug=f"podstrona-{n}")
        PageFactory(parent=parent, slug=f"siostra-{n}")
        PageFactory(slug=f"dzial-{n}")
        DocumentFactory(owner=page)
    return page


def test_page_query_count(client, page, django_assert_num_queries):
    # page, ancestors, siblings, children, documents, site settings, mini calendar, banners
    with django_assert_num_queries(8):
        client.get(page.get_absolute_url())


def test_top_level_page_query_count(client, page, django_assert_num_queries):
    # page, siblings, children, documents, site settings, mini calendar, banners (no ancestors)
    with django_assert_num_queries(7):
        client.get("/informacje/ekonomia-spoleczna/")


def test_index_query_count(client, page, django_assert_num_queries):
    # top-level pages, their children, site settings, mini calendar, banners
    with django_assert_num_queries(5):
        client.get("/informacje/")


def test_easy_read_and_sign_language_query_counts(client, site_settings, django_assert_num_queries):
    client.get("/tekst-latwy-do-czytania/")  # the rows are made on first use
    client.get("/jezyk-migowy/")
    # the text, site settings, mini calendar, banners
    with django_assert_num_queries(4):
        client.get("/tekst-latwy-do-czytania/")
    with django_assert_num_queries(4):
        client.get("/jezyk-migowy/")
