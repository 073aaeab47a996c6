import pytest

from documents.models import Document
from pages.demo import seed_pages
from pages.models import EasyReadText, Page, SignLanguagePage

pytestmark = pytest.mark.django_db


def test_demo_builds_a_three_level_tree_with_real_pdfs_once(client, site_settings):
    seed_pages()
    seed_pages()
    pages = Page.objects.published()
    documents = Document.objects.public().filter(content_type__model="page")
    first = client.get(documents.filter(is_accessible=True).first().get_absolute_url())
    assert pages.count() == 14
    assert max(page.depth for page in pages) == 2
    assert documents.count() >= 8 and set(documents.values_list("file_type", flat=True)) == {"pdf"}
    assert b"".join(first.streaming_content).startswith(b"%PDF-1.4")
    assert documents.filter(is_accessible=False).exclude(accessibility_note="").count() == 1


def test_demo_has_the_five_cooperatives_and_the_seed_sections(site_settings):
    seed_pages()
    titles = set(Page.objects.values_list("title", flat=True))
    assert {
        "Ekonomia społeczna",
        "Spółdzielnie socjalne",
        "Centrum Integracji Społecznej",
        "Dzielnicowe Ośrodki Społeczności Lokalnych",
        "Program współpracy z organizacjami pozarządowymi",
        "Rodzina 800+",
        "Spółdzielnia socjalna „Jasne, że bus”",
        "Spółdzielnia socjalna „Jasne, że zmiana”",
    } <= titles


def test_demo_fills_the_easy_to_read_text_and_the_pjm_page_but_never_overwrites_them(site_settings):
    text = EasyReadText.load()
    text.body = "<p>Tekst redakcji.</p>"
    text.save()
    seed_pages()
    assert EasyReadText.load().body == "<p>Tekst redakcji.</p>"
    assert "polskim języku migowym" in SignLanguagePage.load().intro
