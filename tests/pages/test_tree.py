"""The tree of information pages: addresses, breadcrumb, children, section
navigation, what the public sees, and moving pages in admin."""

import datetime

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from editorial import services
from pages.models import Page
from tests.documents.factories import DocumentFactory
from tests.pages.factories import PageFactory
from tests.sitemaps import sitemap_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(site_settings):
    """ekonomia-spoleczna / spoldzielnie-socjalne / jasne-ze-bus, and a sibling section."""
    root = PageFactory(slug="ekonomia-spoleczna", title="Ekonomia społeczna")
    middle = PageFactory(parent=root, slug="spoldzielnie-socjalne", title="Spółdzielnie socjalne")
    leaf = PageFactory(parent=middle, slug="jasne-ze-bus", title="Jasne, że bus")
    other = PageFactory(slug="rodzina-800-plus", title="Rodzina 800+", position=1)
    return root, middle, leaf, other


def test_a_child_lives_under_its_parents_address(client, tree):
    _root, _middle, leaf, _other = tree
    response = client.get("/informacje/ekonomia-spoleczna/spoldzielnie-socjalne/jasne-ze-bus/")
    assert (leaf.get_absolute_url(), response.status_code, response.context["page"]) == (
        "/informacje/ekonomia-spoleczna/spoldzielnie-socjalne/jasne-ze-bus/",
        200,
        leaf,
    )


def test_the_breadcrumb_lists_every_page_above(client, tree):
    response = client.get(tree[2].get_absolute_url())
    assert response.context["ancestors"] == [tree[0], tree[1]]
    assert '<a href="/informacje/ekonomia-spoleczna/spoldzielnie-socjalne/">Spółdzielnie socjalne</a>' in (
        response.content.decode()
    )


def test_a_page_lists_its_children_and_its_section(client, tree):
    root, middle, _leaf, other = tree
    sibling = PageFactory(parent=root, slug="cis", title="Centrum Integracji Społecznej", position=5)
    response = client.get(middle.get_absolute_url())
    assert (response.context["children"], response.context["siblings"], response.context["parent"]) == (
        [tree[2]],
        [middle, sibling],
        root,
    )
    assert client.get(root.get_absolute_url()).context["siblings"] == [root, other]


def test_siblings_follow_the_editors_order(client, tree):
    root = tree[0]
    PageFactory(parent=root, slug="b", title="B", position=2)
    PageFactory(parent=root, slug="a", title="A", position=1)
    assert [p.title for p in client.get(root.get_absolute_url()).context["children"]] == [
        "Spółdzielnie socjalne",
        "A",
        "B",
    ]


def test_the_page_shows_who_is_responsible_and_when_it_was_updated(client, tree):
    page = tree[1]
    Page.objects.filter(pk=page.pk).update(responsible_person="Jan Kowalski", responsible_unit="Referat ES")
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<dt>Osoba odpowiedzialna / komórka</dt>\n        <dd>Jan Kowalski, Referat ES</dd>" in html
    assert "<dt>Ostatnia aktualizacja</dt>" in html


def test_open_graph_data(client, tree):
    html = client.get(tree[0].get_absolute_url()).content.decode()
    assert '<meta property="og:title" content="Ekonomia społeczna">' in html
    assert '<meta property="og:url" content="http://testserver/informacje/ekonomia-spoleczna/">' in html


def test_the_information_index_lists_top_level_pages_with_their_children(client, tree):
    response = client.get("/informacje/")
    sections = response.context["sections"]
    assert (sections, sections[0].public_children) == ([tree[0], tree[3]], [tree[1]])


def test_the_main_navigation_has_informacje(client, tree):
    html = client.get("/aktualnosci/").content.decode()
    assert '<a href="/informacje/">Informacje</a>' in html
    assert '<a href="/informacje/" aria-current="page">Informacje</a>' in client.get("/informacje/").content.decode()


@pytest.mark.parametrize("state", ["draft", "withdrawn", "scheduled", "expired"])
def test_an_unpublished_page_is_404_and_absent_from_nav_sitemap_and_search(client, tree, state):
    root = tree[0]
    hidden = PageFactory(parent=root, slug="ukryta", title="Ukryta strona rowerowa", lead="Rowery miejskie.")
    now = timezone.now()
    changes = {
        "draft": {"status": "draft", "published_at": None},
        "withdrawn": {"status": "withdrawn"},
        "scheduled": {"published_at": now + datetime.timedelta(days=1)},
        "expired": {"visible_until": now - datetime.timedelta(minutes=1)},
    }[state]
    Page.objects.filter(pk=hidden.pk).update(**changes)
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert hidden not in client.get(root.get_absolute_url()).context["children"]
    assert "http://testserver" + hidden.get_absolute_url() not in sitemap_urls(client)
    assert "Ukryta strona rowerowa" not in client.get("/szukaj/", {"q": "rowerowa"}).content.decode()


