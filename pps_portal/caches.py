"""The shared cache: one store for every worker process and every app server.

Rate limits, single-use form tokens, the page cache and its invalidation
state must be the same for every process that answers a request, so there
is no per-process cache anywhere (settings.CACHES):

* with REDIS_URL: Redis (`RedisCache` below), for one or several servers;
* without it: an UNLOGGED table in the portal's own PostgreSQL database
  (`DatabaseCache`, table created by a migration), which every worker and
  every server on that database shares.

A cache that cannot be reached must not take the portal down. Every
operation of these backends raises `CacheUnavailable` instead of the
client library's error, and the caller decides what that means: the page
cache renders the page uncached, the rate limit and the token check let
the sender through (README: "fail open"). The outage is logged once per
process when it starts and once when it ends, never per request; for
`RETRY_SECONDS` after a failure calls fail at once without touching the
network (a hung server does not cost every request a timeout), then the
next call tries again, so the portal recovers by itself. `cache_recovered`
is sent when a process sees the cache back (the page cache then forgets
everything it may have missed meanwhile).
"""

import base64
import logging
import pickle
import threading
import time

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.db import DatabaseError, connections, router, transaction
from django.dispatch import Signal
from django.utils.timezone import now as tz_now

logger = logging.getLogger("pps_portal.cache")

RETRY_SECONDS = 1.0

# Sent (sender = the backend class) when a process reaches the cache again after an outage.
cache_recovered = Signal()


class CacheUnavailable(Exception):
    """The shared cache could not be reached (or failed less than RETRY_SECONDS ago)."""


class _Health:
    """Outage state of one cache location, shared by the threads of a process."""

    def __init__(self, name):
        self.name = name
        self.down_since = None
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def check(self):
        if self.down_since is not None and time.monotonic() < self.retry_at:
            raise CacheUnavailable(f"{self.name}: unavailable, next try in under {RETRY_SECONDS} s")

    def failed(self, error):
        with self.lock:
            first = self.down_since is None
            now = time.monotonic()
            if first:
                self.down_since = now
            self.retry_at = now + RETRY_SECONDS
        if first:
            logger.error(
                "Shared cache %s unavailable (%s: %s); pages are served uncached and form limits are not "
                "counted until it is back.",
                self.name,
                type(error).__name__,
                error,
            )

    def succeeded(self):
        if self.down_since is None:
            return
        with self.lock:
            if self.down_since is None:
                return
            seconds = time.monotonic() - self.down_since
            self.down_since = None
        logger.warning("Shared cache %s is back after %.1f s.", self.name, seconds)
        cache_recovered.send(sender=type(self))


_health = {}
_health_lock = threading.Lock()


def _health_of(name):
    with _health_lock:
        return _health.setdefault(name, _Health(name))


def forget_outages():
    """Treat every cache as reachable again at once (tests that stop one on purpose)."""
    with _health_lock:
        _health.clear()


class _Resilient:
    """Turns the backend's transient errors into CacheUnavailable, logged once per outage.

    Django creates one backend instance per thread; the outage state is per
    location and shared by all of them.
    """

    transient_errors = ()

    def _guarded(self, operation, *args, **kwargs):
        health = _health_of(self._location_name)
        health.check()
        try:
            result = operation(*args, **kwargs)
        except self.transient_errors as error:
            health.failed(error)
            raise CacheUnavailable(str(error)) from error
        health.succeeded()
        return result


def _guarded_operation(name):
    def operation(self, *args, **kwargs):
        return self._guarded(getattr(super(_Resilient, self), name), *args, **kwargs)

    operation.__name__ = name
    return operation


# Every operation of Django's cache API that reaches the server.
_OPERATIONS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)
for _name in (*_OPERATIONS, "clear"):
    setattr(_Resilient, _name, _guarded_operation(_name))


class RedisCache(_Resilient, DjangoRedisCache):
    """Django's Redis backend with short timeouts and the outage handling above.

    Redis answers in well under a millisecond; a server that does not answer
    within the timeout is treated as down rather than holding a worker.
    """

    DEFAULT_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "health_check_interval": 30}

    def __init__(self, server, params):
        super().__init__(server, params)
        self._options = {**self.DEFAULT_OPTIONS, **self._options}
        self._location_name = "Redis"

    @property
    def transient_errors(self):
        import redis

        return (redis.exceptions.RedisError, OSError)


class DatabaseCache(_Resilient, DjangoDatabaseCache):
    """Django's database cache with an atomic incr() and the outage handling above.

    Django's own incr() is a get() and a set(): two workers counting the same
    rate-limit key at once would lose one of the counts. Here the row is
    locked (SELECT … FOR UPDATE) while it is read and written back. add() is
    already atomic: the key is the table's primary key, so of two concurrent
    adds one fails and returns False.
    """

    transient_errors = (DatabaseError,)

    def __init__(self, table, params):
        super().__init__(table, params)
        self._location_name = f"database table {table}"

    def incr(self, key, delta=1, version=None):
        return self._guarded(self._incr, key, delta, version)

    def _incr(self, key, delta, version):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        now = connection.ops.adapt_datetimefield_value(tz_now())
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(f"SELECT value FROM {table} WHERE cache_key = %s AND expires >= %s FOR UPDATE", [key, now])
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            value = pickle.loads(base64.b64decode(row[0].encode())) + delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            cursor.execute(f"UPDATE {table} SET value = %s WHERE cache_key = %s", [encoded, key])
        return value


def check_shared_cache(app_configs=None, **kwargs):
    """System check: the default cache must be one of the shared backends above."""
    from django.conf import settings
    from django.core.checks import Error

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in (f"{__name__}.RedisCache", f"{__name__}.DatabaseCache"):
        return []
    return [
        Error(
            f"CACHES['default'] uses {backend or 'nothing'}; rate limits, form tokens and the page cache need a "
            "cache every worker and server shares.",
            hint="Set REDIS_URL, or leave CACHES as pps_portal.settings defines it (the database table).",
            id="pps_portal.E001",
        )
    ]
