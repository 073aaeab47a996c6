"""Every endpoint refuses an oversized body from its Content-Length, before
anything reads it (found from the URL conf: admin, CKEditor, the public
forms, accessibility preferences, pages that take no POST at all)."""

import pytest
from django.conf import settings
from django.test import Client

from tests.discovery import url_patterns

pytestmark = pytest.mark.django_db


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body of an oversized request was read")

    readline = read


def paths():
    return sorted({pattern.path(dict.fromkeys(pattern.params, "1")) for pattern in url_patterns()})


def post_oversized(client, path, content_type, length):
    return client.generic(
        "POST",
        path,
        CONTENT_TYPE=content_type,
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": UnreadableBody()},
    )


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_the_url_conf_has_post_endpoints_to_check():
    assert {"/ustawienia-dostepnosci/", "/admin/login/", "/kontakt/", "/ckeditor5/image_upload/"} <= set(paths())


def test_an_upload_beyond_the_limit_is_refused_everywhere_with_413(visitor, site_settings):
    length = settings.MAX_REQUEST_BYTES + 1
    statuses = {
        path: post_oversized(visitor, path, "multipart/form-data; boundary=x", length).status_code for path in paths()
    }
    assert {path: status for path, status in statuses.items() if status != 413} == {}


def test_a_form_body_beyond_djangos_field_limit_is_refused_everywhere_with_413(visitor, site_settings):
    length = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1
    statuses = {
        path: post_oversized(visitor, path, "application/x-www-form-urlencoded", length).status_code
        for path in paths()
    }
    assert {path: status for path, status in statuses.items() if status != 413} == {}


def test_the_413_page_is_in_polish(visitor, site_settings):
    response = post_oversized(visitor, "/ustawienia-dostepnosci/", "multipart/form-data; boundary=x", 10**9)
    assert "Przesłane dane są za duże" in response.content.decode()


def test_a_body_within_the_limit_is_read_as_usual(client, site_settings):
    response = client.post("/ustawienia-dostepnosci/", {"action": "larger", "next": "/aktualnosci/"})
    # Back to the page, at the pressed button (pps_portal.a11y.control_id).
    assert (response.status_code, response["Location"]) == (302, "/aktualnosci/#a11y-larger")
