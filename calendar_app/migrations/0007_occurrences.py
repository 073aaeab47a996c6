"""Stored occurrences: one row per date of every event, read by every calendar page.

Fills the table for the existing events (series up to a horizon about two
years ahead) and drops the span column that the pages used to find series
to expand in Python.
"""

import datetime

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

from calendar_app import recurrence

# The same reach as calendar_app.services: LOOKAHEAD + EXTEND_BY.
HORIZON = datetime.timedelta(days=400 + 365)

# Occurrences copy their event's status; this key keeps the copy equal
# (a status change cascades to the rows; a row with a stale copy is refused).
ADD_STATUS_FOREIGN_KEY = """
ALTER TABLE calendar_app_occurrence
    ADD CONSTRAINT occurrence_event_status_fk FOREIGN KEY (event_id, event_status)
    REFERENCES calendar_app_event (id, status) ON UPDATE CASCADE ON DELETE CASCADE
"""
DROP_STATUS_FOREIGN_KEY = "ALTER TABLE calendar_app_occurrence DROP CONSTRAINT occurrence_event_status_fk"


def store_occurrences(apps, schema_editor):
    Event = apps.get_model("calendar_app", "Event")
    EventException = apps.get_model("calendar_app", "EventException")
    Occurrence = apps.get_model("calendar_app", "Occurrence")
    OccurrenceHorizon = apps.get_model("calendar_app", "OccurrenceHorizon")
    until = timezone.localdate() + HORIZON
    OccurrenceHorizon.objects.create(pk=1, until=until)
    changes = {}
    for exception in EventException.objects.select_related("event").order_by("pk"):
        changes.setdefault(exception.event_id, []).append(recurrence.Change.of(exception, exception.event.is_all_day))
    rows = []
    for event in Event.objects.order_by("pk").iterator(chunk_size=2000):
        rule = recurrence.Rule.of(event)
        for values in recurrence.occurrences(event.starts_at, event.ends_at, rule, changes.get(event.pk, []), until):
            rows.append(Occurrence(event_id=event.pk, event_status=event.status, is_all_day=event.is_all_day, **values))
        if len(rows) >= 10_000:
            Occurrence.objects.bulk_create(rows)
            rows = []
    Occurrence.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [
        ("calendar_app", "0006_translations"),
    ]

    operations = [
        migrations.CreateModel(
            name="Occurrence",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("event_status", models.CharField(editable=False, max_length=20)),
                ("original_starts_at", models.DateTimeField()),
                ("starts_at", models.DateTimeField()),
                ("ends_at", models.DateTimeField()),
                ("is_all_day", models.BooleanField()),
                (
                    "state",
                    models.CharField(
                        choices=[
                            ("scheduled", "zgodnie z planem"),
                            ("cancelled", "odwołany termin"),
                            ("moved", "przeniesiony termin"),
                        ],
                        default="scheduled",
                        max_length=10,
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=300)),
                ("first_day", models.DateField()),
                ("last_day", models.DateField()),
                ("is_multi_day", models.BooleanField()),
                ("previous_ends_at", models.DateTimeField(null=True)),
                (
                    "event",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="occurrences",
                        to="calendar_app.event",
                        verbose_name="wydarzenie",
                    ),
                ),
            ],
            options={
                "verbose_name": "termin",
                "verbose_name_plural": "terminy",
                "ordering": ["starts_at", "-is_all_day", "pk"],
            },
        ),
        migrations.CreateModel(
            name="OccurrenceHorizon",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("until", models.DateField()),
            ],
        ),
        migrations.AddConstraint(
            model_name="occurrencehorizon",
            constraint=models.CheckConstraint(condition=models.Q(("pk", 1)), name="occurrence_horizon_single_row"),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.UniqueConstraint(fields=("id", "status"), name="event_id_status"),
        ),
        # Rows first, then the key, constraints and indexes (faster than row by row).
        migrations.RunPython(store_occurrences, migrations.RunPython.noop),
        migrations.RunSQL(ADD_STATUS_FOREIGN_KEY, DROP_STATUS_FOREIGN_KEY),
        migrations.AddConstraint(
            model_name="occurrence",
            constraint=models.UniqueConstraint(
                fields=("event", "original_starts_at"), name="occurrence_one_per_planned_start"
            ),
        ),
        migrations.AddConstraint(
            model_name="occurrence",
            constraint=models.CheckConstraint(
                condition=models.Q(("ends_at__gte", models.F("starts_at"))), name="occurrence_ends_after_start"
            ),
        ),
        migrations.AddConstraint(
            model_name="occurrence",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("is_multi_day", False), ("last_day", models.F("first_day"))),
                    models.Q(("is_multi_day", True), ("last_day__gt", models.F("first_day"))),
                    _connector="OR",
                ),
                name="occurrence_days_in_order",
            ),
        ),
        migrations.AddConstraint(
            model_name="occurrence",
            constraint=models.CheckConstraint(
                condition=models.Q(("state__in", ["scheduled", "cancelled", "moved"])), name="occurrence_state_valid"
            ),
        ),
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(
                condition=models.Q(("event_status__in", ["published", "cancelled"])),
                fields=["first_day", "starts_at", "-is_all_day", "id"],
                include=("last_day",),
                name="occurrence_public_days",
            ),
        ),
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(
                condition=models.Q(("event_status__in", ["published", "cancelled"]), ("is_multi_day", True)),
                fields=["last_day", "first_day"],
                include=("id",),
                name="occurrence_public_multi_day",
            ),
        ),
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(
                condition=models.Q(("event_status__in", ["published", "cancelled"])),
                fields=["starts_at", "-is_all_day", "id"],
                include=("ends_at", "previous_ends_at"),
                name="occurrence_public_starts",
            ),
        ),
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(
                condition=models.Q(("event_status__in", ["published", "cancelled"])),
                fields=["ends_at"],
                name="occurrence_public_ends",
            ),
        ),
        migrations.RemoveIndex(model_name="event", name="event_public_span"),
        migrations.RemoveField(model_name="event", name="occurrence_span"),
    ]
