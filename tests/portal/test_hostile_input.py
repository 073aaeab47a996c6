"""Hostile input on every public URL, query parameter and form, found by
the suite itself (tests.discovery): a new page, parameter or form is covered
without anyone adding it here.

Every answer must be a page (never a 500), must not reflect a payload
unescaped, must not link off the site to a host that came from the
request, and must keep the site's promises (a 429 says when to come back,
a page with a form is never stored).
"""

from urllib.parse import quote, urlencode

import pytest
from django.db import transaction
from django.test import Client, override_settings

from tests.discovery import discover_pages, off_site_links, parse_page
from tests.submissions.helpers import VALID_DATA

pytestmark = pytest.mark.django_db

HOST = "evil.example"
# Payloads that are only harmless when escaped.
XSS = ['<script>alert("pps")</script>', '"><svg onload=alert(1)>', "'><img src=x onerror=alert(1)>"]
# One value of each hostile kind: SQL metacharacters, control characters and
# NUL, very long values, huge and negative numbers, impossible dates, path
# traversal, other hosts.
VALUES = [
    "' OR '1'='1' --",
    '"; DROP TABLE news_news; --',
    "%_\\",
    "\x00",
    "\x01\x08\x1b\x7f\r\n",
    "a" * 10_000,
    "9" * 40,
    "-99999999999999999999",
    "2147483648",
    "1e309",
    "NaN",
    "2026-13-45",
    "../../../../etc/passwd",
    f"//{HOST}/",
    f"/\\{HOST}/",
    f"https://{HOST}/",
    "żółć 😀",
    XSS[0],
]
# Raw query strings: invalid UTF-8 and percent-escapes that decode to nothing sensible.
RAW_VALUES = ["%FF%FE%C3%28", "%C0%AF%E2%82", "%%00"]
# Values put into URL path parameters (percent-encoded, as a browser sends them).
PATH_VALUES = [
    "0",
    "-1",
    "9" * 40,
    "2147483648",
    "%00",
    "%FF%FE",
    "..%2F..%2Fetc%2Fpasswd",
    "a" * 300,
    quote(XSS[0], safe=""),
    quote("żółć", safe=""),
    "x'--",
]
# Batching: every page gets each hostile value in all its keys at once; a
# key also gets each value on its own (another key's error cannot then hide
# it) on the first page that reads it.
PAGES_PER_KEY_ALONE = 1


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """Demo-like content from every app's own demo loader, and the pages found.

    Made once for the module inside a transaction rolled back at its end
    (each test's own transaction nests inside it), so seeding and discovery
    are paid for once and nothing is left behind for other tests.
    """
    from pps_portal.management.commands.seed_demo import seeders

    with django_db_blocker.unblock(), transaction.atomic(), override_settings(SUBMISSIONS_RATE_LIMIT=1_000_000):
        for seed in seeders():
            seed()
        yield discover_pages(Client(raise_request_exception=False))
        transaction.set_rollback(True)


def problems(response, request_path, description):
    """What is wrong with one answer (an empty list when nothing is)."""
    found = []
    if response.status_code >= 500:
        found.append(f"{response.status_code}")
    if response.status_code == 429 and not response.has_header("Retry-After"):
        found.append("429 without Retry-After")
    content_type = response.get("Content-Type", "")
    if response.streaming:
        b"".join(response.streaming_content)  # read it: the test client then closes the file
    elif "html" in content_type:
        html = response.content.decode(errors="replace")
        found += [f"payload reflected unescaped: {p[:30]}" for p in XSS if p in html]
        links = parse_page(html).links
        found += [f"script link: {link[:60]}" for link in links if link.strip().lower().startswith("javascript:")]
        if "csrfmiddlewaretoken" in html and "no-store" not in response.get("Cache-Control", ""):
            found.append("a page with a form without Cache-Control: no-store")
    found += [f"off-site link: {link[:80]}" for link in off_site_links(response, request_path, {HOST})]
    return [f"{description}: {problem}" for problem in found]


def query(params):
    return urlencode(params, doseq=True)


def shared_keys(pages):
    """Keys read on nearly every page (by shared code such as the mini calendar)."""
    html_pages = [page for page in pages if page.status == 200 and page.query_keys]
    counts = {}
    for page in html_pages:
        for key in page.query_keys:
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= 0.8 * len(html_pages)}


