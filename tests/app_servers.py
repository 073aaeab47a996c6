"""Real app servers for tests: gunicorn processes over the test database, and a small HTTP client.

Each server is a separate process tree (gunicorn with its own workers), so
whatever they agree on went through the shared cache or the database, never
through memory.
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The test database the running test uses, as DATABASE_URL for another process."""
    db = connection.settings_dict
    host = urllib.parse.quote(db["HOST"] or "", safe="")
    password = f":{urllib.parse.quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{db['USER']}{password}@{host}{port}/{db['NAME']}"


class AppServer:
    """`gunicorn pps_portal.wsgi` on a free loopback port, by default with
    tests/app_server_settings.py over the database the caller is connected to
    (the benchmarks' bench.servers.Gunicorn runs it with their settings)."""

    settings_module = "tests.app_server_settings"
    gunicorn_arguments = ()

    def __init__(self, *, redis_url=None, workers=2, log_path, **environment):
        self.port = free_port()
        self.log_path = log_path
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": self.settings_module,
            "DATABASE_URL": database_url(),
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "PYTHONPATH": str(ROOT),
            **environment,
        }
        env.pop("REDIS_URL", None)
        if redis_url:
            env["REDIS_URL"] = redis_url
        self._log = open(log_path, "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [GUNICORN, "pps_portal.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers),
             *self.gunicorn_arguments],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_until_ready(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log()}")
            try:
                if Browser(self).get("/healthz").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer: {self.log()}")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def log(self):
        return Path(self.log_path).read_text()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self._log.close()


class Response:
    def __init__(self, raw):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read()
        self.text = self.body.decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name)


class Browser:
    """A client with its own cookies that can talk to any of several servers (no redirects followed)."""

    def __init__(self, server=None):
        self.server = server
        self.cookies = {}

    def request(self, method, path, *, server=None, data=None, headers=None):
        server = server or self.server
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        headers = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{server.port}{path}"
        conn.request(method, path, body=body, headers=headers)
        response = Response(conn.getresponse())
        conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data, **kwargs):
        return self.request("POST", path, data=data, **kwargs)

    def csrf_token(self, path, *, server=None):
        """GET a form page; the CSRF token of its form (its cookie is kept)."""
        html = self.get(path, server=server).text
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
