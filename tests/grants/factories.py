import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from editorial.states import State
from grants.models import Funder, Grant, GrantCall
from tests.organizations.factories import AreaFactory


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder
        django_get_or_create = ["name"]

    name = "Gmina Miasto Częstochowa"
    department = "Wydział Polityki Społecznej"
    nip = "5730001233"


def _in_days(days, hour=15, minute=30):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class GrantCallFactory(factory.django.DjangoModelFactory):
    """A published call taking applications now (opened 5 days ago, deadline in 10 days)."""

    class Meta:
        model = GrantCall

    title = factory.Sequence(lambda n: f"Konkurs ofert numer {n}")
    slug = factory.Sequence(lambda n: f"konkurs-ofert-{n}")
    kind = GrantCall.Kind.OPEN_CALL
    area = factory.SubFactory(AreaFactory)
    funder = factory.SubFactory(FunderFactory)
    budget = Decimal("100000.00")
    announced_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=6))
    applications_open_at = factory.LazyFunction(lambda: _in_days(-5, 8, 0))
    deadline_at = factory.LazyFunction(lambda: _in_days(10))
    application_url = "https://www.witkac.pl/"
    status = State.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


def resolved_call(**kwargs):
    """A published call whose results were announced 10 days ago."""
    fields = {
        "applications_open_at": _in_days(-400, 8, 0),
        "deadline_at": _in_days(-370),
        "resolved_on": timezone.localdate() - datetime.timedelta(days=10),
        **kwargs,
    }
    return GrantCallFactory(**fields)


class GrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grant

    call = factory.SubFactory(GrantCallFactory)
    recipient_name = factory.Sequence(lambda n: f"Stowarzyszenie numer {n}")
    task_title = factory.Sequence(lambda n: f"Zadanie publiczne {n}")
    amount = Decimal("12500.50")
