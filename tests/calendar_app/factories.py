import datetime

import factory

from calendar_app import recurrence, services
from calendar_app.models import Event, EventCategory, EventException


def local(year, month, day, hour=0, minute=0):
    """An aware datetime in Europe/Warsaw wall-clock time."""
    return recurrence.aware(datetime.datetime(year, month, day, hour, minute))


class EventCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventCategory
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Kategoria {n}")
    slug = factory.Sequence(lambda n: f"kategoria-{n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Wydarzenie {n}")
    summary = "Spotkanie dla mieszkańców."
    starts_at = factory.LazyFunction(lambda: local(2026, 11, 26, 18))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    venue_name = "Miejska Biblioteka Publiczna"
    address = "al. Najświętszej Maryi Panny 22"
    postal_code = "42-217"
    city = "Częstochowa"
    organizer_name = "Stowarzyszenie Przykładowe"
    status = Event.Status.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Saved as the admin and the services save: with its stored occurrences."""
        services.occurrences_lock()
        event = super()._create(model_class, *args, **kwargs)
        services.occurrences_store(events=[event])
        return event

    class Params:
        all_day = factory.Trait(
            is_all_day=True,
            start_date=datetime.date(2026, 11, 26),
            end_date=factory.SelfAttribute("start_date"),
            starts_at=None,
            ends_at=None,
        )


class EventExceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventException

    event = factory.SubFactory(EventFactory, repeat=Event.Repeat.WEEKLY)
    kind = EventException.Kind.CANCELLED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Saved with the series' stored occurrences updated, as in admin."""
        exception = super()._create(model_class, *args, **kwargs)
        services.occurrences_store(events=[exception.event])
        return exception
