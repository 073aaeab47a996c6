"""Settings for the test suite: real PostgreSQL, plain static storage, fast hashing."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_HTTPS", "0")

from pps_portal.settings import *  # noqa: F403

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="pps-test-private-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="pps-test-media-")
SERVE_MEDIA = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"]},
}
# Serve static files from the source folders; nothing is collected for tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Connections come from the production pool (settings.py); Django closes the
# pool before it drops the test database at the end of the run.
# Parallel runs from several checkouts/agents on one cluster need their own
# test database name (pytest-xdist adds its own worker suffix on top).
DATABASES["default"]["TEST"] = {"NAME": "test_pps_portal" + os.environ.get("TEST_DB_SUFFIX", "")}  # noqa: F405