def test_discovery_finds_the_pages_their_parameters_and_their_forms(site):
    labels = {page.pattern.label for page in site}
    keys = {key for page in site for key in page.query_keys}
    forms = {type(form).__name__ for page in site for form in page.post_forms}
    assert {"/", "/kalendarz/wydarzenia/", "/organizacje/<slug>/", "/kalendarz/<year>/<month>/<day>/"} <= labels
    assert {"kalendarz", "page", "q", "od", "obszar"} <= keys
    assert set(VALID_DATA) <= forms
    assert not any(label.startswith("/admin/") and label != "/admin/login/" for label in labels - {"/admin/logout/"})
    # Pages behind a link from an e-mail are found working (tests.discovery.emailed_tokens),
    # so their forms get hostile input too, not only the "bad link" page.
    token_pages = {page.pattern.label: page.status for page in site if "token" in page.pattern.params}
    assert len(token_pages) >= 3 and set(token_pages.values()) == {200}
    assert "OrganizationUpdateForm" in forms


def test_no_query_parameter_value_breaks_a_page(site, visitor):
    found = []
    alone = {}
    batched = set()
    shared = shared_keys(site)
    for page in site:
        base, keys = page.path, sorted(page.query_keys)
        checks = [
            (f"{base}?{query({'x': XSS[1]})}", "an unknown key"),
            (f"{base}?x={RAW_VALUES[0]}", "invalid UTF-8"),
            (f"{base}?" + "&".join(f"p{n}=1" for n in range(1001)), "1001 fields"),
        ]
        checks.append((f"{base}?{query(dict.fromkeys(keys or ['x'], XSS[0]))}", "all keys=XSS"))
        # The same view reading the same keys (a month and this month, a
        # category's list and the list) is batched once; so are keys that
        # shared code reads on nearly every page (the mini calendar's).
        if set(keys) - shared and (page.pattern.view, tuple(keys)) not in batched:
            batched.add((page.pattern.view, tuple(keys)))
            for value in [*VALUES, *XSS[1:]]:
                checks.append((f"{base}?{query(dict.fromkeys(keys, value))}", f"all keys={value[:20]!r}"))
            for raw in RAW_VALUES:
                checks.append((f"{base}?" + "&".join(f"{quote(key)}={raw}" for key in keys), f"all keys={raw}"))
            repeated = [(key, value) for key in keys for value in ("1", "2", f"//{HOST}/")]
            checks.append((f"{base}?{query(repeated)}", "repeated keys"))
        for key in keys:
            alone[key] = alone.get(key, 0) + 1
            if alone[key] <= PAGES_PER_KEY_ALONE:
                checks += [(f"{base}?{query({key: value})}", f"{key}={value[:20]!r}") for value in VALUES]
                checks += [(f"{base}?{quote(key)}={raw}", f"{key}={raw}") for raw in RAW_VALUES]
        for url, description in checks:
            found += problems(visitor.get(url), base, f"GET {base} {description}")
    assert found[:40] == []


def test_no_path_value_breaks_a_page(site, visitor):
    found = []
    for page in site:
        pattern = page.pattern
        for name in pattern.params:
            for value in PATH_VALUES:
                path = pattern.path({**dict.fromkeys(pattern.params, "1"), name: value})
                found += problems(visitor.get(path), path, f"GET {pattern.label} {name}={value[:20]}")
        # The same page asked for as another host's address.
        for prefix in (f"//{HOST}", f"/\\{HOST}", f"/\\/{HOST}", f"/%09/{HOST}"):
            path = prefix + page.path
            # WSGI gives the path as bytes read as Latin-1.
            response = visitor.get("/", PATH_INFO=path.replace("%09", "\t").encode().decode("latin-1"))
            found += problems(response, path, f"GET {path}")
    assert found[:40] == []


def hostile_form_data(form, payload):
    """Valid data for the form (when the suite has some), every text field the payload."""
    name = type(form).__name__
    data = VALID_DATA[name]() if name in VALID_DATA else {}
    for field_name, field in form.fields.items():
        if field_name in ("form_token", "website_url"):
            continue
        if not hasattr(field, "choices") and getattr(field.widget, "input_type", "text") not in ("file", "checkbox"):
            data[field_name] = payload
    return data


def test_no_form_value_breaks_a_form(site, visitor):
    found = []
    for page in site:
        for form in page.post_forms:
            for payload in [*XSS, *VALUES[:13]]:
                response = visitor.post(page.path, hostile_form_data(form, payload))
                found += problems(response, page.path, f"POST {page.path} {type(form).__name__} {payload[:20]!r}")
        for key in sorted(page.post_keys):
            for value in [*XSS, *VALUES]:
                response = visitor.post(page.path, {key: value})
                found += problems(response, page.path, f"POST {page.path} {key}={value[:20]!r}")
    assert found[:40] == []
