"""Editors' tools: services, admin actions and forms, model constraints, demo content."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from calendar_app import services
from calendar_app.demo import seed_events
from calendar_app.models import Event, EventException, Occurrence
from editorial.models import HistoryEntry
from editorial.services import TransitionRefused, transition
from tests.admin_forms import DOCUMENTS_INLINE
from tests.calendar_app.factories import EventFactory, local

pytestmark = pytest.mark.django_db


def test_end_before_start_is_refused_by_the_database():
    event = EventFactory()
    with transaction.atomic(), pytest.raises(IntegrityError, match="event_ends_after_start"):
        Event.objects.filter(pk=event.pk).update(ends_at=event.starts_at - datetime.timedelta(hours=1))


def test_all_day_event_without_dates_is_refused_by_the_database():
    event = EventFactory(all_day=True)
    with transaction.atomic(), pytest.raises(IntegrityError, match="event_all_day_dates"):
        Event.objects.filter(pk=event.pk).update(start_date=None)


def test_clean_explains_end_before_start_in_polish():
    event = Event(title="X", starts_at=local(2026, 12, 1, 18), ends_at=local(2026, 12, 1, 17))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["ends_at"] == ["Koniec nie może być wcześniejszy niż początek."]


def test_exception_must_name_a_date_of_the_series():
    event = EventFactory(starts_at=local(2026, 12, 2, 18), ends_at=local(2026, 12, 2, 19), repeat=Event.Repeat.WEEKLY)
    exception = EventException(event=event, occurrence_date=datetime.date(2026, 12, 3))
    with pytest.raises(ValidationError) as error:
        exception.full_clean()
    assert error.value.message_dict["occurrence_date"] == ["W tym dniu seria nie ma terminu."]


def test_slug_is_made_from_polish_title_and_kept_unique():
    first = EventFactory(title="Łódzki Piknik Żeglarski", slug="")
    second = EventFactory(title="Łódzki Piknik Żeglarski", slug="")
    assert (first.slug, second.slug) == ("lodzki-piknik-zeglarski", "lodzki-piknik-zeglarski-2")


def test_description_is_sanitized_on_save():
    event = EventFactory(description='<p onclick="x()">Tekst<script>alert(1)</script></p>')
    assert event.description == "<p>Tekst</p>"


def test_submit_saves_a_pending_event_with_plain_text_description():
    event = Event(title="Zgłoszone", starts_at=local(2026, 12, 1, 18), ends_at=local(2026, 12, 1, 19))
    event.status = Event.Status.PUBLISHED  # a form cannot publish
    services.event_submit(event=event, description_text="<b>Akapit</b>\n\nDrugi")
    event.refresh_from_db()
    assert event.status == Event.Status.PENDING
    assert event.description == "<p>&lt;b&gt;Akapit&lt;/b&gt;</p>\n\n<p>Drugi</p>"
    assert list(Event.objects.public()) == []


def test_publish_cancel_and_withdraw_record_history(editor):
    event = transition(EventFactory(status=Event.Status.PENDING), "publish", actor=editor)
    assert event.published_at is not None and list(Event.objects.public()) == [event]
    event = transition(event, "cancel", actor=editor, reason="Deszcz.")
    assert list(Event.objects.public()) == [event] and event.cancellation_note == "Deszcz."
    transition(event, "withdraw", actor=editor)
    steps = HistoryEntry.objects.for_object(event).filter(action="transition").reverse()
    assert list(Event.objects.public()) == []
    assert list(steps.values_list("from_state", "to_state")) == [
        ("pending", "published"),
        ("published", "cancelled"),
        ("cancelled", "withdrawn"),
    ]


def test_copy_makes_a_draft_with_a_new_slug():
    event = EventFactory(title="Gala", slug="gala", repeat=Event.Repeat.WEEKLY)
    EventException.objects.create(event=event, occurrence_date=datetime.date(2026, 12, 3))
    copy = services.event_copy(event=event)
    assert (copy.slug, copy.status, copy.repeat, copy.exceptions.count()) == (
        "gala-2",
        Event.Status.DRAFT,
        "weekly",
        0,
    )


def test_admin_actions_publish_cancel_and_copy(admin_client):
    pending = EventFactory(status=Event.Status.PENDING)
    url = "/admin/calendar_app/event/"
    admin_client.post(url, {"action": "transition_publish", "_selected_action": [pending.pk], "apply": "1"})
    pending.refresh_from_db()
    assert pending.status == Event.Status.PUBLISHED
    admin_client.post(url, {"action": "transition_cancel", "_selected_action": [pending.pk], "apply": "1"})
    pending.refresh_from_db()
    assert pending.status == Event.Status.CANCELLED
    admin_client.post(url, {"action": "copy", "_selected_action": [pending.pk]})
    assert Event.objects.filter(status=Event.Status.DRAFT).count() == 1


@pytest.mark.parametrize("query", ["", "?termin=upcoming", "?termin=past", "?seria=1", "?status__exact=cancelled"])
def test_admin_list_and_filters_render(admin_client, frozen_now, query):
    EventFactory()
    EventFactory(starts_at=local(2026, 1, 1, 10), repeat=Event.Repeat.WEEKLY)
    assert admin_client.get(f"/admin/calendar_app/event/{query}").status_code == 200


def test_admin_saves_an_all_day_series_with_an_exception(admin_client, frozen_now):
    data = {
        "title": "Kiermasz", "slug": "", "summary": "", "description": "", "category": "", "status": "published",
        "is_all_day": "on", "starts_at_0": "", "starts_at_1": "", "ends_at_0": "", "ends_at_1": "",
        "start_date": "2026-12-05", "end_date": "2026-12-06",
        "repeat": "weekly", "repeat_interval": "1", "repeat_monthly_by": "monthday", "repeat_until": "2027-01-31",
        "venue_name": "Rynek", "address": "", "postal_code": "", "city": "", "district": "",
        "attendance_mode": "offline", "organizer": "", "organizer_name": "Spółdzielnia", "contact_email": "",
        "contact_phone": "", "is_free": "on", "price": "", "external_url": "", "wheelchair_access": "unknown",
        "induction_loop": "unknown", "sign_language": "unknown", "accessibility_notes": "", "image_alt": "",
        "cancellation_note": "", "rejection_reason": "", "submitter_name": "", "submitter_email": "",
        "exceptions-TOTAL_FORMS": "1", "exceptions-INITIAL_FORMS": "0", "exceptions-MIN_NUM_FORMS": "0",
        "exceptions-MAX_NUM_FORMS": "1000", "exceptions-0-occurrence_date": "2026-12-12",
        "exceptions-0-kind": "moved", "exceptions-0-new_start_date": "2027-02-06", "exceptions-0-new_end_date": "",
        "exceptions-0-new_starts_at_0": "", "exceptions-0-new_starts_at_1": "", "exceptions-0-new_ends_at_0": "",
        "exceptions-0-new_ends_at_1": "", "exceptions-0-note": "", **DOCUMENTS_INLINE,
    }  # fmt: skip
    response = admin_client.post("/admin/calendar_app/event/add/", data)
    assert response.status_code == 302, [f.formset.errors for f in response.context["inline_admin_formsets"]]
    event = Event.objects.get(slug="kiermasz")
    assert (event.starts_at, event.ends_at) == (local(2026, 12, 5), local(2026, 12, 7))
    # The stored dates follow the inline exception saved with it: 12 December moved to 6–7 February.
    moved = event.occurrences.get(state=Occurrence.State.MOVED)
    assert (moved.original_starts_at, moved.first_day, moved.last_day) == (
        local(2026, 12, 12),
        datetime.date(2027, 2, 6),
        datetime.date(2027, 2, 7),
    )


def test_demo_seeder_is_idempotent_and_organized_by_registry_organizations(frozen_now):
    from organizations.demo import seed_organizations

    seed_organizations()
    first = seed_events()
    count = Event.objects.count()
    seed_events()
    assert Event.objects.count() == count and "17 wydarzeń" in first
    assert Event.objects.filter(organizer__isnull=False).count() > count // 2
    assert Event.objects.filter(status=Event.Status.CANCELLED).count() == 1
    assert Event.objects.series().count() >= 3


def test_demo_seeder_scale_bulk_inserts_generated_events(frozen_now):
    seed_events(scale=2)
    assert Event.objects.filter(slug__startswith="demo-wydarzenie-").count() == 500


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.PENDING, Event.Status.REJECTED])
def test_cancelling_is_refused_for_events_that_were_never_published(editor, status):
    event = EventFactory(status=status, rejection_reason="Duplikat." if status == Event.Status.REJECTED else "")
    with pytest.raises(TransitionRefused):
        transition(event, "cancel", actor=editor, reason="Deszcz.")
    event.refresh_from_db()
    assert event.status == status and event.published_at is None
    assert list(Event.objects.public()) == []


def test_admin_cancel_action_skips_unpublished_events_and_says_so(admin_client):
    published = EventFactory(status=Event.Status.PUBLISHED)
    pending = EventFactory(status=Event.Status.PENDING)
    draft = EventFactory(status=Event.Status.DRAFT)
    response = admin_client.post(
        "/admin/calendar_app/event/",
        {"action": "transition_cancel", "_selected_action": [published.pk, pending.pk, draft.pk], "apply": "1"},
        follow=True,
    )
    statuses = dict(Event.objects.values_list("pk", "status"))
    assert statuses == {published.pk: "cancelled", pending.pk: "pending", draft.pk: "draft"}
    [message] = [str(m) for m in response.context["messages"]]
    assert message.startswith("Odwołano 1 wydarzenie. Pominięto 2 wydarzenia: ")
