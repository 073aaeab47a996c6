#!/usr/bin/env python
"""Server-side time and SQL queries of the public pages at N× the demo data.

    .venv/bin/python bench/pages.py [--scale 100] [--runs 15] [--only grant,registry list]

Uses its own database (BENCH_DATABASE_NAME, default pps_bench) on the same
server as the portal (the local cluster unless DATABASE_URL is set), fills
it once with `seed_demo --scale N`, then times each page in-process with
Django's test client (no network, no static files): warm-up, then the
fastest, median and 90th percentile of --runs requests (on a machine shared
with other work the fastest is the steadiest figure). Prints a Markdown
table for BENCHMARKS.md.
"""

import argparse
import datetime
import io
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
# What a page costs to make: every request a miss of the shared page cache (bench/cache_load.py measures hits).
os.environ.setdefault("PAGE_CACHE", "0")

import django

django.setup()

import psycopg  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    ("home", "/"),
    ("news list", "/aktualnosci/"),
    ("news list, page 100", "/aktualnosci/?page=100"),
    ("news article", None),  # filled in: the newest article
    ("news RSS", "/aktualnosci/rss/"),
    ("search: news + registry + calendar", "/szukaj/?q=spoldzielnia"),
    ("registry list", "/organizacje/"),
    ("registry search: fundcja (typo)", "/organizacje/?q=fundcja"),
    ("registry search: edukacji (ending)", "/organizacje/?q=edukacji"),
    ("registry search + filters", "/organizacje/?q=sport&forma=uks&opp=tak"),
    ("registry OPP list", "/organizacje/opp/"),
    ("registry statistics", "/organizacje/statystyki/"),
    ("registry CSV export", "/organizacje/eksport.csv"),
    ("calendar month", "/kalendarz/"),
    ("calendar day", None),  # filled in: today
    ("calendar agenda", "/kalendarz/wydarzenia/"),
    ("calendar agenda, page 50", "/kalendarz/wydarzenia/?page=50"),
    ("calendar event (weekly series)", None),  # filled in: a demo series
    ("calendar feed (.ics)", "/kalendarz.ics"),
    ("sitemap index", "/sitemap.xml"),
    ("sitemap: events, page 2", "/sitemap-events.xml?p=2"),
    ("form: zgłoś organizację", "/zglos/organizacje/"),
    ("grant calls", "/konkursy/"),
    ("grant calls: resolved, filtered", "/konkursy/?status=rozstrzygniety&obszar=seniorzy"),
    ("grant call with results", None),  # filled in: the latest resolved call
    ("organization page with grants", None),  # filled in: the organization with most grants
    ("grants 360Giving JSON", "/konkursy/dotacje.json"),
    ("grants CSV", "/konkursy/dotacje.csv"),
    ("grant deadlines (.ics)", "/konkursy.ics"),
    ("grant calls RSS", "/konkursy/rss/"),
]


def ensure_database():
    db = settings.DATABASES["default"]
    params = {"dbname": "postgres", "user": db.get("USER") or None, "host": db.get("HOST") or None}
    if db.get("PORT"):
        params["port"] = db["PORT"]
    if db.get("PASSWORD"):
        params["password"] = db["PASSWORD"]
    with psycopg.connect(**params, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')


def seed(scale):
    from grants.models import GrantCall
    from organizations.models import Organization

    call_command("migrate", verbosity=0)
    if Organization.objects.count() < 150 * scale or GrantCall.objects.count() < 10 * scale:
        started = time.perf_counter()
        call_command("seed_demo", scale=scale, verbosity=0, stdout=io.StringIO())
        print(f"seeded at scale {scale} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        # Statistics for the planner, as autovacuum would gather them after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def measure(client, url, runs):
    for _ in range(2):
        client.get(url)
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p90 = timings[min(len(timings) - 1, int(len(timings) * 0.9))]
    return response.status_code, timings[0], statistics.median(timings), p90, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--only", default="", help="measure only pages whose name contains one of these comma-separated texts"
    )
    args = parser.parse_args()

    ensure_database()
    seed(args.scale)

    from django.db.models import Count

    from calendar_app.models import Event, Occurrence
    from grants.models import Grant, GrantCall
    from grants.phases import Phase
    from news.models import News
    from organizations.models import Organization

    counts = (
        f"{News.objects.published().count():,} published articles, "
        f"{Organization.objects.published().count():,} published organizations, "
        f"{Event.objects.public().count():,} public events, "
        f"{Occurrence.objects.count():,} stored occurrences, "
        f"{GrantCall.objects.published().count():,} grant calls with {Grant.objects.public().count():,} grants"
    )
    today = datetime.date.today()
    filled = {
        "news article": News.objects.for_listing().order_by("-published_at").first().get_absolute_url(),
        "grant call with results": GrantCall.objects.published()
        .in_phase(Phase.RESOLVED)
        .order_by("-resolved_on", "-pk")
        .first()
        .get_absolute_url(),
        "organization page with grants": Organization.objects.published()
        .annotate(n=Count("grants"))
        .order_by("-n", "pk")
        .first()
        .get_absolute_url(),
        "calendar day": f"/kalendarz/{today:%Y/%m/%d}/",
        "calendar event (weekly series)": Event.objects.get(slug="gimnastyka-dla-seniorow").get_absolute_url(),
    }
    client = Client()
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    print(f"Date: {time.strftime('%Y-%m-%d')}; machine: {platform.machine()}, {os.cpu_count()} cores, {cpu}")
    print(f"Data: scale {args.scale}: {counts}; {args.runs} runs per page after 2 warm-up requests.\n")
    print("| page | status | min ms | median ms | p90 ms | SQL queries |")
    print("|---|---|---|---|---|---|")
    for name, url in PAGES:
        if not any(text in name for text in args.only.split(",")):
            continue
        url = url or filled[name]
        status, fastest, median, p90, queries = measure(client, url, args.runs)
        print(f"| {name} (`{url}`) | {status} | {fastest:.0f} | {median:.0f} | {p90:.0f} | {queries} |")


if __name__ == "__main__":
    main()
