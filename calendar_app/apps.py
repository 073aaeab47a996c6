from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "calendar_app"
    verbose_name = _("Kalendarz")

    def ready(self):
        from calendar_app.changes import next_change
        from pps_portal.invalidation import register_time_based_change

        register_time_based_change(next_change)
