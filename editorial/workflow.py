"""A kind's workflow: its states, its table of transitions, and what "public" means for it.

Declared once on the model (`workflow = Workflow(...)`); everything else
asks it: `editorial.services.transition` (is this step allowed?), the admin
(which buttons and actions to offer), the QuerySet (`published()`), the
templates (`display_state`). No rule is written a second time anywhere.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from editorial.states import EXPIRED_LABEL, SCHEDULED_LABEL, STATE_MAX_LENGTH, State

# "3 pozycje" (accusative: "Opublikowano 3 pozycje", "Pominięto 1 pozycję"):
# what bulk messages count when a kind names nothing better.
DEFAULT_COUNTED = ngettext_lazy("%(count)d pozycję", "%(count)d pozycji", "count")

NO_REASON, OPTIONAL_REASON, REQUIRED_REASON = None, "optional", "required"


def _resolve(hook):
    """A hook given as a callable or as a dotted path (imported on first use,
    so a model's table can name functions in its app's services module
    without a circular import)."""
    if hook is None or callable(hook):
        return hook
    return import_string(hook)


@dataclass(frozen=True)
class Transition:
    """One allowed step: from any of `sources` to `target`.

    name:      code used in URLs, actions and history ("publish").
    label:     what the button says, an imperative ("Opublikuj").
    done:      what the messages say it did ("Opublikowano").
    reason:    None, OPTIONAL_REASON or REQUIRED_REASON: does it ask for a text?
    reason_field: the model field the text is written to (a rejection reason
               is, by default, the workflow's `reason_field`); it is always
               recorded in the history entry too.
    reason_label, reason_help: the text field's label and hint (say who reads it).
    guard:     f(obj) -> a Polish message when the step is refused for a
               reason other than the state (a submission whose record was
               deleted, a duplicate KRS), else None. Must not write.
    effect:    f(obj, *, actor, reason, now) -> None: more changes made to
               the locked object in the same transaction (publish what a
               submission created, stamp a date).
    notify:    f(obj, entry) -> None, run after the transaction commits
               (an e-mail to the sender); its failure never undoes the step.
    """

    name: str
    label: str
    sources: tuple
    target: str
    done: str = ""
    reason: str | None = NO_REASON
    reason_field: str | None = None
    reason_label: str = _("Powód")
    reason_help: str = ""
    guard: object = None
    effect: object = None
    notify: object = None

    def __post_init__(self):
        object.__setattr__(self, "sources", tuple(self.sources))

    @property
    def needs_reason(self):
        return self.reason == REQUIRED_REASON

    @property
    def asks_reason(self):
        return self.reason is not None

    def run_guard(self, obj):
        guard = _resolve(self.guard)
        return guard(obj) if guard else None

    def run_effect(self, obj, **context):
        effect = _resolve(self.effect)
        if effect:
            effect(obj, **context)

    def run_notify(self, obj, entry):
        notify = _resolve(self.notify)
        if notify:
            notify(obj, entry)


def publish_step(sources, **options):
    """The usual step into the published state ("Opublikuj"); `options` override any field."""
    return Transition(
        **{
            "name": "publish",
            "label": _("Opublikuj"),
            "done": _("Opublikowano"),
            "sources": sources,
            "target": State.PUBLISHED,
            **options,
        }
    )


def withdraw_step(sources, **options):
    """The usual step out of public view ("Wycofaj"), with an optional reason for the editors."""
    return Transition(
        **{
            "name": "withdraw",
            "label": _("Wycofaj"),
            "done": _("Wycofano"),
            "sources": sources,
            "target": State.WITHDRAWN,
            "reason": OPTIONAL_REASON,
            "reason_label": _("Powód wycofania (dla redakcji)"),
            **options,
        }
    )


def reject_step(sources, **options):
    """The usual refusal ("Odrzuć") with a required reason, kept on the record."""
    return Transition(
        **{
            "name": "reject",
            "label": _("Odrzuć"),
            "done": _("Odrzucono"),
            "sources": sources,
            "target": State.REJECTED,
            "reason": REQUIRED_REASON,
            "reason_label": _("Powód odrzucenia"),
            **options,
        }
    )


@dataclass
class Workflow:
    """The states and transitions of one kind of content.

    states:          the stored states this kind uses (a subset of `State`).
    initial:         the state of a new record.
    transitions:     the table: every allowed step (anything else is refused).
    public_states:   states in which the record is public (within its time window).
    state_field:     the column holding the state.
    reason_field:    where a rejection reason is kept (its constraint: rejected ⇒ not empty).
    schedule_field:  a datetime: public only from then on (set to now on
                     publishing when empty). None: public as soon as published.
    expiry_field:    a datetime ("widoczne do"): public only until then. None: no expiry.
    counted:         ngettext_lazy(..., "count") naming the kind in messages ("3 artykuły").
    """

    states: tuple
    initial: str
    transitions: tuple
    public_states: tuple = (State.PUBLISHED,)
    state_field: str = "status"
    reason_field: str | None = None
    schedule_field: str | None = None
    expiry_field: str | None = None
    counted: object = DEFAULT_COUNTED
    model: type | None = field(default=None, repr=False)

    def __post_init__(self):
        self.states = tuple(self.states)
        self.transitions = tuple(self.transitions)
        self.public_states = tuple(self.public_states)
        names = [t.name for t in self.transitions]
        if len(names) != len(set(names)):
            raise ImproperlyConfigured(f"Duplicate transition names: {names}")
        for t in self.transitions:
            unknown = {t.target, *t.sources} - set(self.states)
            if unknown:
                raise ImproperlyConfigured(f"Transition {t.name!r} uses states outside the workflow: {unknown}")
        if self.initial not in self.states:
            raise ImproperlyConfigured(f"Initial state {self.initial!r} is not one of the workflow's states")

    # -- wiring to the model ---------------------------------------------

    def contribute_to_class(self, cls, name):
        """Called by Django when the workflow is a model attribute."""
        self.model = cls
        setattr(cls, name, self)

    def state_field_definition(self, verbose_name=None, **kwargs):
        """The model field holding the state: not editable in forms, so the
        state changes only through `editorial.services.transition`."""
        return models.CharField(
            verbose_name or _("stan"),
            max_length=STATE_MAX_LENGTH,
            choices=[(s, State(s).label) for s in self.states],
            default=self.initial,
            editable=False,
            **kwargs,
        )

    @cached_property
    def permission(self):
        """The permission a person needs to perform any transition of this kind."""
        opts = self.model._meta
        return f"{opts.app_label}.moderate_{opts.model_name}"

    @cached_property
    def permission_codename(self):
        return f"moderate_{self.model._meta.model_name}"

    # -- the table -------------------------------------------------------

    def get(self, name):
        """The transition called `name`, or None."""
        return next((t for t in self.transitions if t.name == name), None)

    def state_of(self, obj):
        return getattr(obj, self.state_field)

    def refusal(self, obj, transition, *, reason=None):
        """Why `transition` may not be applied to `obj` now (a Polish message), or None.

        `reason=None` skips the reason check (to decide which buttons to show).
        """
        state = self.state_of(obj)
        if state not in transition.sources:
            return _("„%(object)s”: nie można wykonać czynności „%(action)s”, gdy stan to „%(state)s”.") % {
                "object": obj,
                "action": transition.label,
                "state": State(state).label,
            }
        if reason is not None and transition.needs_reason and not reason.strip():
            return _("„%(object)s”: czynność „%(action)s” wymaga podania powodu.") % {
                "object": obj,
                "action": transition.label,
            }
        return transition.run_guard(obj)

    def available(self, obj):
        """The transitions `obj` may take now (what admin offers for it)."""
        return [t for t in self.transitions if self.refusal(obj, t) is None]

    # -- public, scheduled, expired --------------------------------------

    def public_q(self, now=None):
        """The one definition of "public" for this kind, as a filter.

        A public state, the schedule time reached (if the kind has one) and
        the expiry time not reached (if set): compared with now() in the
        query, so scheduled items appear and expired ones disappear at
        their minute, with no job.
        """
        now = now or timezone.now()
        q = Q(**{f"{self.state_field}__in": self.public_states})
        if self.schedule_field:
            q &= Q(**{f"{self.schedule_field}__lte": now})
        if self.expiry_field:
            q &= Q(**{f"{self.expiry_field}__isnull": True}) | Q(**{f"{self.expiry_field}__gt": now})
        return q

    def next_change(self, now, horizon):
        """The first moment in (now, horizon] at which `public_q()` changes by itself (a scheduled
        item appears, an expiring one disappears), or None. The page cache keeps a page at most
        until then (pps_portal.invalidation registers it for every kind with a workflow)."""
        public = self.model._default_manager.filter(**{f"{self.state_field}__in": self.public_states})
        moments = [
            # One indexed range query per field (a publication-time index serves the first).
            public.filter(**{f"{name}__gt": now, f"{name}__lte": horizon}).aggregate(moment=Min(name))["moment"]
            for name in (self.schedule_field, self.expiry_field)
            if name
        ]
        return min((moment for moment in moments if moment is not None), default=None)

    def is_scheduled(self, obj, now=None):
        if self.state_of(obj) not in self.public_states or not self.schedule_field:
            return False
        moment = getattr(obj, self.schedule_field)
        return moment is not None and moment > (now or timezone.now())

    def is_expired(self, obj, now=None):
        if self.state_of(obj) not in self.public_states or not self.expiry_field:
            return False
        moment = getattr(obj, self.expiry_field)
        return moment is not None and moment <= (now or timezone.now())

    def is_public(self, obj, now=None):
        """The same rule as `public_q`, for one loaded object."""
        now = now or timezone.now()
        if self.state_of(obj) not in self.public_states:
            return False
        if self.schedule_field and getattr(obj, self.schedule_field) is None:
            return False
        return not (self.is_scheduled(obj, now) or self.is_expired(obj, now))

    def display_state(self, obj, now=None):
        """The state as editors think of it: "zaplanowane" and "wygasłe" included."""
        if self.is_scheduled(obj, now):
            return SCHEDULED_LABEL
        if self.is_expired(obj, now):
            return EXPIRED_LABEL
        return State(self.state_of(obj)).label


class EditorialQuerySet(models.QuerySet):
    """Base QuerySet of every kind: `published()` is its workflow's public rule."""

    def published(self):
        """What the public sees, by the kind's workflow (`Workflow.public_q`)."""
        return self.filter(self.model.workflow.public_q())


class EditorialModel:
    """Model mixin: the workflow's answers as properties templates can use."""

    @property
    def is_public(self):
        return self.workflow.is_public(self)

    @property
    def is_scheduled(self):
        return self.workflow.is_scheduled(self)

    @property
    def is_expired(self):
        return self.workflow.is_expired(self)

    @property
    def state_label(self):
        return self.workflow.display_state(self)
