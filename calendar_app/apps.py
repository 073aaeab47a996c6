from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "calendar_app"
    verbose_name = _("Kalendarz")

    def ready(self):
        from calendar_app.changes import next_change
        from calendar_app.models import Event
        from editorial.signals import version_restored
        from pps_portal.invalidation import register_time_based_change

        register_time_based_change(next_change)
        version_restored.connect(_store_restored_dates, sender=Event)


def _store_restored_dates(sender, obj, **kwargs):
    """A restored version may bring back other times or another rule: store the event's dates again."""
    from calendar_app import services

    services.occurrences_store(events=[obj])
