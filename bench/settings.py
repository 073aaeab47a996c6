"""Settings for benchmarks: production settings on a separate database."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_HTTPS", "0")

from pps_portal.settings import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ.get("BENCH_DATABASE_NAME", "pps_bench")  # noqa: F405
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": [], "level": "ERROR"},
    # The shared cache's outage and recovery lines (bench/redis_fault.py counts them).
    "loggers": {"pps_portal.cache": {"handlers": ["console"], "level": "WARNING", "propagate": False}},
}
