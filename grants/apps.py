from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "grants"
    verbose_name = _("Konkursy ofert")

    def ready(self):
        from grants import signals  # noqa: F401  (links results to organizations published later)
