"""Settings come only from the environment and fail loudly when malformed."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env):
    """Import the production settings module in a fresh interpreter."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    return subprocess.run(
        [sys.executable, "-c", "import pps_portal.settings as s; print(s.DEBUG)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_debug_off_without_secret_key_fails_naming_the_variable():
    result = load_settings(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_malformed_boolean_fails_naming_the_variable():
    result = load_settings(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_DEBUG" in result.stderr


def test_malformed_database_url_fails_naming_the_variable():
    result = load_settings(DJANGO_DEBUG="1", DATABASE_URL="mysql://somewhere/db")
    assert result.returncode != 0
    assert "ImproperlyConfigured: DATABASE_URL" in result.stderr


def test_malformed_redis_url_fails_naming_the_variable():
    result = load_settings(DJANGO_DEBUG="1", REDIS_URL="localhost:6379")
    assert "ImproperlyConfigured: REDIS_URL" in result.stderr


def test_malformed_integer_fails_naming_the_variable():
    result = load_settings(DJANGO_DEBUG="1", EMAIL_PORT="smtp")
    assert "ImproperlyConfigured: EMAIL_PORT" in result.stderr


def test_malformed_trusted_origin_fails_naming_the_variable():
    result = load_settings(DJANGO_DEBUG="1", DJANGO_CSRF_TRUSTED_ORIGINS="portal.example.pl")
    assert "ImproperlyConfigured: DJANGO_CSRF_TRUSTED_ORIGINS" in result.stderr


def test_production_settings_load_with_a_secret_key():
    result = load_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 50)
    assert (result.returncode, result.stdout.strip()) == (0, "False")


def test_deploy_check_reports_nothing_in_production_configuration():
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))}
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "pps_portal.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "k3y-" + "a1B2c3D4e5F6g7H8i9J0" * 3,
        "DJANGO_ALLOWED_HOSTS": "pps.example.pl",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
