"""A grant call's public status (its phase), following from its dates and results.

zapowiedziany → trwa nabór → ocena ofert → rozstrzygnięty, or unieważniony.
Nothing is stored and no job flips it: the phase is computed from the
stored moments and the clock, in SQL for lists, filters and ordering
(`GrantCallQuerySet.with_phase()`, `phase_q()`) and in Python for one
loaded call (`phase_of()`). Both read the one table below, `RULES`, so the
two can never disagree.

The first rule that holds gives the phase:

1. the call was cancelled (an editor's transition, with a reason) → unieważniony;
2. its results date has come (`resolved_on` ≤ today, local time) → rozstrzygnięty;
3. its application deadline has passed (`deadline_at` ≤ now) → ocena ofert;
4. applications have opened (`applications_open_at` ≤ now) → trwa nabór;
5. otherwise → zapowiedziany.

So a call is open for applications up to the minute before its deadline,
and its results (the awarded grants) appear on the morning of their date.
"""

import datetime
import operator
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from editorial.states import State


class Phase(models.TextChoices):
    # Values are what `?status=` takes in the list's query string.
    ANNOUNCED = "zapowiedziany", _("zapowiedziany")
    OPEN = "nabor", _("trwa nabór")
    EVALUATION = "ocena", _("ocena ofert")
    RESOLVED = "rozstrzygniety", _("rozstrzygnięty")
    CANCELLED = "uniewazniony", _("unieważniony")


# The moment a rule compares a column with.
NOW, TODAY = "now", "today"


@dataclass(frozen=True)
class Rule:
    phase: str
    field: str
    lookup: str  # "exact" or "lte"
    value: object  # a constant, or NOW / TODAY

    def bound(self, moments):
        return moments[self.value] if self.value in (NOW, TODAY) else self.value

    def q(self, moments):
        """This rule as a filter (SQL: a NULL column never satisfies ≤)."""
        return Q(**{f"{self.field}__{self.lookup}": self.bound(moments)})

    def holds(self, obj, moments):
        """This rule for one loaded object, with SQL's NULL semantics."""
        value = getattr(obj, self.field)
        if value is None:
            return False
        compare = {"exact": operator.eq, "lte": operator.le}[self.lookup]
        return compare(value, self.bound(moments))


RULES = (
    Rule(Phase.CANCELLED, "status", "exact", State.CANCELLED),
    Rule(Phase.RESOLVED, "resolved_on", "lte", TODAY),
    Rule(Phase.EVALUATION, "deadline_at", "lte", NOW),
    Rule(Phase.OPEN, "applications_open_at", "lte", NOW),
)
DEFAULT = Phase.ANNOUNCED

# Listing order: open calls first, then upcoming, being evaluated, resolved, cancelled.
ORDER = (Phase.OPEN, Phase.ANNOUNCED, Phase.EVALUATION, Phase.RESOLVED, Phase.CANCELLED)


def moments(now=None):
    """{NOW: aware now, TODAY: its local date} — the clock the rules compare with."""
    now = now or timezone.now()
    return {NOW: now, TODAY: timezone.localdate(now)}


def phase_of(obj, now=None):
    """The phase of one loaded call (the same rules as `phase_expression`)."""
    clock = moments(now)
    for rule in RULES:
        if rule.holds(obj, clock):
            return Phase(rule.phase)
    return DEFAULT


def _case(clock, output, output_field):
    """CASE WHEN rule 1 THEN output(phase 1) … ELSE output(default) END."""
    return Case(
        *(When(rule.q(clock), then=Value(output(rule.phase))) for rule in RULES),
        default=Value(output(DEFAULT)),
        output_field=output_field,
    )


def phase_expression(now=None):
    """The phase as an SQL expression (CASE WHEN … END), for annotations."""
    return _case(moments(now), str, models.CharField())


def rank_expression(now=None):
    """The phase's place in `ORDER` (0: open calls), for ORDER BY: the same CASE, other outputs."""
    return _case(moments(now), ORDER.index, models.IntegerField())


def phase_q(phase, now=None):
    """Calls in `phase`, as a plain filter (no CASE): its rule holds and no earlier one does."""
    clock = moments(now)
    q = Q()
    for rule in RULES:
        if rule.phase == phase:
            return q & rule.q(clock)
        q &= ~rule.q(clock)
    return q  # the default phase: no rule holds


def days_left(deadline_at, now=None):
    """Whole calendar days from today to the deadline's day, local time (0 on the last day)."""
    now = now or timezone.now()
    return (timezone.localtime(deadline_at).date() - timezone.localdate(now)).days


def days_left_label(days):
    """ "został 1 dzień", "zostały 2 dni", "zostało 5 dni", "zostały 22 dni"; the last day says so."""
    if days <= 0:
        return gettext("ostatni dzień naboru")
    return ngettext("został %(count)d dzień", "zostało %(count)d dni", days) % {"count": days}


def local_midnight(day):
    """The aware moment a local date begins (when a results date takes effect)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
