"""The editorial core's writes: transitions (one and many), history, restore.

Every change of state of every kind goes through `transition()`:
check the table → lock the row (SELECT … FOR UPDATE) → write the new state
and the kind's effects → save a version → one history entry (actor, time,
from → to, reason) → after commit, the kind's notification and the
`state_changed` signal. `transition_many()` does the same for a selection in
one transaction and reports what it did and what it skipped, and why.
"""

import logging
from dataclasses import dataclass, field
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial import versions
from editorial.models import HistoryEntry
from editorial.signals import state_changed, version_restored, version_restoring
from editorial.states import State

logger = logging.getLogger(__name__)


class TransitionRefused(Exception):
    """A step the table (or a kind's guard) does not allow. `message` is Polish, for people.

    Raised before anything is written; inside the service's transaction, so
    nothing the step began is kept either.
    """

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


# -- history -----------------------------------------------------------------


def record(obj, action, *, actor=None, detail="", reason="", version=None, at=None, **states):
    """Write one history entry for `obj` (any model instance) and return it."""
    return HistoryEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        at=at or timezone.now(),
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        detail=detail,
        reason=reason,
        version=version,
        **states,
    )


def record_failed_notification(obj, what, error):
    """An e-mail about `obj` that could not be sent (`what`: which one, in
    Polish): logged, and one history entry with the error, so editors see
    why it is still due."""
    logger.warning("%s %s: %s failed: %s", type(obj).__name__, obj.pk, what, error)
    return record(obj, HistoryEntry.Action.NOTIFY_FAILED, detail=f"{what}: {str(error)[:1000]}")


def record_change(obj, action, *, actor=None, detail=""):
    """An add or edit (admin, a public form): a new version and its history entry."""
    version = versions.save_version(obj, actor=actor, comment=detail)
    return record(obj, action, actor=actor, detail=detail, version=version)


def ensure_baseline(obj):
    """Before the first versioned change of an object made before versions
    were kept (demo content, imports), save its current state as version 1,
    so the change can be compared with and undone."""
    if not versions.is_versioned(type(obj)) or versions.versions_for(obj).exists():
        return
    current = type(obj)._base_manager.get(pk=obj.pk)
    version = versions.save_version(current, comment=_("wersja wyjściowa"))
    record(
        current,
        HistoryEntry.Action.BASELINE,
        detail=_("Stan sprzed pierwszej zapisanej zmiany."),
        version=version,
        at=getattr(current, "updated_at", None),
    )


# -- transitions -------------------------------------------------------------


def _constraint_message(model, error):
    """The Polish message of the database constraint a write broke."""
    name = getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)
    for constraint in model._meta.constraints:
        if (
            constraint.name == name
            and constraint.violation_error_message != constraint.default_violation_error_message
        ):
            return constraint.get_violation_error_message()
    return _("Tej zmiany nie można zapisać: naruszyłaby regułę spójności danych (%(name)s).") % {"name": name or "?"}


def _check_permission(workflow, transition, actor):
    if actor is not None and not actor.has_perm(workflow.permission):
        raise TransitionRefused(_("Nie masz uprawnień do czynności „%(action)s”.") % {"action": transition.label})


def _get_transition(model, name):
    workflow = model.workflow
    found = workflow.get(name)
    if found is None:
        raise TransitionRefused(_("Nieznana czynność: %(name)s.") % {"name": name})
    return workflow, found


def _apply(obj, workflow, step, *, actor, reason, now):
    """Apply `step` to the locked `obj`; return the history entry."""
    reason = (reason or "").strip()
    refusal = workflow.refusal(obj, step, reason=reason)
    if refusal:
        raise TransitionRefused(refusal)
    ensure_baseline(obj)
    from_state = workflow.state_of(obj)
    setattr(obj, workflow.state_field, step.target)
    if workflow.reason_field and step.target != State.REJECTED:
        # A rejection reason describes the rejected state only.
        setattr(obj, workflow.reason_field, "")
    reason_field = step.reason_field or (workflow.reason_field if step.target == State.REJECTED else None)
    if reason_field and (reason or step.needs_reason):
        setattr(obj, reason_field, reason)
    if step.target in workflow.public_states and workflow.schedule_field and not getattr(obj, workflow.schedule_field):
        setattr(obj, workflow.schedule_field, now)
    step.run_effect(obj, actor=actor, reason=reason, now=now)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:
        raise TransitionRefused(f"„{obj}”: {_constraint_message(type(obj), error)}") from error
    version = versions.save_version(obj, actor=actor, comment=f"{step.label}: {reason}".strip(": "))
    entry = record(
        obj,
        HistoryEntry.Action.TRANSITION,
        actor=actor,
        reason=reason,
        version=version,
        at=now,
        transition=step.name,
        from_state=from_state,
        to_state=step.target,
    )
    transaction.on_commit(partial(_after_commit, obj, step, entry))
    return entry


def _after_commit(obj, step, entry):
    """The kind's notification and the signal; a failure is logged, the step stays done."""
    try:
        step.run_notify(obj, entry)
    except Exception:  # a notification never undoes a committed step
        logger.exception("notification after %s of %s %s failed", step.name, type(obj).__name__, obj.pk)
    state_changed.send(sender=type(obj), obj=obj, transition=step, entry=entry)


def transition(obj, name, *, actor=None, reason=""):
    """Perform transition `name` on `obj`; return the updated object (a fresh,
    locked copy: use the return value). Raises `TransitionRefused` with a
    Polish message when the table, a guard or a constraint refuses it;
    then nothing is written.

    `actor`: the editor (None for the public site and commands; an actor
    without the kind's moderate permission is refused).
    """
    model = type(obj)
    workflow, step = _get_transition(model, name)
    _check_permission(workflow, step, actor)
    with transaction.atomic():
        locked = model._base_manager.select_for_update().get(pk=obj.pk)
        _apply(locked, workflow, step, actor=actor, reason=reason, now=timezone.now())
    return locked


