"""Stored spans of series with an end date used to stop at the last occurrence
within 62 days of that date: a series with a longer gap (every 3 months…)
vanished from lists after its first date. Extend those spans to the real last
occurrence (`Rule.last_start`); never shrink one (moved occurrences may reach
further)."""

import datetime

from django.db import migrations
from django.db.backends.postgresql.psycopg_any import DateTimeTZRange

from calendar_app import recurrence


def extend_spans(apps, schema_editor):
    Event = apps.get_model("calendar_app", "Event")
    series = Event.objects.exclude(repeat="").filter(repeat_until__isnull=False, occurrence_span__isnull=False)
    for event in series.iterator(chunk_size=500):
        if event.is_all_day:
            start, end = recurrence.local_day_range(event.start_date, event.end_date)
        else:
            start, end = event.starts_at, event.ends_at
        rule = recurrence.Rule(
            frequency=event.repeat,
            interval=event.repeat_interval or 1,
            weekdays=tuple(event.repeat_weekdays or ()),
            monthly_by=event.repeat_monthly_by,
            until=event.repeat_until,
        )
        first = recurrence.local_naive(start)
        last = rule.last_start(first)
        if last is None:
            continue
        last_end = recurrence.aware(last + (recurrence.local_naive(end) - first))
        span = event.occurrence_span
        if span.upper is not None and last_end > span.upper:
            Event.objects.filter(pk=event.pk).update(occurrence_span=DateTimeTZRange(span.lower, last_end, "[]"))


class Migration(migrations.Migration):
    dependencies = [("calendar_app", "0001_events_and_series_exceptions")]

    operations = [migrations.RunPython(extend_spans, migrations.RunPython.noop)]
