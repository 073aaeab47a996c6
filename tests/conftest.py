import os
import subprocess
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django refuses
# ORM calls from such a thread unless told it is safe (it is: one thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    """Compile the catalogues (Polish plural forms, Ukrainian, English) if `make` has not (plain `pytest` runs)."""
    import subprocess
    from pathlib import Path

    compiled = False
    for po in (Path(__file__).resolve().parent.parent / "locale").glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)
            compiled = True
    if compiled:
        # Django may have loaded the catalogues already (pytest-django sets it
        # up first); its own settings signal makes it read them again.
        from django.conf import settings
        from django.test.signals import setting_changed

        setting_changed.send(sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: Playwright cannot download its own browser here."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "pl-PL", "timezone_id": "Europe/Warsaw"}


@pytest.fixture
def site_settings(db):
    from pps_portal.demo import seed_site
    from pps_portal.models import SiteSettings

    seed_site()
    return SiteSettings.load()


def _group_from_migrations(name, attribute):
    """A permission group as the data migrations build it.

    Transactional (browser) tests flush the rows migrations created, so the
    group is rebuilt here from the permission lists of every migration that
    has one (`PERMISSIONS` for editors, `REVIEWER_PERMISSIONS` for reviewers).
    """
    import sys

    from django.contrib.auth.models import Group, Permission
    from django.db.migrations.loader import MigrationLoader

    group, _created = Group.objects.get_or_create(name=name)
    for migration in MigrationLoader(None, ignore_no_migrations=True).disk_migrations.values():
        for dotted in getattr(sys.modules[migration.__module__], attribute, []):
            app_label, codename = dotted.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group


@pytest.fixture
def editor_group(db):
    """The Editor group ("Redaktorzy"), as the data migrations build it."""
    from pps_portal.permissions import EDITOR_GROUP

    return _group_from_migrations(EDITOR_GROUP, "PERMISSIONS")


@pytest.fixture
def reviewer_group(db):
    """The Reviewer group ("Moderatorzy"), as the data migrations build it."""
    from pps_portal.permissions import REVIEWER_GROUP

    return _group_from_migrations(REVIEWER_GROUP, "REVIEWER_PERMISSIONS")


@pytest.fixture
def editor(editor_group):
    """A city editor: staff in the Editor group, not a superuser (password: tests.factories.PASSWORD)."""
    from tests.factories import UserFactory

    user = UserFactory(username="redaktorka", is_staff=True)
    user.groups.add(editor_group)
    return user


@pytest.fixture
def editor_client(client, editor):
    """A test client logged in as `editor` (also at `client.user`)."""
    client.force_login(editor)
    client.user = editor
    return client


@pytest.fixture(autouse=True)
def _source_language():
    """Each test starts in Polish: a request to /uk/ or /en/ leaves its
    language active in the thread (as a request does in a server thread),
    which would send the next test's reverse() and factories there."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _database_fixture(request):
    """The database fixture a test uses ("db" / "transactional_db"), None without database access."""
    marker = request.node.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction") or {"transactional_db", "live_server"} & set(request.fixturenames):
        return "transactional_db"
    if marker or "db" in request.fixturenames:
        return "db"
    return None


@pytest.fixture(scope="session", autouse=True)
def _no_sessions_left_on_the_test_database(django_db_setup, django_db_blocker):
    """Before the test database is dropped, end the sessions live servers leave.

    A live server's request thread keeps its database session while the
    browser keeps that keep-alive socket open, and closes it only when the
    socket closes: at the end of the run that can come after the database's
    teardown, which then fails ("being accessed by other users").
    Torn down just before django_db_setup, which this depends on.
    """
    yield
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql" and connection.settings_dict["NAME"].startswith("test_"):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            connection.close()


@pytest.fixture(scope="session")
def _committed_horizon(django_db_setup, django_db_blocker):
    """How far the migrated test database stores series (committed: no test rolls it back)."""
    from calendar_app.models import OccurrenceHorizon

    with django_db_blocker.unblock():
        return OccurrenceHorizon.objects.get().until


@pytest.fixture(autouse=True)
def _calendar_horizon(_committed_horizon):
    """The calendar remembers the stored horizon in process memory; what a test extended is rolled back."""
    from calendar_app import services

    services.forget_known_until(_committed_horizon)
    yield
    services.forget_known_until(_committed_horizon)


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Rate-limit counters, tokens and cached pages never leak between tests.

    The default cache is the database table (settings without REDIS_URL),
    so it is cleared through the test's own database access; after a test
    whose transaction broke on purpose (an IntegrityError test) it cannot be
    cleared before the rollback, which drops its rows anyway. Outage state
    (pps_portal.caches) is forgotten too.
    """
    from django.core.cache import cache
    from django.db import connection

    from pps_portal import caches

    caches.forget_outages()
    database = _database_fixture(request)
    if database is None:
        yield
        return
    if "demo_site" in request.fixturenames:
        # Its pages come from its own live server on its own connections:
        # a clear inside this test's transaction would keep the cache rows
        # locked until the test ends, and the server wait for them. That
        # module keeps its cache (same content throughout) and lifts the rate limit.
        yield
        caches.forget_outages()
        return
    request.getfixturevalue(database)
    cache.clear()
    yield
    caches.forget_outages()
    if not connection.needs_rollback:
        cache.clear()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run transactional (browser) tests after all other database tests.

    They flush the database, rows made by data migrations included, so a
    plain db test after them would miss e.g. the Editor group. pytest-django
    sorts them last, but pytest's own grouping of session-parametrized
    fixtures (Playwright's browser) can undo that; this runs after both.
    """

    def is_transactional(item):
        marker = item.get_closest_marker("django_db")
        # demo_site (tests/portal/test_every_page.py) serves the demo content
        # from its own live server and flushes the database afterwards.
        return bool(marker and marker.kwargs.get("transaction")) or bool(
            {"transactional_db", "live_server", "demo_site"} & set(getattr(item, "fixturenames", ()))
        )

    def shares_the_demo_site(item):
        # Last and together: pytest's grouping by the browser parameter would
        # otherwise split the module, and its demo content be loaded twice.
        return "demo_site" in getattr(item, "fixturenames", ())

    items.sort(key=lambda item: (is_transactional(item), shares_the_demo_site(item)))


@pytest.fixture(scope="session")
def redis_url():
    """The project-local Redis server (scripts/localredis; `make test` starts it, else this does).

    Each pytest-xdist worker gets its own Redis database number.
    """
    script = ROOT / "scripts" / "localredis"
    subprocess.run([script, "start"], check=True, capture_output=True)
    url = subprocess.run([script, "url"], check=True, capture_output=True, text=True).stdout.strip()
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    return f"{url}?db={int(worker) % 16}"


def cache_settings(kind, redis_url=None):
    """CACHES for the default cache (the database table) or the real Redis server."""
    if kind == "redis":
        return {"default": {"BACKEND": "pps_portal.caches.RedisCache", "LOCATION": redis_url}}
    return {"default": {"BACKEND": "pps_portal.caches.DatabaseCache", "LOCATION": "pps_cache"}}


@pytest.fixture(params=["database", "redis"])
def shared_cache(request, settings):
    """Runs the test against the default cache (the database table) and against real Redis."""
    settings.CACHES = cache_settings(
        request.param, request.getfixturevalue("redis_url") if request.param == "redis" else None
    )
    from django.core.cache import cache

    cache.clear()
    yield request.param
    cache.clear()
