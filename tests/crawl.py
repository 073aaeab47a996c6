"""Every public page type, found the way a crawler finds them.

A page type is a leaf pattern of the URL conf (tests.discovery.url_patterns).
Samples come from the patterns without parameters and from the links and
sitemap entries found from there (the demo content links every kind of
page), one per pattern; a pattern with parameters that no link reaches is
filled with real objects the way the hostile-input test fills it
(tests.discovery.fill). So a new section, page or parameter is covered by
the page tests without anyone listing it; a pattern that neither way
reaches is reported, not skipped.
"""

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.test import Client
from django.urls import resolve
from django.urls.exceptions import Resolver404

from tests.discovery import fill, get, parse_page, url_patterns

# Not public pages: editors' admin, upload endpoints, files.
NOT_PUBLIC = ("/admin/", "/ckeditor5/", "/media/", "/static/")
# Reached only with state a crawler does not have: a signed reference, or a
# one-time token from an e-mail (by its parameter's name). Their own tests cover them.
STATEFUL = {
    "/zglos/dziekujemy/": "needs the signed reference of a submission (tests/submissions cover it)",
    "/organizacje/<slug>/aktualizacja/dziekujemy/": "needs the signed value of a sent update (tests/organizations)",
}
SECRET_PARAMETERS = {"token"}
# A page type no link leads to: the 404 page.
NOT_FOUND_PATH = "/nie-ma-takiej-strony/"

_LOC = re.compile(r"<loc>([^<]+)</loc>")  # sitemaps
_PARAMETER = re.compile(r"<(?:[^<>:]+:)?([^<>]+)>")


@dataclass
class Pages:
    pages: dict = field(default_factory=dict)  # pattern label -> path of an HTML page
    other: dict = field(default_factory=dict)  # pattern label -> path of a feed, export, file
    unreached: list = field(default_factory=list)  # labels of patterns with parameters nothing reached

    @property
    def paths(self):
        return [*self.pages.values(), NOT_FOUND_PATH]


def label_of(path):
    """The URL pattern a path belongs to, as tests.discovery labels it
    ("/kalendarz/<year>/<month>/"), or None."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    return "/" + _PARAMETER.sub(r"<\1>", match.route.removeprefix("^").removesuffix("$").removesuffix("\\Z"))


def links(content, content_type):
    """Same-site paths linked from a page or listed in a sitemap (no fragment)."""
    found = _LOC.findall(content) if "xml" in content_type else parse_page(content).links
    for href in found:
        href = href.strip().partition("#")[0]
        if href.startswith(("http://testserver/", "https://testserver/")):
            href = urlsplit(href)._replace(scheme="", netloc="").geturl()
        if href.startswith("/") and not href.startswith("//"):
            yield href


def is_public(label):
    return not label.startswith(NOT_PUBLIC)


def discover(client=None):
    """Crawl the site from its parameterless patterns and its sitemap, then
    fill the patterns no link reached: one sample path per pattern. Needs
    the database (demo content loaded)."""
    client = client or Client()
    patterns = {pattern.label: pattern for pattern in url_patterns() if is_public(pattern.label)}
    found = Pages()
    seen = set()

    def visit(path, label):
        seen.add(label)
        response = get(client, path)  # a streamed export is read to its end
        if response.status_code != 200:
            return response.status_code
        if response.streaming:
            found.other[label] = path
            return 200
        content_type = response["Content-Type"]
        content = response.content.decode("utf-8", errors="replace")
        if content_type.startswith("text/html") and "<html" in content:
            found.pages[label] = path
        else:
            found.other[label] = path
        if content_type.startswith(("text/html", "application/xml")):
            queue.extend(links(content, content_type))
        return 200

    def crawl():
        while queue:
            path = queue.popleft()
            label = label_of(path)
            if label in patterns and label not in seen and label not in STATEFUL:
                status = visit(path, label)
                # A parameterless pattern may be no page by itself (POST only, a redirect).
                assert status == 200 or not patterns[label].params, f"{path} answered {status}"

    # The sitemap (a pattern without parameters) is crawled like a page.
    queue = deque(pattern.path({}) for pattern in patterns.values() if not pattern.params)
    crawl()
    for label, pattern in patterns.items():
        if label in seen or label in STATEFUL or not pattern.params or SECRET_PARAMETERS & set(pattern.params):
            continue
        if visit(fill(pattern, client), label) == 200:
            crawl()  # what the filled page links to
        else:
            found.unreached.append(label)
    return found
