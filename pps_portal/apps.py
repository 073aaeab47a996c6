from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "pps_portal"
    verbose_name = _("Serwis")

    def ready(self):
        from django.core import checks

        from pps_portal.caches import check_shared_cache

        checks.register(check_shared_cache, checks.Tags.caches)
