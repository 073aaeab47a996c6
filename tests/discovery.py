"""What the suite-wide tests find by themselves: upload fields, URL patterns
(filled with real objects), the query parameters views read, the forms pages
show, the links a page prints.

Nothing here lists a page, a parameter or a field: a new one is covered by
the hostile-input and upload tests without anyone remembering to add it.
"""

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.http import QueryDict
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.regex_helper import normalize

PROJECT_ROOT = Path(settings.BASE_DIR).resolve()


def project_app_configs():
    """Our own apps (not Django's or third-party ones)."""
    return [
        config
        for config in apps.get_app_configs()
        if PROJECT_ROOT in Path(config.path).resolve().parents and ".venv" not in Path(config.path).parts
    ]


def project_models():
    return [model for config in project_app_configs() for model in config.get_models() if not model._meta.proxy]


def upload_fields():
    """(model, field) for every file or image field of the project's concrete models."""
    return [
        (model, field)
        for model in project_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


# URL patterns -----------------------------------------------------------------


@dataclass
class Pattern:
    """A leaf URL pattern: its reverse format ("kalendarz/%(year)s/"), parameters and defaults."""

    format: str
    params: list
    converters: dict
    default_kwargs: dict
    view: object

    @property
    def label(self):
        return "/" + self.format.replace("%(", "<").replace(")s", ">")

    def path(self, values):
        return "/" + self.format % {name: values[name] for name in self.params}


def _strip(regex):
    regex = regex.removeprefix("^")
    return regex.removesuffix("\\Z").removesuffix("$")


def url_patterns(patterns=None, prefix="", converters=None, default_kwargs=None):
    """Every leaf pattern of the URL conf, includes flattened."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    found = []
    for entry in patterns:
        regex = prefix + _strip(entry.pattern.regex.pattern)
        entry_converters = {**(converters or {}), **getattr(entry.pattern, "converters", {})}
        entry_defaults = {
            **(default_kwargs or {}),
            **(getattr(entry, "default_kwargs", None) or getattr(entry, "default_args", None) or {}),
        }
        if isinstance(entry, URLResolver):
            found += url_patterns(entry.url_patterns, regex, entry_converters, entry_defaults)
        elif isinstance(entry, URLPattern):
            for fmt, params in normalize(regex):
                found.append(Pattern(fmt, list(params), entry_converters, entry_defaults, entry.callback))
    return found


def candidate_values(pattern, name):
    """Values worth trying for one URL parameter, real ones first.

    Field values of that name from every project model in the database
    (slugs of news, organizations, events, categories…: one of each model in
    turn, so every kind is tried early), today's date parts for
    year/month/day, the keys of a dict the pattern passes to its view (the
    sitemap sections), stored file names for a path.
    """
    today = timezone.localdate()
    groups = []
    if name in ("year", "month", "day"):
        groups.append([str(getattr(today, name))])
    for model in project_models():
        if name in {f.name for f in model._meta.concrete_fields}:
            groups.append([str(v) for v in model._default_manager.values_list(name, flat=True)[:20] if v])
    for value in pattern.default_kwargs.values():
        if isinstance(value, dict):
            groups.append([str(key) for key in value])
    if name == "path":
        for model, file_field in upload_fields():
            groups.append([v for v in model._default_manager.values_list(file_field.name, flat=True)[:3] if v])
    if name == "token":
        groups.append(emailed_tokens())
    interleaved = [v for round_ in itertools.zip_longest(*groups) for v in round_ if v is not None]
    return list(dict.fromkeys([*interleaved, "1"]))


def emailed_tokens():
    """Working tokens of the links the site sends by e-mail, for a `token` URL parameter.

    Nothing in the database gives them back (a one-time link keeps only its
    hash; the yearly e-mail's links are signed), so real ones are issued
    here, for a listed organization with an address. A page taking a token
    of another kind answers 400 to all of these; the hostile-input test's
    check that every token page was found working then fails until it is
    added here.
    """
    from organizations import links
    from organizations.models import Organization, UpdateLink

    organization = Organization.objects.listed().exclude(email="").order_by("pk").first()
    if organization is None:
        return []
    _link, token = UpdateLink.issue(organization)
    return [token, *(links.make_token(organization, salt=salt) for salt in (links.CONFIRM_SALT, links.STOP_SALT))]


def fill(pattern, client, limit=60):
    """The pattern's path with the first parameter values that answer 200 (else the first tried)."""
    if not pattern.params:
        return pattern.path({})
    choices = [candidate_values(pattern, name) for name in pattern.params]
    first = None
    for combination in itertools.islice(itertools.product(*choices), limit):
        path = pattern.path(dict(zip(pattern.params, combination, strict=True)))
        first = first or path
        if get(client, path).status_code == 200:
            return path
    return first


def get(client, path, **extra):
    """client.get() that reads a streamed answer to the end (the test client then closes its file)."""
    response = client.get(path, **extra)
    if response.streaming:
        response.streamed = b"".join(response.streaming_content)
    return response


# Responses --------------------------------------------------------------------


def contexts(response):
    """Every template context dict a response was rendered with."""
    context = response.context
    if context is None:
        return []
    if not isinstance(context, list):
        context = [context]
    return [d for c in context for d in getattr(c, "dicts", [c])]


def forms_in(response):
    """Form instances the page was rendered with (one each)."""
    found = {}
    for context in contexts(response):
        for value in context.values():
            if isinstance(value, forms.BaseForm):
                found[id(value)] = value
    return list(found.values())


class PageParser(HTMLParser):
    """Links (every URL-valued attribute) and forms (method, action, field names) of a page."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if value is None:
                continue
            if name in self.URL_ATTRIBUTES:
                self.links.append(value)
            elif name in ("srcset", "imagesrcset"):
                self.links += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.links.append((attrs.get("content") or "").partition("=")[2])
        if tag == "form":
            self.forms.append(
                {
                    "method": (attrs.get("method") or "get").lower(),
                    "action": attrs.get("action") or "",
                    "fields": [],
                    "values": {},
                }
            )
        elif tag in ("input", "select", "textarea", "button") and self.forms and attrs.get("name"):
            self.forms[-1]["fields"].append(attrs["name"])
            # What a browser sends without anyone typing: hidden and prefilled inputs.
            kind = (attrs.get("type") or "text").lower()
            if tag == "input" and kind not in ("submit", "button", "file", "checkbox", "radio", "image"):
                self.forms[-1]["values"][attrs["name"]] = attrs.get("value") or ""


def parse_page(html):
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


def off_site_links(response, request_path, hosts):
    """Links in a response (body and Location) that a browser would follow to one of `hosts`."""
    links = []
    if response.has_header("Location"):
        links.append(response["Location"])
    if "html" in response.get("Content-Type", ""):
        links += parse_page(response.content.decode(errors="replace")).links
    base = "http://testserver" + (request_path if request_path.startswith("/") else "/")
    bad = []
    for link in links:
        # Browsers read a backslash as a slash and drop tabs and newlines in URLs.
        normalised = re.sub(r"[\t\n\r]", "", link).replace("\\", "/").strip()
        host = urlsplit(urljoin(base, normalised)).hostname or ""
        if any(host == h or host.endswith("." + h) for h in hosts):
            bad.append(link)
    return bad


# Query parameters a view reads --------------------------------------------------


class RecordingQueryDict(QueryDict):
    """request.GET that remembers every key a view, form or template asked for."""

    seen = set()

    def __getitem__(self, key):
        RecordingQueryDict.seen.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        RecordingQueryDict.seen.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        RecordingQueryDict.seen.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        RecordingQueryDict.seen.add(key)
        return super().__contains__(key)


def recording_middleware(get_response):
    """Test-only middleware: request.GET (and a form-encoded request.POST)
    record the keys read (see RecordingQueryDict)."""

    def middleware(request):
        request.GET = RecordingQueryDict(request.META.get("QUERY_STRING", ""))
        if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            request.POST = RecordingQueryDict(request.body.decode())
        return get_response(request)

    return middleware


def is_staff_only(response):
    """Anonymous visitors are sent to the admin login: not a public page."""
    return response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


@dataclass
class Page:
    """A public page found from the URL conf, with what it reads and shows."""

    pattern: Pattern
    path: str
    status: int
    query_keys: set = field(default_factory=set)
    post_forms: list = field(default_factory=list)  # form instances the page posts back to itself
    post_keys: set = field(default_factory=set)  # what a POST-only endpoint reads


def form_field_names(form):
    """The names a form reads from request data (widgets with several inputs included)."""
    names = set()
    for bound in form:
        widget = bound.field.widget
        subwidgets = getattr(widget, "widgets", None)
        if subwidgets:
            names |= {bound.html_name + suffix for suffix in getattr(widget, "widgets_names", [])}
        else:
            names.add(bound.html_name)
    return names


def html_forms(response):
    if "html" not in response.get("Content-Type", ""):
        return []
    return parse_page(response.content.decode(errors="replace")).forms


def discover_pages(client):
    """Every public URL pattern, filled with real objects, with the query
    keys its page reads (recorded, plus the fields of its GET forms) and
    the forms it posts (context forms matched to the page's POST forms).

    POST-only endpoints (405 to GET) are found too: an empty POST records
    the keys they read.
    """
    pages = []
    recording = [recording_middleware.__module__ + ".recording_middleware", *settings.MIDDLEWARE]
    with override_settings(MIDDLEWARE=recording):
        for pattern in url_patterns():
            path = fill(pattern, client)
            RecordingQueryDict.seen = set()
            # A query string, so that views binding a form only to a
            # non-empty query (`Form(request.GET or None)`) read every field.
            response = get(client, path, QUERY_STRING="pps-discovery=1")
            if is_staff_only(response):
                continue
            page = Page(pattern=pattern, path=path, status=response.status_code)
            page.query_keys = RecordingQueryDict.seen - {"pps-discovery"}
            forms_html = html_forms(response)
            for form_html in forms_html:
                if form_html["method"] == "get" and form_html["action"] in ("", path):
                    page.query_keys |= set(form_html["fields"])
            posted = [f for f in forms_html if f["method"] == "post" and f["action"] in ("", path)]
            for form in forms_in(response):
                names = form_field_names(form)
                if any(names <= set(f["fields"]) for f in posted):
                    page.post_forms.append(form)
            if response.status_code == 405:
                RecordingQueryDict.seen = set()
                post = client.post(path, "pps-discovery=1", content_type="application/x-www-form-urlencoded")
                if not is_staff_only(post):
                    page.post_keys = RecordingQueryDict.seen - {"pps-discovery"}
            pages.append(page)
    return pages
