"""What the suite-wide tests find by themselves: upload fields, public URLs, the
query parameters views read, the forms pages show.

Nothing here lists a page, a parameter or a field: a new one is covered by
the hostile-input and upload tests without anyone remembering to add it.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models

PROJECT_ROOT = Path(settings.BASE_DIR).resolve()


def project_app_configs():
    """Our own apps (not Django's or third-party ones)."""
    return [
        config
        for config in apps.get_app_configs()
        if PROJECT_ROOT in Path(config.path).resolve().parents and ".venv" not in Path(config.path).parts
    ]


def upload_fields():
    """(model, field) for every file or image field of the project's concrete models."""
    found = []
    for config in project_app_configs():
        for model in config.get_models():
            if model._meta.proxy:
                continue
            for field in model._meta.concrete_fields:
                if isinstance(field, models.FileField):
                    found.append((model, field))
    return found