def test_the_children_of_a_withdrawn_page_are_hidden_too(client, tree):
    root, middle, leaf, other = tree
    services.transition(root, "withdraw")
    assert client.get(leaf.get_absolute_url()).status_code == 404
    assert list(Page.objects.published()) == [other]
    assert client.get("/informacje/").context["sections"] == [other]


def test_staff_preview_an_unpublished_page_at_its_address(editor_client, tree):
    root = tree[0]
    draft = PageFactory(parent=root, slug="szkic", status="draft", published_at=None)
    response = editor_client.get(draft.get_absolute_url())
    assert (response.status_code, response.context["is_preview"]) == (200, True)


@pytest.mark.parametrize("path", ["/informacje/nie-ma/", "/informacje/a%00b/", "/informacje/a//b/", "/informacje/ą/"])
def test_unknown_or_malformed_addresses_are_404(client, tree, path):
    assert client.get(path).status_code == 404


def test_a_page_with_children_cannot_be_deleted(tree):
    with pytest.raises(ProtectedError):
        tree[1].delete()
    assert Page.objects.count() == 4


def test_admin_refuses_to_delete_a_page_with_children_and_says_what_to_do(editor_client, tree):
    middle = tree[1]
    response = editor_client.post(reverse("admin:pages_page_delete", args=[middle.pk]), {"post": "yes"}, follow=True)
    assert Page.objects.count() == 4
    assert [str(m) for m in response.context["messages"]] == [
        "Strony „Spółdzielnie socjalne” nie można usunąć, bo ma strony podrzędne (1). "
        "Najpierw przenieś je pod inną stronę (pole „strona nadrzędna”) albo usuń je."
    ]


def test_bulk_delete_in_admin_keeps_pages_with_children(editor_client, tree):
    editor_client.post(
        reverse("admin:pages_page_changelist"),
        {"action": "delete_selected", "_selected_action": [tree[1].pk], "post": "yes"},
    )
    assert Page.objects.count() == 4


def test_a_leaf_is_deleted_with_its_documents(editor_client, tree):
    leaf = tree[2]
    DocumentFactory(owner=leaf)
    editor_client.post(reverse("admin:pages_page_delete", args=[leaf.pk]), {"post": "yes"})
    assert (Page.objects.filter(pk=leaf.pk).exists(), leaf.documents.count()) == (False, 0)


def test_the_parent_choices_leave_out_the_page_and_its_subpages(editor_client, tree):
    root, middle, leaf, other = tree
    form = editor_client.get(reverse("admin:pages_page_change", args=[middle.pk])).context["adminform"].form
    assert list(form.fields["parent"].queryset) == [root, other]


def test_admin_lists_the_tree_in_order(editor_client, tree):
    root, middle, leaf, other = tree
    PageFactory(parent=root, slug="z-ostatnia", title="Z ostatnia", position=9)
    response = editor_client.get(reverse("admin:pages_page_changelist"))
    assert [p.slug for p in response.context["cl"].result_list] == [
        "ekonomia-spoleczna",
        "spoldzielnie-socjalne",
        "jasne-ze-bus",
        "z-ostatnia",
        "rodzina-800-plus",
    ]


def test_reordering_siblings_in_admin(editor_client, tree):
    root, middle, leaf, other = tree
    root.position, other.position = 3, 0
    root.save()
    other.save()
    assert [p.slug for p in Page.objects.in_tree_order()] == [
        "rodzina-800-plus",
        "ekonomia-spoleczna",
        "spoldzielnie-socjalne",
        "jasne-ze-bus",
    ]


def test_a_page_cannot_be_moved_under_its_own_subpage(editor_client, tree):
    from tests.admin_forms import change_form_data

    root, middle, leaf, other = tree
    url = reverse("admin:pages_page_change", args=[root.pk])
    response = editor_client.post(url, change_form_data(editor_client.get(url), parent=str(leaf.pk)))
    root.refresh_from_db()
    assert (response.status_code, root.parent) == (200, None)
    assert "parent" in response.context["adminform"].form.errors
