#!/usr/bin/env python
"""Pages under load with the page cache on Redis, on the database table, and off.

    .venv/bin/python bench/cache_load.py [--seconds 8] [--connections 64]

gunicorn (3 sync workers, production settings, bench/settings.py's
database: BENCH_DATABASE_NAME, default pps_bench, filled by
`bench/pages.py --scale N`) driven by wrk on loopback, one run per mode,
each page measured right after /robots.txt in the same run: the ratio to
robots.txt (a bare view through the whole middleware stack, never cached)
is what to compare, since the machine is shared: robots.txt is measured
again right before each page, and each page's ratio is to that neighbour.
wrk sends a browser's Accept-Encoding (gzip, deflate, br). Prints a
Markdown table.
"""

import argparse
import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from bench.servers import Gunicorn, Redis, get, install_tools, machine, wrk  # noqa: E402
from news.models import News  # noqa: E402
from organizations.models import Organization  # noqa: E402


def pages():
    article = News.objects.published().order_by("-published_at").values_list("slug", flat=True).first()
    return [
        ("home", "/"),
        ("news list", "/aktualnosci/"),
        ("an article", f"/aktualnosci/{article}/"),
        ("registry search", "/organizacje/?q=fundcja"),
        ("OPP list", "/organizacje/opp/"),
        ("month calendar", "/kalendarz/"),
        ("agenda", "/kalendarz/wydarzenia/"),
        ("search results", "/szukaj/?q=piknik"),
    ]


def measure(server, paths, seconds, connections):
    """{path: (wrk result, the robots.txt result measured just before it)}."""
    results = {}
    for path in paths:
        for _ in range(2):  # fills the cache (and warms every worker a little)
            status, _headers, _body = get(server.url(path))
            assert status == 200, (path, status)
        robots = wrk(server.url("/robots.txt"), seconds=seconds, connections=connections)
        results[path] = (wrk(server.url(path), seconds=seconds, connections=connections), robots)
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    install_tools()
    call_command("migrate", verbosity=0)
    paths = pages()
    load_before = f"{os.getloadavg()[0]:.1f}"
    redis = Redis("redis-load").start()
    modes = [("Redis", {"redis_url": redis.url}), ("database cache", {}), ("cache off", {"page_cache": False})]
    runs = {}
    try:
        for label, options in modes:
            server = Gunicorn(**options)
            try:
                runs[label] = measure(server, [path for _name, path in paths], args.seconds, args.connections)
                for path, (result, robots) in runs[label].items():  # progress, in case the run is cut short
                    print(f"{label} {path}: {result['rps']:.0f} vs robots.txt {robots['rps']:.0f}", file=sys.stderr)
            finally:
                server.stop()
    finally:
        redis.stop()

    organizations = Organization.objects.published().count()
    print(
        f"Date: {datetime.date.today()}; {machine()}; database {settings.DATABASES['default']['NAME']} "
        f"({organizations:,} published organizations); gunicorn 3 sync workers; "
        f"wrk -t2 -c{args.connections} -d{args.seconds}s on loopback with a browser's Accept-Encoding; "
        f"load average before {load_before}, after {os.getloadavg()[0]:.1f} (shared machine)"
    )
    print()
    header = " | ".join(f"{label}: req/s (robots.txt) | % of robots.txt" for label, _options in modes)
    print(f"| page | {header} | errors |")
    print("|---|" + "---|---|" * len(modes) + "---|")
    for name, path in paths:
        cells = []
        errors = 0
        for label, _options in modes:
            result, robots = runs[label][path]
            cells.append(f"{result['rps']:,.0f} ({robots['rps']:,.0f}) | {100 * result['rps'] / robots['rps']:.0f} %")
            errors += result["errors"] + robots["errors"]
        print(f"| {name} (`{path}`) | {' | '.join(cells)} | {errors} |")


if __name__ == "__main__":
    main()
