"""The portal as two app servers over one PostgreSQL and one shared cache, and Redis going away.

Real gunicorn processes (two workers each) on loopback, talking to the test
database; run against the default cache (the database table) and Redis.
"""

import os
import subprocess
import time

import pytest
from django.conf import settings

from news.models import News
from submissions.models import Submission
from tests.app_servers import AppServer, Browser
from tests.conftest import ROOT
from tests.factories import PASSWORD
from tests.news.factories import NewsFactory
from tests.submissions.helpers import contact_data

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def two_servers(shared_cache, site_settings, tmp_path):
    redis_url = settings.CACHES["default"]["LOCATION"] if shared_cache == "redis" else None
    servers = []
    try:
        for name in ("a", "b"):
            servers.append(
                AppServer(redis_url=redis_url, log_path=tmp_path / f"{name}.log", SUBMISSIONS_RATE_LIMIT="5")
            )
        yield [server.wait_until_ready() for server in servers]
    finally:
        for server in servers:
            server.stop()


def test_two_app_servers_share_sessions_tokens_limits_and_invalidation(two_servers, editor):
    a, b = two_servers
    NewsFactory(title="Artykuł z wczoraj")
    visitor = Browser()
    assert visitor.get("/", server=b).header("X-Page-Cache") == "miss"
    assert visitor.get("/", server=b).header("X-Page-Cache") == "hit"

    # An editor's session from server A is valid on server B.
    editor_browser = Browser(a)
    token = editor_browser.csrf_token("/admin/login/")
    login = editor_browser.post(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": editor.username, "password": PASSWORD, "next": "/admin/"},
    )
    assert (login.status, login.header("Location")) == (302, "/admin/")
    assert editor_browser.get("/admin/", server=b).status == 200
    assert Browser(b).get("/admin/").status == 302  # without the session: the login page

    # An article published through server A is on server B's home page at once.
    draft = NewsFactory(title="Nowy program dla seniorów", status=News.Status.DRAFT, published_at=None)
    transition = f"/admin/news/news/{draft.pk}/stan/publish/"
    token = editor_browser.csrf_token(transition)
    saved = editor_browser.post(transition, {"csrfmiddlewaretoken": token, "reason": ""})
    assert saved.status == 302, saved.text[:2000]
    assert News.objects.published().filter(pk=draft.pk).exists()
    home = visitor.get("/", server=b)
    assert (home.header("X-Page-Cache"), "Nowy program dla seniorów" in home.text) == ("miss", True)

    # A single-use form token accepted by server A is refused by server B.
    resident = Browser()
    data = {**contact_data(), "csrfmiddlewaretoken": resident.csrf_token("/kontakt/", server=a)}
    assert resident.post("/kontakt/", data, server=a).status == 302
    assert resident.post("/kontakt/", data, server=b).status == 400
    assert Submission.objects.count() == 1

    # The rate limit (5 per window here) counts attempts on both servers: two
    # above, three more, then 429 from whichever server.
    statuses = []
    for server in (a, b, a, b):
        data = {**contact_data(), "csrfmiddlewaretoken": resident.csrf_token("/kontakt/", server=server)}
        statuses.append(resident.post("/kontakt/", data, server=server).status)
    assert statuses == [302, 302, 302, 429]
    assert Submission.objects.count() == 4


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of this test's own, which it may stop and start."""
    script = ROOT / "scripts" / "localredis"
    env = {**os.environ, "LOCALREDIS_DIR": str(tmp_path / "redis")}

    def run(command):
        return subprocess.run([script, command], env=env, check=True, capture_output=True, text=True).stdout.strip()

    run("start")
    yield run
    run("stop")


def test_without_redis_pages_are_served_and_submissions_stored_then_it_recovers_by_itself(
    own_redis, site_settings, tmp_path
):
    NewsFactory(title="Komunikat o zasiłkach")
    server = AppServer(redis_url=own_redis("url"), log_path=tmp_path / "server.log", workers=2)
    try:
        server.wait_until_ready()
        visitor = Browser(server)
        visitor.get("/")
        assert visitor.get("/").header("X-Page-Cache") == "hit"

        own_redis("stop")
        pages = [visitor.get("/") for _ in range(30)]
        assert {page.status for page in pages} == {200}
        assert all("Komunikat o zasiłkach" in page.text and page.header("X-Page-Cache") is None for page in pages)
        resident = Browser(server)
        data = {**contact_data(), "csrfmiddlewaretoken": resident.csrf_token("/kontakt/")}
        assert resident.post("/kontakt/", data).status == 302
        assert Submission.objects.count() == 1
        # Logged once per worker process, not once per request.
        outages = server.log().count("Shared cache Redis unavailable")
        assert 1 <= outages <= 2

        own_redis("start")
        # Each worker that saw the outage notices the recovery on its own next
        # request; which worker takes a request is the kernel's choice, so keep
        # asking until every one of them has served a cached page again.
        deadline = time.monotonic() + 30
        while not (
            visitor.get("/").header("X-Page-Cache") == "hit"
            and server.log().count("Shared cache Redis is back") == outages
        ):
            assert time.monotonic() < deadline, "the page cache did not come back in every worker"
            time.sleep(0.2)
        assert server.log().count("Shared cache Redis unavailable") == outages
    finally:
        server.stop()
