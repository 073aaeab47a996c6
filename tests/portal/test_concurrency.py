"""A busy day on the production-like server: 200 people send a form at the
same moment (fresh CSRF cookies and anti-bot tokens, a real fill time).

gunicorn with DEBUG off, as `make serve` runs it, on a free loopback port,
against the test database. Every accepted submission is stored exactly once;
every refused one gets a 4xx or 503 page; nothing answers 500.
"""

import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from bench.submissions import burst, free_port, marker, server_env, start_gunicorn
from submissions.models import Submission

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 200
FILL_SECONDS = 1


@pytest.fixture
def production_server(transactional_db, tmp_path):
    from pps_portal.demo import seed_site

    seed_site()
    database = connection.settings_dict
    env = server_env(
        DJANGO_SETTINGS_MODULE="pps_portal.settings",
        DJANGO_SECRET_KEY="concurrency-test-" + "k" * 40,
        DATABASE_URL=f"postgres://{database['USER']}@{quote(database['HOST'], safe='')}/{database['NAME']}",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        SUBMISSIONS_MIN_FILL_SECONDS=str(FILL_SECONDS),
    )
    # The manifest the production static storage needs, as `make serve` makes it.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True
    )
    port = free_port()
    with tempfile.TemporaryFile("w+") as log:
        server = start_gunicorn(env, port, workers=3, log=log)
        try:
            yield port, log
        finally:
            server.terminate()
            server.wait(timeout=60)


def test_two_hundred_simultaneous_submissions_are_each_stored_once_or_refused_with_a_page(production_server):
    port, log = production_server
    results = burst(port, CLIENTS, FILL_SECONDS)
    stored = Counter(
        text.split(":")[0]
        for text in [
            *Submission.objects.values_list("title", flat=True),
            *Submission.objects.values_list("message", flat=True),
        ]
        if text.startswith("Pytanie ")
    )
    statuses = Counter(r.status for r in results)
    accepted = [r for r in results if r.status == 302]
    refused = [r for r in results if r.status != 302]
    log.seek(0)
    assert (statuses[500], len(accepted) > 0) == (0, True), (statuses, log.read()[-3000:])
    assert [marker(r) for r in accepted if stored[marker(r)] != 1] == []
    assert [
        (r.status, r.body[:100])
        for r in refused
        if not (400 <= r.status < 500 or r.status == 503) or "<html" not in r.body
    ] == []
    assert sum(stored.values()) == len(accepted)
