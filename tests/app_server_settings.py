"""Settings of the gunicorn servers that tests start as separate processes (tests/app_servers.py).

The test settings (plain static files, temporary media), with warnings and
errors logged to the server's output so a test can read what was logged.
"""

from pps_portal.settings_test import *  # noqa: F403

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
