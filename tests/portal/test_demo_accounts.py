"""Demo logins exist only on the explicit development path (`make run`) and
never open a server running with debug off."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pps_portal.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    """manage.py in a fresh interpreter with only the given DJANGO_* variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_manage_py_does_not_turn_debug_on_by_itself():
    result = run_manage(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)", DJANGO_SECRET_KEY="k" * 50
    )
    assert (result.returncode, result.stdout.split()[-1]) == (0, "False")


def test_manage_py_without_a_key_or_debug_says_how_to_develop():
    result = run_manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr and "DJANGO_DEBUG=1" in result.stderr


def test_demo_accounts_are_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        call_command("seed_demo", "--demo-accounts")


def test_seeding_without_asking_creates_no_accounts(settings, django_user_model):
    from pps_portal.management.commands.seed_demo import seeders

    settings.DEBUG = True
    for seed in seeders():
        seed()
    assert django_user_model.objects.count() == 0


def login(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


@pytest.fixture
def demo_admin(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.invalid", DEMO_PASSWORD)


def test_the_demo_password_opens_nothing_when_debug_is_off(client, site_settings, demo_admin):
    response = login(client, "admin", DEMO_PASSWORD)
    assert (response.status_code, "_auth_user_id" in client.session) == (200, False)
    assert "To hasło konta demonstracyjnego" in response.content.decode()


def test_the_demo_password_works_in_development(client, site_settings, demo_admin, settings):
    settings.DEBUG = True
    assert login(client, "admin", DEMO_PASSWORD).status_code == 302


def test_an_account_with_its_own_password_logs_in_when_debug_is_off(client, site_settings, demo_admin):
    demo_admin.set_password("wlasne-haslo-redakcji-2026")
    demo_admin.save()
    assert login(client, "admin", "wlasne-haslo-redakcji-2026").status_code == 302
