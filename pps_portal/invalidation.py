"""When a cached public page stops being true, for every kind of content.

Two things change what a public page shows:

1. **A write.** Every INSERT, UPDATE, DELETE or TRUNCATE that Django sends
   to a table of a content model — a save(), a delete, an admin action, a
   queryset update(), bulk_create/bulk_update, an m2m change (its through
   table), a data migration, raw SQL through Django's cursor — is seen by
   an execute wrapper installed on every database connection. When the
   transaction commits (at once in autocommit), the shared content
   generation is replaced by a new random value, and every page cached
   under the old one is dead on every worker and every server. No app has
   to remember anything: a model is content unless settings name it in
   PAGE_CACHE_IGNORED_MODELS (sessions, login attempts, the moderation
   queue… things no public page shows). Writes Django never sees (psql by
   hand) need `manage.py clear_page_cache`; schema changes and new code are
   covered by a new generation after `migrate` and when a server starts
   with code that differs from the one the cached pages came from.

2. **Time.** A scheduled article appears at its minute, "today" moves at
   midnight, a finished event leaves "Nadchodzące", a grant call closes at
   its deadline. A cached page is served only until the earliest such
   moment, computed once per generation, so nothing needs a cron job:
   every date-time column of every content model is a moment by itself
   (`next_stored_moment`: a deadline, an event's start or end, a moved
   date; no app has to remember it), every kind on the editorial core adds
   its public items' publication and expiry times (its workflow), dates
   (DateField) change pages at the midnight of Europe/Warsaw, registered
   here for all, and apps register only what they derive from stored
   values (`register_time_based_change`: a series' next date, "a month
   after the end").

Race-free by construction: a request reads the generation *before* it
reads any content, and stores the page under the generation it read, so a
page rendered from data that changed meanwhile is stored under a dead
generation. A page rendered while a connection is inside a transaction
(uncommitted data) is never stored.
"""

import contextlib
import datetime
import functools
import hashlib
import operator
import os
import re
import secrets
import time
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.db import connections
from django.db.models import DateTimeField, Min, Q
from django.utils import timezone

from pps_portal.caches import CacheUnavailable

GENERATION_KEY = "pages:generation"
# (generation, unix time): until when a page rendered under that generation stays true.
UNTIL_KEY = "pages:until"

# -- the generation ----------------------------------------------------------


def current_generation(found):
    """The generation from a get_many() result that asked for GENERATION_KEY, created when missing.

    Missing means never set, evicted, or the cache was emptied: a value
    nobody has used before is as good as a bump.
    """
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = new_generation()
        if not shared_cache.add(GENERATION_KEY, generation, timeout=None):
            generation = shared_cache.get(GENERATION_KEY) or generation
    return generation


def new_generation():
    return secrets.token_hex(8)


def bump_generation():
    """Every cached page becomes dead, on every worker and server. Never raises."""
    # Logged once by the cache; cache_recovered bumps again when it is back.
    with contextlib.suppress(CacheUnavailable):
        shared_cache.set(GENERATION_KEY, new_generation(), timeout=None)


# -- writes ------------------------------------------------------------------

# Statements that may write; everything else (SELECT, SAVEPOINT, SET…) is skipped at once.
_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "WITH", "MERGE")
_IDENTIFIER = r'(?:"[^"]+"|[A-Za-z_][\w$]*)(?:\.(?:"[^"]+"|[A-Za-z_][\w$]*))?'
_TARGET = re.compile(
    rf"\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?"
    rf"({_IDENTIFIER}(?:\s*,\s*{_IDENTIFIER})*)",
    re.IGNORECASE,
)


def _table_name(identifier):
    """`"news_news"`, `public.news_news` → `news_news`."""
    return identifier.strip().rsplit(".", 1)[-1].strip('"')


