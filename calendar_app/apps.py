from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "calendar_app"
    verbose_name = _("Kalendarz")

    def ready(self):
        from calendar_app.changes import next_change
        from calendar_app.models import Event
        from editorial.signals import version_restored, version_restoring
        from pps_portal.invalidation import register_time_based_change

        register_time_based_change(next_change)
        version_restoring.connect(_lock_before_restore, sender=Event)
        version_restored.connect(_store_restored_dates, sender=Event)


def _lock_before_restore(sender, obj, **kwargs):
    """The occurrences lock before the restore locks the event's row, as every writer of dates takes them."""
    from calendar_app import services

    services.occurrences_lock()


def _store_restored_dates(sender, obj, **kwargs):
    """A restored version may bring back other times or another rule: store the event's dates again."""
    from calendar_app import services

    services.occurrences_store(events=[obj])