@dataclass
class BulkResult:
    """What `transition_many` did: `done` objects and `skipped` (object, why) pairs."""

    workflow: object
    step: object
    done: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    def message(self):
        """ "Opublikowano 3 artykuły. Pominięto 1 artykuł: „X”: …" with Polish plural forms."""
        counted = self.workflow.counted
        parts = []
        if self.done:
            parts.append(
                _("%(done)s %(counted)s.")
                % {"done": self.step.done or self.step.label, "counted": counted % {"count": len(self.done)}}
            )
        if self.skipped:
            parts.append(
                _("Pominięto %(counted)s: %(reasons)s")
                % {
                    "counted": counted % {"count": len(self.skipped)},
                    "reasons": " ".join(message for _obj, message in self.skipped),
                }
            )
        if not parts:
            parts.append(_("Nic nie zaznaczono."))
        return " ".join(parts)

    @property
    def level(self):
        from django.contrib import messages

        if self.skipped and not self.done:
            return messages.ERROR
        return messages.WARNING if self.skipped else messages.SUCCESS


def transition_many(objects, name, *, actor=None, reason=""):
    """Perform transition `name` on every object of `objects` (a queryset or a list).

    One transaction; the rows are locked in primary-key order (so two
    editors' bulk actions cannot deadlock); each object is applied in a
    savepoint, so one refused object is skipped with its reason and the
    others go on. Returns a `BulkResult`.
    """
    if isinstance(objects, models.QuerySet):
        model, pks = objects.model, list(objects.order_by().values_list("pk", flat=True))
    else:
        objects = list(objects)
        if not objects:
            return None
        model, pks = type(objects[0]), [o.pk for o in objects]
    workflow, step = _get_transition(model, name)
    _check_permission(workflow, step, actor)
    result = BulkResult(workflow=workflow, step=step)
    now = timezone.now()
    with transaction.atomic():
        for obj in model._base_manager.select_for_update().filter(pk__in=pks).order_by("pk"):
            try:
                with transaction.atomic():
                    _apply(obj, workflow, step, actor=actor, reason=reason, now=now)
            except TransitionRefused as refused:
                result.skipped.append((obj, refused.message))
            else:
                result.done.append(obj)
    return result


# -- restore -----------------------------------------------------------------


def _restorable_fields(obj):
    """Versioned fields a restore writes: content, not the state or its
    publication window (those change only through transitions and the form)."""
    workflow = getattr(type(obj), "workflow", None)
    protected = set()
    if workflow is not None:
        protected = {workflow.state_field, workflow.reason_field, workflow.schedule_field, workflow.expiry_field}
        protected |= {t.reason_field for t in workflow.transitions}
    return [
        f
        for f in versions.versioned_fields(type(obj))
        if f.name not in protected
        and not f.primary_key
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]


def restore_version(obj, version, *, actor=None):
    """Bring back the content of `version` as a new version of `obj`.

    Returns (obj, notes): `notes` lists what could not be brought back
    (a related record deleted since, an address taken by another record),
    which stays as it is now. Raises `TransitionRefused` when the result
    could not be saved at all.
    """
    model = type(obj)
    if version.content_type_id != ContentType.objects.get_for_model(model, for_concrete_model=True).pk or str(
        version.object_id
    ) != str(obj.pk):
        raise TransitionRefused(_("Ta wersja nie należy do tego obiektu."))
    number = versions.number_of(version)
    data = version.field_dict
    notes = []
    with transaction.atomic():
        version_restoring.send(sender=model, obj=obj)
        locked = model._base_manager.select_for_update().get(pk=obj.pk)
        ensure_baseline(locked)
        m2m = {}
        for f in _restorable_fields(locked):
            value = data.get(f.attname, data.get(f.name))
            if f.many_to_many:
                value = list(value or [])
                existing = set(f.related_model._base_manager.filter(pk__in=value).values_list("pk", flat=True))
                if len(existing) < len(value):
                    notes.append(
                        _("%(field)s: pominięto pozycje usunięte od tamtej pory.") % {"field": f.verbose_name}
                    )
                m2m[f.name] = [pk for pk in value if pk in existing]
                continue
            if f.is_relation and value is not None and not f.related_model._base_manager.filter(pk=value).exists():
                notes.append(
                    _("%(field)s: powiązany rekord został usunięty; zostaje obecna wartość.")
                    % {"field": f.verbose_name}
                )
                continue
            if f.unique and value and model._base_manager.filter(**{f.name: value}).exclude(pk=locked.pk).exists():
                notes.append(
                    _("%(field)s: „%(value)s” ma teraz inny rekord; zostaje obecna wartość.")
                    % {"field": f.verbose_name, "value": value}
                )
                continue
            setattr(locked, f.attname, value)
        try:
            with transaction.atomic():
                locked.save()
                for name, pks in m2m.items():
                    getattr(locked, name).set(pks)
                version_restored.send(sender=model, obj=locked)
        except IntegrityError as error:
            raise TransitionRefused(_constraint_message(model, error)) from error
        detail = _("Przywrócono wersję %(number)d z %(date)s.") % {
            "number": number,
            "date": timezone.localtime(version.revision.date_created).strftime("%d.%m.%Y %H:%M"),
        }
        if notes:
            detail = " ".join([detail, *notes])
        new_version = versions.save_version(locked, actor=actor, comment=detail)
        record(locked, HistoryEntry.Action.RESTORED, actor=actor, detail=detail, version=new_version)
    return locked, notes