def written_tables(sql):
    """The tables a statement may write to (empty for reads)."""
    if not isinstance(sql, str):
        sql = str(sql)
    if not sql.lstrip()[:8].upper().startswith(_WRITE_VERBS):
        return set()
    return {_table_name(name) for match in _TARGET.finditer(sql) for name in match.group(1).split(",")}


@cache
def content_tables():
    """Tables of every installed model except PAGE_CACHE_IGNORED_MODELS (app labels or app.Model).

    Computed once: the model registry does not change in a running process.
    Proxy models share their concrete model's table; auto-created m2m tables
    follow the model that declares the field.
    """
    ignored = set(settings.PAGE_CACHE_IGNORED_MODELS)

    def is_ignored(model):
        return model._meta.app_label in ignored or model._meta.label in ignored

    tables = set()
    for model in apps.get_models(include_auto_created=True):
        owner = model._meta.auto_created or model
        if model._meta.proxy or is_ignored(model) or is_ignored(owner):
            continue
        tables.add(model._meta.db_table)
    return frozenset(tables)


def _bump_is_pending(connection):
    return any(func is bump_generation for _sids, func, _robust in connection.run_on_commit)


_migrating = False


def migration_started(**kwargs):
    global _migrating
    _migrating = True


def migration_finished(**kwargs):
    global _migrating
    _migrating = False
    bump_generation()


def cache_back(**kwargs):
    bump_generation()


def source_changed(sender, file_path, **kwargs):
    """runserver's autoreloader saw a file change (`make run`): a template edit does not restart
    the server, so pages rendered with the old one are dropped here. Returns None: the reloader
    still decides whether to restart."""
    bump_generation()


# -- deployments ---------------------------------------------------------------

CODE_KEY = "pages:code"
_CODE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".po")
_NOT_CODE = {".git", ".venv", "node_modules", "var", "tests", "bench", "static", "__pycache__"}


