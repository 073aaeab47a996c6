from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    # This module holds more than one AppConfig (and imports axes' own): this
    # is the app's, the others are named in INSTALLED_APPS.
    default = True
    name = "pps_portal"
    verbose_name = _("Serwis")

    def ready(self):
        from django.apps import apps
        from django.core import checks
        from django.db import connections
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate, pre_migrate
        from django.utils.autoreload import file_changed

        from pps_portal import invalidation
        from pps_portal.caches import cache_recovered, check_shared_cache

        checks.register(check_shared_cache, checks.Tags.caches)

        # Page cache invalidation (pps_portal.invalidation): every write to a
        # content table, on every connection of every process.
        connection_created.connect(invalidation.install_write_watch, dispatch_uid="pps_portal.write_watch")
        for connection in connections.all(initialized_only=True):
            invalidation.install_write_watch(sender=None, connection=connection)
        # A migration run (new code, new schema) ends with a new generation;
        # meanwhile writes need none (the cache table may not exist yet).
        pre_migrate.connect(invalidation.migration_started, sender=self)
        post_migrate.connect(invalidation.migration_finished, sender=self)
        # Development: a template or code edited under runserver.
        file_changed.connect(invalidation.source_changed, dispatch_uid="pps_portal.source_changed")
        # Writes may have happened while the cache was unreachable.
        cache_recovered.connect(invalidation.cache_back, dispatch_uid="pps_portal.cache_back")
        invalidation.register_time_based_change(invalidation.next_local_midnight)
        # Every date-time column of every content model (a deadline, an event's start).
        invalidation.register_time_based_change(invalidation.next_stored_moment)
        # Every kind on the editorial core: scheduled publication and expiry ("widoczne do").
        for model in apps.get_models():
            workflow = getattr(model, "workflow", None)
            if callable(getattr(workflow, "next_change", None)):
                invalidation.register_time_based_change(workflow.next_change)


class LoginProtectionConfig(AxesAppConfig):
    """django-axes, named in Polish in admin (the package gives its app no
    name, so admin showed "Axes"); its model names come from our catalogue."""

    default = False
    verbose_name = _("Ochrona logowania")
