"""Hostile or broken URLs get a 400 or 404 page, never a 500 or a link off the site."""

import pytest
from django.test import Client

from tests.discovery import off_site_links

pytestmark = pytest.mark.django_db

TOO_MANY = "&".join(f"p{n}=1" for n in range(1001))


@pytest.fixture
def visitor():
    """A client that answers errors as a browser sees them, instead of raising them."""
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(("path", "status"), [("/", 400), ("/aktualnosci/", 400), ("/nie-ma-takiej-strony/", 404)])
def test_more_than_a_thousand_query_parameters_get_an_error_page_not_a_500(visitor, site_settings, path, status):
    response = visitor.get(f"{path}?{TOO_MANY}")
    assert (response.status_code, "<h1>" in response.content.decode()) == (status, True)


@pytest.mark.parametrize(
    "path",
    [
        "/kalendarz/2026/1/2147483648/",
        "/kalendarz/2026/1/99999999999999999999999/",
        "/kalendarz/2026/99999999999999999999/1/",
    ],
)
def test_a_huge_day_or_month_number_is_a_404(visitor, site_settings, path):
    assert visitor.get(path).status_code == 404


@pytest.mark.parametrize(
    ("name", "status"),
    [("a" * 256, 404), ("ą" * 200, 404), ("a/" * 3000 + "b", 404), ("%00", 404), ("..%2f..%2fetc%2fpasswd", 400)],
)
def test_an_impossible_media_file_name_is_a_404(visitor, site_settings, name, status):
    assert visitor.get(f"/media/{name}").status_code == status


@pytest.mark.parametrize(
    "path", ["//evil.example/", "/\\evil.example/", "//evil.example/kalendarz/", "/\\/evil.example"]
)
def test_a_path_shaped_like_another_host_links_nowhere_off_site(visitor, site_settings, path):
    response = visitor.get("/", PATH_INFO=path, QUERY_STRING="kalendarz=2026-05")
    assert response.status_code == 404
    assert off_site_links(response, path, {"evil.example"}) == []
