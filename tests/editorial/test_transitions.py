"""The transition table of every kind: what it allows works, everything else is refused and changes nothing."""

import pytest

from editorial import services
from editorial.models import HistoryEntry
from tests.editorial.kinds import KINDS, row
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CASES = [
    (kind, state, step.name)
    for kind, (model, _make) in KINDS.items()
    for state in model.workflow.states
    for step in model.workflow.transitions
]


def transition_entries(obj):
    return list(
        HistoryEntry.objects.for_object(obj)
        .filter(action=HistoryEntry.Action.TRANSITION)
        .values_list("actor", "from_state", "to_state", "transition", "reason")
    )


@pytest.mark.parametrize(("kind", "state", "name"), CASES, ids=["-".join(case) for case in CASES])
def test_every_transition_is_done_when_the_table_allows_it_and_refused_otherwise(editor, kind, state, name):
    model, make = KINDS[kind]
    step = model.workflow.get(name)
    obj = make(state, name)
    before = row(obj)
    if state in step.sources:
        done = services.transition(obj, name, actor=editor, reason="Powód testowy.")
        assert (row(done)["status"], transition_entries(obj)) == (
            step.target,
            [(editor.pk, state, step.target, name, "Powód testowy.")],
        )
    else:
        with pytest.raises(services.TransitionRefused) as refused:
            services.transition(obj, name, actor=editor, reason="Powód testowy.")
        assert "nie można wykonać czynności" in refused.value.message
        assert (row(obj), list(HistoryEntry.objects.for_object(obj))) == (before, [])


@pytest.mark.parametrize("kind", KINDS)
def test_a_transition_needs_the_kinds_moderate_permission(kind):
    model, make = KINDS[kind]
    step = model.workflow.transitions[0]
    obj = make(step.sources[0], step.name)
    outsider = UserFactory(username="bez-uprawnien", is_staff=True)
    with pytest.raises(services.TransitionRefused, match="Nie masz uprawnień"):
        services.transition(obj, step.name, actor=outsider)
    assert row(obj)["status"] == step.sources[0]


def test_an_unknown_transition_is_refused_in_polish(editor):
    obj = KINDS["news"][1]("draft")
    with pytest.raises(services.TransitionRefused, match="Nieznana czynność"):
        services.transition(obj, "teleport", actor=editor)


def test_bulk_over_mixed_objects_reports_done_and_skipped_with_reasons(editor):
    make = KINDS["news"][1]
    drafts = [make("draft") for _ in range(3)]
    live = make("published")
    result = services.transition_many([*drafts, live], "publish", actor=editor)
    assert (sorted(o.pk for o in result.done), [o.pk for o, _why in result.skipped]) == (
        sorted(d.pk for d in drafts),
        [live.pk],
    )
    assert result.message() == (
        f"Opublikowano 3 artykuły. Pominięto 1 artykuł: „{live}”: nie można wykonać czynności "
        "„Opublikuj”, gdy stan to „opublikowane”."
    )


@pytest.mark.parametrize(("count", "text"), [(1, "1 baner"), (2, "2 banery"), (5, "5 banerów"), (22, "22 banery")])
def test_bulk_messages_use_polish_plural_forms(editor, count, text):
    banners = [KINDS["banner"][1]("draft") for _ in range(count)]
    assert services.transition_many(banners, "publish", actor=editor).message() == f"Pokazano na stronie {text}."
