import datetime

import pytest
import time_machine

from calendar_app import recurrence


@pytest.fixture
def frozen_now():
    """Thursday 26 November 2026, 12:00 in Częstochowa."""
    moment = recurrence.aware(datetime.datetime(2026, 11, 26, 12, 0))
    with time_machine.travel(moment, tick=False):
        yield moment
