#!/usr/bin/env python
"""Two app servers over one PostgreSQL and one Redis: what they share, and both under load.

    .venv/bin/python bench/two_servers.py [--seconds 10]

Starts two gunicorn servers (3 workers each, ports of their own,
bench/settings.py's database) and a Redis server, then shows with real HTTP
requests: the submission rate limit counted across both, a single-use form
token refused by the second server, an article published through the first
on the second's home page at once, an editor's admin session valid on both;
then wrk on both home pages at the same time. tests/portal/test_app_servers.py
asserts the same on the test database.
"""

import argparse
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core import signing  # noqa: E402
from django.core.management import call_command  # noqa: E402

from bench.servers import Gunicorn, Redis, install_tools, wrk  # noqa: E402
from news.models import News  # noqa: E402
from submissions import protection  # noqa: E402
from submissions.models import Submission  # noqa: E402
from tests.app_servers import Browser  # noqa: E402

PASSWORD = "haslo-pomiarowe-2026"


def contact_form(browser, server, n):
    token = signing.dumps([int(time.time()) - 60, f"two{n:06d}", "ContactForm"], salt=protection._SALT)
    return {
        "csrfmiddlewaretoken": browser.csrf_token("/kontakt/", server=server),
        "subject": f"Pytanie z dwóch serwerów {n}",
        "message": "Wiadomość wysłana przez benchmark.",
        "contact_name": "Jan Testowy",
        "contact_email": "jan@example.invalid",
        "consent": "on",
        "form_token": token,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    install_tools()
    call_command("migrate", verbosity=0)
    stamp = int(time.time())
    editor = get_user_model().objects.create_superuser(f"pomiar-{stamp}", password=PASSWORD)
    redis = Redis("redis-two").start()
    a = Gunicorn(redis_url=redis.url, SUBMISSIONS_RATE_LIMIT="4")
    b = Gunicorn(redis_url=redis.url, SUBMISSIONS_RATE_LIMIT="4")
    rows = []
    try:
        # Rate limit: 4 attempts per window for this address, counted on both servers.
        resident = Browser()
        statuses = [resident.post("/kontakt/", contact_form(resident, s, n), server=s).status
                    for n, s in enumerate((a, b, a, b, a))]  # fmt: skip
        rows.append(("rate limit 4: POSTs to A, B, A, B, A", " ".join(map(str, statuses))))
        redis_cli_flush = Redis("redis-two")  # a new window: forget the counts
        redis_cli_flush.stop()
        redis_cli_flush.start()

        # A single-use token: accepted by A, refused by B.
        data = contact_form(resident, a, 99)
        first, second = resident.post("/kontakt/", data, server=a).status, resident.post("/kontakt/", data, server=b)
        rows.append(("one form token: A, then the same on B", f"{first} {second.status}"))

        # An editor's session from A on B.
        browser = Browser(a)
        token = browser.csrf_token("/admin/login/")
        browser.post("/admin/login/", {"csrfmiddlewaretoken": token, "username": editor.username,
                                       "password": PASSWORD, "next": "/admin/"})  # fmt: skip
        rows.append(("editor logged in on A opens /admin/ on B", str(browser.get("/admin/", server=b).status)))

        # Published through A, on B's (cached) home page at once.
        visitor = Browser(b)
        visitor.get("/")
        cached = visitor.get("/").header("X-Page-Cache")
        title = f"Opublikowane na serwerze A {stamp}"
        draft = News.objects.create(title=title, slug=f"opublikowane-na-a-{stamp}", lead="Zajawka.")
        transition = f"/admin/news/news/{draft.pk}/stan/publish/"
        saved = browser.post(transition, {"csrfmiddlewaretoken": browser.csrf_token(transition), "reason": ""})
        published = time.monotonic()
        home = visitor.get("/")
        rows.append((
            f"article saved on A ({saved.status}); B's home before: {cached}",
            f"B's next home page shows it: {title in home.text} ({home.header('X-Page-Cache')}; "
            f"answered {1000 * (time.monotonic() - published):.0f} ms after the save returned)",
        ))  # fmt: skip

        # Both servers under load at once.
        results = {}
        threads = [threading.Thread(target=lambda s=s: results.update({s.port: wrk(s.url("/"), seconds=args.seconds,
                   connections=32)})) for s in (a, b)]  # fmt: skip
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        total = sum(r["rps"] for r in results.values())
        errors = sum(r["errors"] for r in results.values())
        rows.append(("wrk -c32 on each home page at once", f"{total:,.0f} req/s together, {errors} errors"))
    finally:
        a.stop()
        b.stop()
        redis.stop()
        News.objects.filter(slug__startswith="opublikowane-na-a-").delete()
        Submission.objects.filter(title__startswith="Pytanie z dwóch serwerów").delete()
        editor.delete()
    print("| check | result |")
    print("|---|---|")
    for check, result in rows:
        print(f"| {check} | {result} |")


if __name__ == "__main__":
    main()
