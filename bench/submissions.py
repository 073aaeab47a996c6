#!/usr/bin/env python
"""Simultaneous valid submissions against the production-like server.

    .venv/bin/python bench/submissions.py [--count 1000] [--workers 3] [--threads 1] [--fill 1]

Starts gunicorn (DEBUG off, the benchmark database of bench/settings.py,
the rate limit lifted) on a free loopback port; N clients each open the
contact or error-report form (fresh CSRF cookie and anti-bot token), wait
for every other client, fill it for --fill seconds and send it at the same
moment. Then checks every accepted submission is stored exactly once, and
prints a Markdown table for BENCHMARKS.md. The same client is used by
tests/portal/test_concurrency.py (200 clients, the test database).
"""

import argparse
import http.client
import os
import platform
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
FORMS = [
    (
        "/kontakt/",
        lambda n: {
            "contact_name": "Anna Nowak",
            "contact_email": "anna@example.pl",
            "subject": f"Pytanie {n}",
            "message": "Kiedy ruszy nabór?",
        },
    ),
    (
        "/zglos/blad/",
        lambda n: {"page_url": "/aktualnosci/", "description": f"Pytanie {n}: link nie działa.", "contact_email": ""},
    ),
]


@dataclass
class Result:
    number: int
    path: str
    status: int  # 0: no answer at all (connection refused or reset)
    body: str
    seconds: float


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, workers, log, threads=1):
    """gunicorn on 127.0.0.1:port with `env`; returns the process once /healthz answers 200.

    threads > 1: gthread workers, each thread taking connections from its
    worker's pool (more threads than pooled connections queue for one).
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "pps_portal.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--threads", str(threads), "--backlog", "2048", "--timeout", "120"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            if request(port, "GET", "/healthz")[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace"), response.getheader("Set-Cookie") or ""
    finally:
        connection.close()


def submit(port, number, fill_seconds, barrier):
    """One person: open the form, fill it in, send it (at the same moment as everyone else)."""
    path, data = FORMS[number % len(FORMS)]
    status, html, cookie = request(port, "GET", path)
    csrf_cookie = re.search(r"csrftoken=([^;]+)", cookie).group(1)
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"', html))
    barrier.wait()
    time.sleep(fill_seconds)
    body = urlencode({**fields, **data(number), "consent": "on", "website_url": ""})
    started = time.monotonic()
    try:
        status, html, _cookie = request(
            port,
            "POST",
            path,
            body,
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf_cookie}"},
        )
    except OSError as error:
        status, html = 0, str(error)
    return Result(number, path, status, html, time.monotonic() - started)


def burst(port, count, fill_seconds):
    """`count` simultaneous submissions; their results in order."""
    barrier = threading.Barrier(count, timeout=600)
    with ThreadPoolExecutor(max_workers=count) as clients:
        return list(clients.map(lambda n: submit(port, n, fill_seconds, barrier), range(count)))


def marker(result):
    """The text that identifies a submission in the database."""
    return f"Pytanie {result.number}"


def server_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SUBMISSIONS_"))}
    return {
        **env,
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SUBMISSIONS_RATE_LIMIT": "1000000",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "DJANGO_LOG_LEVEL": "WARNING",
        **extra,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (gthread when above 1)")
    parser.add_argument("--fill", type=float, default=1.0, help="seconds each client spends filling the form")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from bench.pages import ensure_database
    from pps_portal.demo import seed_site
    from submissions.models import Submission

    ensure_database()
    call_command("migrate", verbosity=0)
    seed_site()
    Submission.objects.filter(title__startswith="Pytanie ").delete()
    Submission.objects.filter(message__startswith="Pytanie ").delete()
    pool = settings.DATABASES["default"]["OPTIONS"]["pool"]

    port = free_port()
    env = server_env(
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=str(ROOT),
        SUBMISSIONS_MIN_FILL_SECONDS=str(int(args.fill)),
    )
    with open(ROOT / "var" / "bench-submissions-gunicorn.log", "w") as log:
        server = start_gunicorn(env, port, args.workers, log, threads=args.threads)
        try:
            started = time.monotonic()
            results = burst(port, args.count, args.fill)
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            server.wait()

    statuses = Counter(r.status for r in results)
    accepted = [r for r in results if r.status == 302]
    stored = Counter(
        text.split(":")[0]
        for text in [*Submission.objects.filter(title__startswith="Pytanie ").values_list("title", flat=True),
                     *Submission.objects.filter(message__startswith="Pytanie ").values_list("message", flat=True)]
    )  # fmt: skip
    once = sum(1 for r in accepted if stored.get(marker(r)) == 1)
    refused_stored = sum(1 for r in results if r.status != 302 and stored.get(marker(r)))
    send_times = sorted(r.seconds for r in results)
    print(
        f"Date: {time.strftime('%Y-%m-%d')}; {platform.machine()}, {os.cpu_count()} cores (shared with other work); "
        f"gunicorn {args.workers} workers x {args.threads} threads; "
        f"pool {pool['min_size']}-{pool['max_size']} per worker, timeout {pool['timeout']} s; fill time {args.fill} s"
    )
    print()
    print(
        "| clients | accepted (302) | stored exactly once | refused | 500 | refused but stored "
        "| whole burst | slowest answer |"
    )
    print("|---|---|---|---|---|---|---|---|")
    refused = ", ".join(f"{n}× {s}" for s, n in sorted(statuses.items()) if s != 302) or "0"
    print(
        f"| {args.count} | {len(accepted)} | {once} | {refused} | {statuses.get(500, 0)} | {refused_stored} "
        f"| {elapsed:.1f} s | {send_times[-1]:.1f} s |"
    )


if __name__ == "__main__":
    main()
