"""Which days have public events: the mini calendar's one query.

The mini calendar is on every page, so it must stay cheap at any data size.
Single events are turned into local days by PostgreSQL itself
(generate_series over the part of each event inside the range, DISTINCT: at
most one row per day), while series come back as one JSON row each (their
rule and exceptions) to be expanded in Python, and only while some day of
the month is still without an event. Both in ONE query (UNION ALL); the
ORM has no way to say this, hence the SQL.
"""

import datetime
import json

from django.db import connection

from calendar_app import recurrence
from calendar_app.models import Event, EventException

_SQL = """
SELECT DISTINCT 'd' AS kind, to_char(day, 'YYYY-MM-DD') AS payload
FROM calendar_app_event e,
     LATERAL generate_series(
         date_trunc('day', greatest(e.starts_at, %(lo)s) AT TIME ZONE %(tz)s),
         greatest(least(e.ends_at, %(hi)s) - interval '1 microsecond', greatest(e.starts_at, %(lo)s))
             AT TIME ZONE %(tz)s,
         interval '1 day'
     ) AS day
WHERE e.status = ANY(%(public)s) AND e.repeat = ''
  AND e.occurrence_span && tstzrange(%(lo)s, %(hi)s, '[)')
  AND e.starts_at < %(hi)s AND (e.ends_at > %(lo)s OR e.starts_at >= %(lo)s)
UNION ALL
SELECT 's', json_build_object(
    'id', e.id, 'status', e.status, 'is_all_day', e.is_all_day,
    'starts_at', e.starts_at, 'ends_at', e.ends_at, 'start_date', e.start_date, 'end_date', e.end_date,
    'repeat', e.repeat, 'repeat_interval', e.repeat_interval, 'repeat_weekdays', e.repeat_weekdays,
    'repeat_monthly_by', e.repeat_monthly_by, 'repeat_until', e.repeat_until,
    'exceptions', coalesce((
        SELECT json_agg(json_build_object(
            'occurrence_date', x.occurrence_date, 'kind', x.kind, 'new_starts_at', x.new_starts_at,
            'new_ends_at', x.new_ends_at, 'new_start_date', x.new_start_date, 'new_end_date', x.new_end_date,
            'note', x.note))
        FROM calendar_app_eventexception x WHERE x.event_id = e.id), '[]'::json)
)::text
FROM calendar_app_event e
WHERE e.status = ANY(%(public)s) AND e.repeat <> ''
  AND e.occurrence_span && tstzrange(%(lo)s, %(hi)s, '[)')
"""


def _series_event(row):
    def parse_datetime(value):
        return datetime.datetime.fromisoformat(value) if value else None

    def parse_date(value):
        return datetime.date.fromisoformat(value) if value else None

    event = Event(
        pk=row["id"],
        status=row["status"],
        is_all_day=row["is_all_day"],
        starts_at=parse_datetime(row["starts_at"]),
        ends_at=parse_datetime(row["ends_at"]),
        start_date=parse_date(row["start_date"]),
        end_date=parse_date(row["end_date"]),
        repeat=row["repeat"],
        repeat_interval=row["repeat_interval"],
        repeat_weekdays=row["repeat_weekdays"] or [],
        repeat_monthly_by=row["repeat_monthly_by"],
        repeat_until=parse_date(row["repeat_until"]),
    )
    event.series_exceptions = [EventException.from_row(event, item) for item in row["exceptions"]]
    return event


def days_with_events(first_day, last_day):
    """The set of local dates first_day..last_day on which a public event takes place (one query)."""
    lo, hi = recurrence.local_day_range(first_day, last_day)
    with connection.cursor() as cursor:
        cursor.execute(
            _SQL,
            {"lo": lo, "hi": hi, "tz": recurrence.LOCAL_TZ.key, "public": [str(s) for s in Event.PUBLIC_STATUSES]},
        )
        rows = cursor.fetchall()
    wanted = {first_day + datetime.timedelta(days=n) for n in range((last_day - first_day).days + 1)}
    days = {datetime.date.fromisoformat(payload) for kind, payload in rows if kind == "d"}
    for kind, payload in rows:
        if kind != "s" or wanted <= days:
            continue  # every day already has an event: no need to expand more series
        for occurrence in recurrence.expand(_series_event(json.loads(payload)), lo, hi):
            days.update(occurrence.days)
    return days & wanted
