#!/usr/bin/env python
"""How long storing every occurrence and iCalendar text of the N× demo takes, and how many rows that is.

    .venv/bin/python bench/occurrences.py        # after bench/pages.py has filled pps_bench

Rewrites the stored occurrences of every event in the benchmark database
(`calendar_app.services.occurrences_store`, 2,000 events per call, which
stores their iCalendar texts too): the same work the data migrations and
`seed_demo --scale N` do. Then the texts alone (`texts_store`, what the
migration 0008 does). Prints wall and CPU time of this process (the
expansion and serialization in Python) and the row counts.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.db import connection  # noqa: E402

from calendar_app import services  # noqa: E402
from calendar_app.models import Event, EventText, Occurrence  # noqa: E402

CHUNK = 2000


def timed(store):
    """Wall and CPU seconds of `store` over every event, CHUNK at a time."""
    started, cpu = time.perf_counter(), time.process_time()
    pks = list(Event.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        store(events=Event.objects.filter(pk__in=pks[start : start + CHUNK]))
    return time.perf_counter() - started, time.process_time() - cpu


def main():
    events = Event.objects.count()
    wall, cpu = timed(services.occurrences_store)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE calendar_app_occurrence")
    print(
        f"{Occurrence.objects.count():,} occurrences of {events:,} events stored with their texts in {wall:.1f} s "
        f"({cpu:.1f} s CPU in Python); {Occurrence.objects.public().count():,} of them public"
    )
    wall, cpu = timed(services.texts_store)
    print(f"{EventText.objects.count():,} iCalendar texts alone stored in {wall:.1f} s ({cpu:.1f} s CPU in Python)")


if __name__ == "__main__":
    main()
