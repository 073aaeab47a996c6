#!/usr/bin/env python
"""Redis stopped under load: pages still served, submissions still stored, recovery by itself.

    .venv/bin/python bench/redis_fault.py [--seconds 20] [--down 6]

gunicorn (3 workers, the page cache on a Redis server of its own,
bench/settings.py's database) under wrk load on the home page, while a
resident sends the contact form every half second. After a third of the run
Redis is stopped, `--down` seconds later started again (empty: it keeps
nothing on disk). Prints what was served, what was stored, what was logged
and how long the cache took to serve hits again.
"""

import argparse
import http.client
import os
import re
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.core import signing  # noqa: E402
from django.core.management import call_command  # noqa: E402

from bench.servers import Gunicorn, Redis, get, install_tools, wrk  # noqa: E402
from submissions import protection  # noqa: E402
from submissions.models import Submission  # noqa: E402


def send_contact_form(port, n):
    """One resident's contact form (a token shown a minute ago, a CSRF cookie); the HTTP status."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/kontakt/")
    page = conn.getresponse()
    html = page.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", page.headers.get("Set-Cookie", "")).group(1)
    token = signing.dumps([int(time.time()) - 60, f"bench{n:06d}", "ContactForm"], salt=protection._SALT)
    data = {
        "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
        "subject": f"Pytanie pomiarowe {n}",
        "message": "Wiadomość wysłana przez benchmark.",
        "contact_name": "Jan Testowy",
        "contact_email": "jan@example.invalid",
        "consent": "on",
        "form_token": token,
    }
    headers = {
        "Cookie": f"csrftoken={cookie}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://127.0.0.1:{port}/kontakt/",
    }
    conn.request("POST", "/kontakt/", body=urllib.parse.urlencode(data), headers=headers)
    status = conn.getresponse().status
    conn.close()
    return status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--down", type=float, default=6)
    args = parser.parse_args()
    install_tools()
    call_command("migrate", verbosity=0)
    redis = Redis("redis-fault").start()
    server = Gunicorn(redis_url=redis.url, SUBMISSIONS_RATE_LIMIT="100000")
    before = Submission.objects.count()
    forms, stop = [], threading.Event()

    def resident():
        n = 0
        while not stop.is_set():
            n += 1
            forms.append(send_contact_form(server.port, n))
            time.sleep(0.5)

    try:
        get(server.url("/"))
        load_result = {}
        load = threading.Thread(target=lambda: load_result.update(wrk(server.url("/"), seconds=args.seconds)))
        sender = threading.Thread(target=resident)
        load.start()
        sender.start()
        time.sleep(args.seconds / 3)
        redis.stop()
        down_at = time.monotonic()
        time.sleep(args.down)
        redis.start()
        up_at = time.monotonic()
        while get(server.url("/"))[1].get("X-Page-Cache") != "hit":
            time.sleep(0.05)
        recovered = time.monotonic() - up_at
        load.join()
        stop.set()
        sender.join()
        log = server.log()
    finally:
        server.stop()
        redis.stop()

    stored = Submission.objects.count() - before
    Submission.objects.filter(title__startswith="Pytanie pomiarowe").delete()
    print(f"Redis down for {up_at - down_at:.1f} s during {args.seconds} s of wrk -c64 on `/`; gunicorn 3 workers")
    print()
    print("| what | figure |")
    print("|---|---|")
    served = f"{load_result['requests']:,} ({load_result['rps']:,.0f}/s)"
    print(f"| requests served under load (Redis down included) | {served} |")
    print(f"| non-2xx/3xx answers | {load_result['non2xx']} |")
    others = load_result["errors"] - load_result["non2xx"] - load_result["timeouts"]
    print(f"| responses slower than wrk's 10 s timeout / other socket errors | {load_result['timeouts']} / {others} |")
    print(f"| contact forms sent / accepted (302) / stored | {len(forms)} / {forms.count(302)} / {stored} |")
    print(f"| 'Shared cache Redis unavailable' lines logged | {log.count('Shared cache Redis unavailable')} |")
    print(f"| 'is back' lines logged | {log.count('Shared cache Redis is back')} |")
    print(f"| seconds from Redis started to the first cache hit | {recovered:.1f} |")


if __name__ == "__main__":
    main()