def code_fingerprint():
    """A digest of what renders pages: the project's Python code, templates, translations and
    the collected static files' manifest (hashed names in pages)."""
    digest = hashlib.blake2b(digest_size=12)
    root = settings.BASE_DIR
    files = []
    for directory, subdirectories, names in os.walk(root):
        subdirectories[:] = [name for name in subdirectories if name not in _NOT_CODE]
        files += [Path(directory) / name for name in names if name.endswith(_CODE_SUFFIXES)]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.exists():
        files.append(manifest)
    for path in sorted(files):
        digest.update(str(path.relative_to(root) if path.is_relative_to(root) else path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def server_started():
    """Called once per worker at start (wsgi.py): when the code differs from the one the cached
    pages were rendered with, they are dropped. Workers of one deployment agree on who drops them
    (one atomic add per change of code), so restarting a worker costs nothing. Never raises."""
    fingerprint = code_fingerprint()
    with contextlib.suppress(CacheUnavailable):
        previous = shared_cache.get(CODE_KEY)
        if previous != fingerprint and shared_cache.add(f"{CODE_KEY}:{previous}:{fingerprint}", 1, timeout=3600):
            shared_cache.set(CODE_KEY, fingerprint, timeout=None)
            bump_generation()


def content_written(connection):
    """Content changed through `connection`: new generation after commit (at once in autocommit)."""
    if _migrating:
        return  # migration_finished() bumps once at the end
    if connection.in_atomic_block:
        if not _bump_is_pending(connection):
            connection.on_commit(bump_generation, robust=True)
    else:
        bump_generation()


def watch_writes(execute, sql, params, many, context):
    """Execute wrapper (installed on every connection): notice writes to content tables."""
    result = execute(sql, params, many, context)
    tables = written_tables(sql)
    if tables and not tables.isdisjoint(content_tables()):
        content_written(context["connection"])
    return result


def install_write_watch(sender, connection, **kwargs):
    """connection_created receiver. First in the list, so that a caller's own
    `connection.execute_wrapper()` context manager, which pops the last
    wrapper when it exits, never pops this one."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, watch_writes)


def in_transaction():
    """Whether any open connection of this thread is inside atomic(): its reads may be uncommitted."""
    return any(connection.in_atomic_block for connection in connections.all(initialized_only=True))


# -- time --------------------------------------------------------------------

_time_based_changes = []


def register_time_based_change(next_change):
    """Add `next_change(now, horizon)`: the first moment in (now, horizon] at which a public page of
    the app changes by itself (scheduled publication, expiry, an event ending…), or None.

    Usable as a decorator. Register from the app's AppConfig.ready().
    """
    if next_change not in _time_based_changes:
        _time_based_changes.append(next_change)
    return next_change


def unregister_time_based_change(next_change):
    if next_change in _time_based_changes:
        _time_based_changes.remove(next_change)


def next_time_based_change(now):
    """The earliest registered moment after `now`, at most PAGE_CACHE_MAX_AGE ahead."""
    horizon = now + datetime.timedelta(seconds=settings.PAGE_CACHE_MAX_AGE)
    moments = [horizon]
    for next_change in _time_based_changes:
        moment = next_change(now, horizon)
        if moment is not None and moment > now:
            moments.append(moment)
    return min(moments)


def generation_and_deadline(found):
    """(generation, unix time until which a page rendered now under it stays true).

    `found` is a get_many() result that asked for GENERATION_KEY and
    UNTIL_KEY, read before the page reads any content. The deadline is
    computed at most once per generation and time-based change (the
    registered queries run then), and shared through the cache. Cache errors
    propagate: the caller then does not store the page.
    """
    generation = current_generation(found)
    stored = found.get(UNTIL_KEY)
    now = time.time()
    if stored is not None and stored[0] == generation and stored[1] > now:
        return generation, stored[1]
    until = next_time_based_change(timezone.now()).timestamp()
    shared_cache.set(UNTIL_KEY, (generation, until), timeout=max(1, int(until - now) + 1))
    return generation, until


_INSTANT = datetime.timedelta(microseconds=1)


@cache
def stored_moment_fields():
    """{model: its field names}: every date-time column a page may compare with the clock.

    Every DateTimeField of a content model, except those Django stamps itself
    (auto_now, auto_now_add: always in the past) and a workflow's publication
    and expiry fields (its `next_change` asks those, for public items only).
    Computed once: the model registry does not change in a running process.
    """
    tables = content_tables()
    fields = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed or model._meta.db_table not in tables:
            continue
        workflow = getattr(model, "workflow", None)
        asked_by_workflow = set()
        if callable(getattr(workflow, "next_change", None)):
            asked_by_workflow = {workflow.schedule_field, workflow.expiry_field}
        names = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, DateTimeField)
            and not (field.auto_now or field.auto_now_add)
            and field.name not in asked_by_workflow
        ]
        if names:
            fields[model] = tuple(names)
    return fields


def next_stored_moment(now, horizon):
    """The first value in [now, horizon] of any `stored_moment_fields()` column, or None.

    Over every row, public or not: a moment too many only shortens a cached
    page's life. A page may compare a value with `>=` or with `>`, so a value
    equal to `now` counts as the instant after it. One query per model, at
    most one pass over its table for all its columns (BENCHMARKS.md).
    """
    moments = []
    for model, names in stored_moment_fields().items():
        ranges = {name: Q(**{f"{name}__gte": now, f"{name}__lte": horizon}) for name in names}
        # The WHERE lets PostgreSQL use the columns' indexes where they have them.
        found = model._base_manager.filter(functools.reduce(operator.or_, ranges.values())).aggregate(
            **{name: Min(name, filter=in_range) for name, in_range in ranges.items()}
        )
        moments += [max(moment, now + _INSTANT) for moment in found.values() if moment is not None]
    return min(moments, default=None)


def next_local_midnight(now, horizon):
    """Dates on pages ("today" in calendars, "stan na", "zostało N dni") change at local midnight."""
    today = timezone.localdate(now)
    tomorrow = today + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
