from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "grants"
    verbose_name = _("Konkursy ofert")

    def ready(self):
        from grants import signals  # noqa: F401  (links results to organizations published later)
        from grants.changes import next_change
        from pps_portal.invalidation import register_time_based_change

        # The page cache: the deadlines feed drops a call a month after its deadline.
        register_time_based_change(next_change)
