#!/usr/bin/env python
"""Stale pages after a publication under load: the goal is 0.

    .venv/bin/python bench/publish_under_load.py [--seconds 12]

gunicorn (3 workers, the page cache on Redis, bench/settings.py's
database) while wrk hammers the home page; two probe threads request the
home page in a loop and remember when each request started and whether it
showed the new article. Half-way an article is published (saved through
Django in this process, like an editor's save: the write itself moves the
shared generation). A stale response is one whose request started after the
publication returned and which does not show the article.
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

from bench.servers import Gunicorn, Redis, get, install_tools, wrk

# This process publishes, so it must share the servers' cache (REDIS_URL), as
# every process that writes content must (README).
REDIS = Redis("redis-publish").start()
os.environ["REDIS_URL"] = REDIS.url
django.setup()

from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from news.models import News  # noqa: E402


def probe(url, title, stop, results):
    while not stop.is_set():
        started = time.monotonic()
        _status, headers, body = get(url)
        results.append((started, title.encode() in body, headers.get("X-Page-Cache")))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=12)
    args = parser.parse_args()
    install_tools()
    call_command("migrate", verbosity=0)
    stamp = int(time.time())
    title = f"Komunikat pomiarowy {stamp}"
    redis = REDIS
    server = Gunicorn(redis_url=redis.url)
    results, stop = [], threading.Event()
    try:
        url = server.url("/")
        get(url)
        load = threading.Thread(target=lambda: results_of_wrk.update(wrk(url, seconds=args.seconds)))
        results_of_wrk = {}
        probes = [threading.Thread(target=probe, args=(url, title, stop, results)) for _ in range(2)]
        load.start()
        for thread in probes:
            thread.start()
        time.sleep(args.seconds / 2)
        News.objects.create(
            title=title,
            slug=f"komunikat-pomiarowy-{stamp}",
            lead="Artykuł opublikowany przez benchmark.",
            status=News.Status.PUBLISHED,
            published_at=timezone.now(),
        )
        published = time.monotonic()
        load.join()
        stop.set()
        for thread in probes:
            thread.join()
    finally:
        News.objects.filter(title=title).delete()
        server.stop()
        redis.stop()

    after = [(shown, cache) for started, shown, cache in results if started >= published]
    before = [(shown, cache) for started, shown, cache in results if started < published]
    stale = sum(1 for shown, _cache in after if not shown)
    hits_after = sum(1 for shown, cache in after if shown and cache == "hit")
    print(f"| wrk on `/` during the run | {results_of_wrk['rps']:,.0f} req/s, {results_of_wrk['errors']} errors |")
    print(f"| probe requests before the publication | {len(before)} ({sum(c == 'hit' for _s, c in before)} hits) |")
    print(f"| probe requests after it returned | {len(after)} ({hits_after} hits showing it) |")
    print(f"| stale responses after it returned | {stale} |")


if __name__ == "__main__":
    main()
