"""A call's public status follows from its dates and results by itself, at its minute, with no job;
the SQL annotation and the Python property never disagree."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from editorial import services
from editorial.states import State
from grants import phases
from grants.models import GrantCall
from grants.phases import Phase
from tests.grants.factories import GrantCallFactory

pytestmark = pytest.mark.django_db

WARSAW = datetime.timezone(datetime.timedelta(hours=1))  # CET: the dates below are in winter
OPENS = datetime.datetime(2026, 1, 12, 8, 0, tzinfo=WARSAW)
DEADLINE = datetime.datetime(2026, 2, 2, 15, 30, tzinfo=WARSAW)
RESULTS = datetime.date(2026, 3, 2)


@pytest.fixture
def call():
    return GrantCallFactory(
        announced_on=datetime.date(2026, 1, 5),
        applications_open_at=OPENS,
        deadline_at=DEADLINE,
        resolved_on=RESULTS,
        published_at=datetime.datetime(2026, 1, 5, 9, 0, tzinfo=WARSAW),
    )


def phase_in_sql(call):
    return GrantCall.objects.with_phase().get(pk=call.pk).current_phase


def phase_filtered(call):
    """Which phase filter finds the call (each filter is a plain WHERE clause)."""
    return [phase for phase in Phase if GrantCall.objects.in_phase(phase).filter(pk=call.pk).exists()]


BOUNDARIES = [
    (OPENS - datetime.timedelta(minutes=1), Phase.ANNOUNCED),
    (OPENS, Phase.OPEN),
    (DEADLINE - datetime.timedelta(minutes=1), Phase.OPEN),
    (DEADLINE - datetime.timedelta(seconds=1), Phase.OPEN),
    (DEADLINE, Phase.EVALUATION),
    # The results date begins at local midnight (23:00 UTC the day before in winter).
    (datetime.datetime(2026, 3, 1, 23, 59, tzinfo=WARSAW), Phase.EVALUATION),
    (datetime.datetime(2026, 3, 2, 0, 0, tzinfo=WARSAW), Phase.RESOLVED),
]


@pytest.mark.parametrize(("moment", "expected"), BOUNDARIES, ids=lambda v: str(v))
def test_status_changes_at_each_boundary_in_python_sql_and_filters(call, moment, expected):
    with time_machine.travel(moment, tick=False):
        fresh = GrantCall.objects.get(pk=call.pk)
        assert (fresh.phase, phase_in_sql(call), phase_filtered(call)) == (expected, expected, [expected])


def test_a_call_without_a_results_date_stays_in_evaluation(call):
    call.resolved_on = None
    call.save()
    with time_machine.travel(DEADLINE + datetime.timedelta(days=400), tick=False):
        assert (GrantCall.objects.get(pk=call.pk).phase, phase_in_sql(call)) == (Phase.EVALUATION, Phase.EVALUATION)


def test_cancelling_makes_the_call_cancelled_with_its_public_reason(call, editor):
    with time_machine.travel(OPENS + datetime.timedelta(days=1), tick=False):
        cancelled = services.transition(call, "cancel", actor=editor, reason="Nie złożono żadnej oferty.")
        fresh = GrantCall.objects.published().get(pk=call.pk)
        assert (fresh.phase, phase_in_sql(call), phase_filtered(call)) == (
            Phase.CANCELLED,
            Phase.CANCELLED,
            [Phase.CANCELLED],
        )
    assert (cancelled.cancellation_reason, cancelled.cancelled_at) == (
        "Nie złożono żadnej oferty.",
        OPENS + datetime.timedelta(days=1),
    )


def test_cancelling_needs_a_reason(call, editor):
    with pytest.raises(services.TransitionRefused, match="wymaga podania powodu"):
        services.transition(call, "cancel", actor=editor, reason="  ")
    assert GrantCall.objects.get(pk=call.pk).status == State.PUBLISHED


def test_a_resolved_call_cannot_be_cancelled(call, editor):
    with (
        time_machine.travel(datetime.datetime(2026, 3, 3, 10, 0, tzinfo=WARSAW), tick=False),
        pytest.raises(services.TransitionRefused, match="rozstrzygniętego konkursu nie można unieważnić"),
    ):
        services.transition(call, "cancel", actor=editor, reason="Pomyłka.")
    assert GrantCall.objects.get(pk=call.pk).status == State.PUBLISHED


def test_a_draft_cannot_be_cancelled_into_public_view(editor):
    draft = GrantCallFactory(status=State.DRAFT, published_at=None)
    with pytest.raises(services.TransitionRefused):
        services.transition(draft, "cancel", actor=editor, reason="Powód.")
    assert list(GrantCall.objects.published()) == []


def test_withdrawing_a_cancelled_call_clears_its_reason(call, editor):
    with time_machine.travel(OPENS + datetime.timedelta(days=1), tick=False):
        cancelled = services.transition(call, "cancel", actor=editor, reason="Brak ofert.")
        withdrawn = services.transition(cancelled, "withdraw", actor=editor)
    assert (withdrawn.status, withdrawn.cancellation_reason, list(GrantCall.objects.published())) == (
        State.WITHDRAWN,
        "",
        [],
    )


@pytest.mark.parametrize(
    ("days", "label"),
    [
        (0, "ostatni dzień naboru"),
        (1, "został 1 dzień"),
        (2, "zostały 2 dni"),
        (4, "zostały 4 dni"),
        (5, "zostało 5 dni"),
        (12, "zostało 12 dni"),
        (22, "zostały 22 dni"),
        (25, "zostało 25 dni"),
    ],
)
def test_days_left_in_polish_plurals(days, label):
    assert phases.days_left_label(days) == label


def test_days_left_counts_calendar_days_in_warsaw(call):
    # 23:30 on Jan 31 in Warsaw is already Feb 1 nowhere near: the deadline (Feb 2) is 2 days away.
    with time_machine.travel(datetime.datetime(2026, 1, 31, 23, 30, tzinfo=WARSAW), tick=False):
        assert GrantCall.objects.get(pk=call.pk).days_left == 2
    with time_machine.travel(datetime.datetime(2026, 2, 2, 0, 5, tzinfo=WARSAW), tick=False):
        assert GrantCall.objects.get(pk=call.pk).days_left == 0


def test_next_phase_change_is_the_first_coming_moment(call):
    with time_machine.travel(OPENS - datetime.timedelta(days=1), tick=False):
        now = timezone.now()
        assert GrantCall.objects.next_phase_change(now, now + datetime.timedelta(days=90)) == OPENS
    with time_machine.travel(DEADLINE + datetime.timedelta(hours=1), tick=False):
        now = timezone.now()
        assert GrantCall.objects.next_phase_change(now, now + datetime.timedelta(days=90)) == datetime.datetime(
            2026, 3, 2, 0, 0, tzinfo=WARSAW
        )
        assert GrantCall.objects.next_phase_change(now, now + datetime.timedelta(days=5)) is None
