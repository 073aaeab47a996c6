"""Each event's iCalendar text, stored per language (what the .ics files concatenate), filled for the existing events."""

import django.db.models.deletion
from django.db import migrations, models

CHUNK = 2000


def store_texts(apps, schema_editor):
    # The text is what calendar_app.ics writes from the current models (their
    # properties, translations and labels): historical models have none of
    # that, so this calls the service, after the migrations of every model it
    # reads (see `dependencies`). On a new database there is no event to read.
    from calendar_app import services
    from calendar_app.models import Event

    pks = list(Event.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), CHUNK):
        services.texts_store(events=Event.objects.filter(pk__in=pks[start : start + CHUNK]).only("pk"))


class Migration(migrations.Migration):
    dependencies = [
        ("calendar_app", "0007_occurrences"),
        # The service reads the events' organizers and districts as the models are now.
        ("organizations", "0009_self_service_and_freshness"),
    ]

    operations = [
        migrations.CreateModel(
            name="EventText",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(max_length=7)),
                ("text", models.TextField()),
                (
                    "event",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="texts",
                        to="calendar_app.event",
                    ),
                ),
            ],
            options={
                "ordering": ["event", "language"],
                "constraints": [
                    models.UniqueConstraint(fields=("event", "language"), name="event_text_one_per_language")
                ],
            },
        ),
        migrations.RunPython(store_texts, migrations.RunPython.noop),
    ]
