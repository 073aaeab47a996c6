"""The data migration that stores the occurrences of the events that existed before the table."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from calendar_app import recurrence
from calendar_app.models import Occurrence, OccurrenceHorizon
from tests.calendar_app.factories import local

BEFORE = [("calendar_app", "0006_translations")]
AFTER = [("calendar_app", "0007_occurrences")]


@pytest.mark.django_db(transaction=True)
def test_migration_stores_the_occurrences_of_existing_events():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        apps = executor.loader.project_state(BEFORE).apps
        Event = apps.get_model("calendar_app", "Event")
        EventException = apps.get_model("calendar_app", "EventException")
        common = {"summary": "", "description": "", "status": "published", "repeat_weekdays": []}
        series = Event.objects.create(
            title="Joga", slug="joga", starts_at=local(2026, 10, 14, 18), ends_at=local(2026, 10, 14, 19),
            repeat="weekly", repeat_until=datetime.date(2026, 11, 4), **common,
        )  # fmt: skip
        EventException.objects.create(event=series, occurrence_date=datetime.date(2026, 10, 21), kind="cancelled")
        EventException.objects.create(
            event=series, occurrence_date=datetime.date(2026, 10, 28), kind="moved",
            new_starts_at=local(2026, 10, 29, 17), new_ends_at=local(2026, 10, 29, 18), note="Sala zajęta.",
        )  # fmt: skip
        Event.objects.create(
            title="Kiermasz", slug="kiermasz", is_all_day=True, start_date=datetime.date(2026, 12, 5),
            end_date=datetime.date(2026, 12, 6), starts_at=local(2026, 12, 5), ends_at=local(2026, 12, 7),
            **{**common, "status": "draft"},
        )  # fmt: skip
        executor = MigrationExecutor(connection)
        executor.migrate(AFTER)
        rows = Occurrence.objects.order_by("starts_at")
        assert [
            (f"{recurrence.local_naive(o.starts_at):%d.%m %H:%M}", o.state, o.event_status, o.note) for o in rows
        ] == [
            ("14.10 18:00", "scheduled", "published", ""),
            ("21.10 18:00", "cancelled", "published", ""),
            ("29.10 17:00", "moved", "published", "Sala zajęta."),
            ("04.11 18:00", "scheduled", "published", ""),
            ("05.12 00:00", "scheduled", "draft", ""),
        ]
        assert (rows.last().first_day, rows.last().last_day) == (
            datetime.date(2026, 12, 5),
            datetime.date(2026, 12, 6),
        )
        assert OccurrenceHorizon.objects.get().until > datetime.date.today() + datetime.timedelta(days=365)
    finally:
        MigrationExecutor(connection).migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
