"""The shared cache under concurrency: many connections at once, as many workers would be.

Each thread has its own database connection and its own Redis client (Django
makes both per thread), so what they agree on went through the shared
store. Run against the default cache (the database table) and Redis.
"""

import threading

import pytest
from django.core import checks
from django.db import connections
from django.test import RequestFactory

from submissions.forms import ContactForm
from submissions.protection import rate_limited
from tests.submissions.helpers import contact_data, old_token

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 6


def at_once(work):
    """`work()` in THREADS threads released together; their results."""
    start = threading.Barrier(THREADS)
    results = []
    errors = []

    def run():
        try:
            start.wait()
            results.append(work())
        except Exception as error:  # reported in the main thread below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def test_the_rate_limit_loses_no_attempt_counted_on_many_connections_at_once(shared_cache, settings):
    attempts = 15
    settings.SUBMISSIONS_RATE_LIMIT = THREADS * attempts - 10
    request = RequestFactory().post("/kontakt/", REMOTE_ADDR="10.1.2.3")

    def attempt_many():
        return sum(rate_limited(request) for _ in range(attempts))

    # A lost update (read, add one, write back) would let more than the limit through.
    assert sum(at_once(attempt_many)) == 10
    assert rate_limited(request)


def test_a_form_token_sent_on_many_connections_at_once_is_accepted_once(shared_cache, site_settings):
    data = contact_data(form_token=old_token("ContactForm"))

    def submit():
        form = ContactForm(data=data)
        form.is_valid()
        return "form_token" not in form.errors

    assert sorted(at_once(submit)) == [False] * (THREADS - 1) + [True]


def test_a_per_process_cache_is_refused_by_a_system_check(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    errors = checks.run_checks(tags=[checks.Tags.caches])
    assert "pps_portal.E001" in {error.id for error in errors}
