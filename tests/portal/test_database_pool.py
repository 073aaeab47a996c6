"""Database connections: a burst of visitors queues for a pooled connection
instead of piling up connections until PostgreSQL refuses them."""

import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)

POOL = settings.DATABASES["default"]["OPTIONS"].get("pool") or {}
# Far below max_connections of any cluster, above the pool's size.
DATABASE_CONNECTION_LIMIT = POOL.get("max_size", 4) + 6


def test_connections_come_from_a_bounded_pool():
    assert 1 <= POOL.get("min_size", 0) <= POOL.get("max_size", 0) < DATABASE_CONNECTION_LIMIT
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 0


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_burst_bigger_than_the_database_allows_queues_instead_of_failing(live_server):
    from pps_portal.demo import seed_site

    seed_site()
    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute(f'ALTER DATABASE "{name}" CONNECTION LIMIT {DATABASE_CONNECTION_LIMIT}')
    try:
        # The development server's way: a thread per request.
        with ThreadPoolExecutor(max_workers=80) as clients:
            statuses = Counter(clients.map(status_of, [live_server.url + "/kalendarz/"] * 160))
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{name}" CONNECTION LIMIT -1')
    assert statuses == {200: 160}
