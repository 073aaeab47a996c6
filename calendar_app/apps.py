from functools import partial

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarConfig(AppConfig):
    name = "calendar_app"
    verbose_name = _("Kalendarz")

    def ready(self):
        from django.db.models.signals import post_save

        from calendar_app.changes import next_change
        from calendar_app.models import Event, EventCategory
        from editorial.signals import version_restored, version_restoring
        from organizations.models import District, Organization
        from pps_portal.invalidation import register_time_based_change
        from pps_portal.languages import localized_names

        register_time_based_change(next_change)
        version_restoring.connect(_lock_before_restore, sender=Event)
        version_restored.connect(_store_restored_dates, sender=Event)
        post_save.connect(_store_event_texts, sender=Event)
        # What an event's text shows of them: the category's and district's names, the
        # organization's name while it is published.
        for model, field, shown in [
            (EventCategory, "category", {"name", *localized_names("name")}),
            (District, "district", {"name"}),
            (Organization, "organizer", {"name", "status"}),
        ]:
            receiver = partial(_store_texts_of_events, field=field, shown=shown)
            post_save.connect(receiver, sender=model, weak=False)


def _lock_before_restore(sender, obj, **kwargs):
    """The occurrences lock before the restore locks the event's row, as every writer of dates takes them."""
    from calendar_app import services

    services.occurrences_lock()


def _store_restored_dates(sender, obj, **kwargs):
    """A restored version may bring back other times or another rule: store the event's dates again."""
    from calendar_app import services

    services.occurrences_store(events=[obj])


def _store_event_texts(sender, instance, raw=False, **kwargs):
    """Any save of an event (admin, a transition, the shell) stores its iCalendar text in the same transaction."""
    from calendar_app import services

    if not raw:
        services.texts_store(events=[instance])


def _store_texts_of_events(sender, instance, field, shown, created=False, raw=False, update_fields=None, **kwargs):
    """A saved category, district or organization: the texts of the events that name it are stored again
    (not for a new one, which no event names yet, nor for a save of only fields they do not show)."""
    from calendar_app import services
    from calendar_app.models import Event

    if not (raw or created or (update_fields is not None and not shown & set(update_fields))):
        services.texts_store(events=Event.objects.filter(**{field: instance}).only("pk"))
