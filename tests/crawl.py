"""Every public page type, found the way a crawler finds them.

A page type is a route of the URL conf. Samples come from the routes without
parameters and from the links and sitemap entries found from there (the demo
content links every kind of page), so a new section, page or parameter is
covered by the discovery-based tests without anyone listing it. A route with
parameters that nothing links to is reported, not skipped.
"""

import html
import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

# Not public pages: editors' admin, upload endpoints, files.
NOT_PUBLIC = ("/admin/", "/ckeditor5/", "/media/", "/static/")
# Reached only with state a crawler does not have.
STATEFUL_ROUTES = {
    "zglos/dziekujemy/": "needs the signed reference of a submission (tests/submissions cover it)",
}
# A page type no link leads to: the 404 page.
NOT_FOUND_PATH = "/nie-ma-takiej-strony/"

_HREF = re.compile(r'\shref="([^"]+)"')
_LOC = re.compile(r"<loc>([^<]+)</loc>")  # sitemaps


@dataclass
class Pages:
    pages: dict = field(default_factory=dict)  # route -> path of an HTML page
    other: dict = field(default_factory=dict)  # route -> path of a feed, export, file
    unreached: list = field(default_factory=list)  # routes with parameters no link led to

    @property
    def paths(self):
        return [*self.pages.values(), NOT_FOUND_PATH]


def routes(patterns=None, prefix=""):
    """Every route of the URL conf as (route, has_parameters)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, bool(pattern.pattern.converters) or "(?P<" in route


def links(content):
    """Same-site paths linked from a page or listed in a sitemap (no fragment)."""
    for href in _HREF.findall(content) + _LOC.findall(content):
        href = html.unescape(href).partition("#")[0]
        if href.startswith(("http://testserver/", "https://testserver/")):
            href = urlsplit(href)._replace(scheme="", netloc="").geturl()
        if href.startswith("/") and not href.startswith("//"):
            yield href


def route_of(path):
    try:
        return resolve(urlsplit(path).path).route
    except Resolver404:
        return None


def discover(client=None):
    """Crawl the site from its parameterless routes and its sitemap: one
    sample path per route. Needs the database (demo content loaded)."""
    client = client or Client()
    all_routes = dict(routes())
    # The sitemap (a route without parameters) is crawled like a page.
    start = [f"/{route}" for route, has_parameters in all_routes.items() if not has_parameters]
    found = Pages()
    seen_routes = set()
    queue = deque(start)
    while queue:
        path = queue.popleft()
        route = route_of(path)
        if route is None or route in seen_routes or path.startswith(NOT_PUBLIC) or route in STATEFUL_ROUTES:
            continue
        response = client.get(path)
        if response.status_code in (301, 302, 404, 405) and not all_routes.get(route):
            # A parameterless route that is not a page by itself (POST only, a redirect).
            seen_routes.add(route)
            continue
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        seen_routes.add(route)
        if response.streaming:  # exports
            response.close()
            found.other[route] = path
            continue
        content = response.content.decode("utf-8", errors="replace")
        if response["Content-Type"].startswith("text/html") and "<html" in content:
            found.pages[route] = path
        else:
            found.other[route] = path
        if response["Content-Type"].startswith(("text/html", "application/xml")):
            queue.extend(links(content))
    found.unreached = [
        route
        for route, has_parameters in all_routes.items()
        if has_parameters and route not in seen_routes and not f"/{route.lstrip('^')}".startswith(NOT_PUBLIC)
    ]
    return found
