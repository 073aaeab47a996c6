"""What the cache benchmarks start: gunicorn on loopback, a Redis server of their own, wrk.

Production settings on the benchmark database (bench/settings.py; fill it
with `bench/pages.py --scale N`, or BENCH_DATABASE_NAME=pps_portal for the
development database `make run` seeds). Only ever 127.0.0.1 and Unix sockets.
"""

import itertools
import os
import re
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.app_servers import AppServer

ROOT = Path(__file__).resolve().parent.parent


def install_tools():
    """wrk and redis-server from Debian when missing (scripts/debian-packages bench)."""
    subprocess.run([ROOT / "scripts" / "debian-packages", "bench"], check=True)


class Redis:
    """A Redis server of one benchmark's own (scripts/localredis in var/<name>): benchmarks that
    stop theirs never disturb another."""

    def __init__(self, name):
        self.env = {**os.environ, "LOCALREDIS_DIR": str(ROOT / "var" / name)}

    def _run(self, command):
        script = ROOT / "scripts" / "localredis"
        return subprocess.run([script, command], env=self.env, check=True, capture_output=True, text=True).stdout

    def start(self):
        self._run("start")
        return self

    def stop(self):
        self._run("stop")

    @property
    def url(self):
        return self._run("url").strip()


_server_numbers = itertools.count(1)


class Gunicorn(AppServer):
    """3 workers (what `make serve` runs) with bench/settings.py, started and ready."""

    settings_module = "bench.settings"
    gunicorn_arguments = ("--log-level", "warning", "--access-logfile", "/dev/null")

    def __init__(self, *, workers=3, page_cache=True, log_path=None, **environment):
        super().__init__(
            workers=workers,
            log_path=log_path or ROOT / "var" / f"bench-gunicorn-{os.getpid()}-{next(_server_numbers)}.log",
            PAGE_CACHE="1" if page_cache else "0",
            **environment,
        )
        self.wait_until_ready(seconds=120)
        # Let every worker boot (each checks the code fingerprint once).
        time.sleep(2)


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=180) as response:
        return response.status, dict(response.headers), response.read()


# What a browser sends: the page cache answers with its stored brotli bytes.
BROWSER_ENCODING = "gzip, deflate, br"


def wrk(url, *, seconds=10, connections=64, threads=2, accept_encoding=BROWSER_ENCODING):
    """{requests_per_second, requests, errors (non-2xx/3xx + socket), latency_p99} of one wrk run.

    A response slower than 10 s counts as an error (wrk's default, 2 s, counts
    the queueing of 64 connections on 3 workers of a busy shared machine).
    """
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency",
         "-H", f"Accept-Encoding: {accept_encoding}", url],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = int(bad.group(1)) if bad else 0
    connect, read, write, timeout = (int(n) for n in socket_errors.groups()) if socket_errors else (0, 0, 0, 0)
    p99 = re.search(r"\s99%\s+(\S+)", out).group(1)
    return {
        "rps": rps,
        "requests": total,
        "errors": non2xx + connect + read + write + timeout,
        "non2xx": non2xx,
        "timeouts": timeout,
        "p99": p99,
    }


def machine():
    return f"{os.cpu_count()} cores, {platform_cpu()}"


def platform_cpu():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"
