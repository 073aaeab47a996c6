"""The page tests' crawler (tests/crawl.py) finds what nothing lists."""

import pytest
from django.http import Http404, HttpResponse
from django.test import override_settings
from django.urls import path

from news.models import News
from pps_portal import urls
from tests.crawl import discover
from tests.news.factories import NewsFactory

pytestmark = pytest.mark.django_db


def page(title):
    return HttpResponse(f"<!doctype html><html lang='pl'><title>{title}</title></html>")


def news_only(request, slug):
    if not News.objects.filter(slug=slug).exists():
        raise Http404
    return page(slug)


class WithUnlinkedPages:
    urlpatterns = [
        *urls.urlpatterns,
        path("nieopisana/<slug:slug>/", news_only),  # no link leads here
        path("zepsuta/<int:number>/", lambda request, number: HttpResponse(status=404)),
        path("nieopisana/<slug:slug>/<str:token>/", lambda request, slug, token: page(token)),
    ]


def test_a_pattern_no_link_reaches_is_filled_with_a_real_object_or_reported(client):
    NewsFactory(slug="artykul-bez-linku")
    with override_settings(ROOT_URLCONF=WithUnlinkedPages):
        found = discover(client)
    assert found.pages["/nieopisana/<slug>/"] == "/nieopisana/artykul-bez-linku/"
    assert "/zepsuta/<number>/" in found.unreached
    # A one-time token comes from an e-mail: not crawled, not reported.
    assert "/nieopisana/<slug>/<token>/" not in {*found.pages, *found.unreached}
