"""The Ukrainian and English catalogues cover every interface message.

The messages are what `makemessages` finds in the code and templates today,
so a new string without a translation fails here, not in front of a reader.
Messages seen only by editors in admin (admin classes and templates,
management commands) may stay Polish: admin has no language prefix and
always runs in Polish.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("uk", "en")
# Where a message used only there may stay untranslated.
ADMIN_ONLY = ("/admin.py", "templates/admin/", "/management/", "pps_portal/locale_overrides.py")
NOT_SOURCES = {".git", ".venv", "node_modules", "var", "locale", "tests", "bench", "__pycache__", ".ruff_cache"}


def _is_admin_only(entry):
    files = [path for path, _line in entry.occurrences]
    return bool(files) and all(any(part in f"/{path}" for part in ADMIN_ONLY) for path in files)


def _key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """A fresh catalogue from `makemessages` over a copy of the sources (the repository is not touched)."""
    copy = tmp_path_factory.mktemp("sources") / "project"
    shutil.copytree(ROOT, copy, ignore=lambda _dir, names: [n for n in names if n in NOT_SOURCES])
    env = {**os.environ, "DJANGO_DEBUG": "1", "PYTHONPATH": str(copy)}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "uk", "--no-wrap", "--verbosity", "0"],
        cwd=copy,
        env=env,
        check=True,
    )
    return polib.pofile(str(copy / "locale" / "uk" / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_interface_message_is_translated(extracted, language):
    ours = {
        _key(entry): entry for entry in polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    }
    untranslated = []
    for entry in extracted:
        if _is_admin_only(entry):
            continue
        translation = ours.get(_key(entry))
        if translation is None or not translation.translated() or translation.fuzzy:
            untranslated.append(f"{entry.msgid!r} ({entry.occurrences[0][0]})")
    assert untranslated == []


@pytest.mark.parametrize("language", ("pl", *LANGUAGES))
def test_catalogues_compile_with_matching_placeholders(language):
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    completed = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(po)], capture_output=True, text=True)
    assert (completed.returncode, completed.stderr) == (0, "")


def test_extraction_finds_the_interface_messages(extracted):
    """The comparison above is not vacuous: templates, Python code and plural forms are all extracted."""
    keys = {_key(entry) for entry in extracted}
    assert (
        (None, "Zgłoś newsa", "") in keys,
        (None, "Podaj datę publikacji (może być w przyszłości).", "") in keys,
        (None, "%(count)d artykuł", "%(count)d artykułów") in keys,
        len(keys) > 500,
    ) == (True, True, True, True)
