"""A monthly series by weekday in words, in each language's grammar."""

import pytest
from django.utils import translation

from calendar_app.models import Event
from tests.calendar_app.factories import EventFactory, local

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "second_friday", "second_wednesday"),
    [
        ("pl", "co miesiąc, w drugi piątek miesiąca", "co miesiąc, w drugą środę miesiąca"),
        ("uk", "щомісяця, у другу п'ятницю місяця", "щомісяця, у другу середу місяця"),
        ("en", "every month, on the second Friday of the month", "every month, on the second Wednesday of the month"),
    ],
)
def test_the_ordinal_agrees_with_the_weekday_in_each_language(language, second_friday, second_wednesday):
    def monthly(day):
        return EventFactory(
            starts_at=local(2026, 1, day, 17), ends_at=local(2026, 1, day, 18), repeat=Event.Repeat.MONTHLY,
            repeat_monthly_by=Event.MonthlyBy.WEEKDAY,
        )  # fmt: skip

    friday, wednesday = monthly(9), monthly(14)
    with translation.override(language):
        assert (friday.recurrence_text, wednesday.recurrence_text) == (second_friday, second_wednesday)
