"""Writes to the registry beyond a plain save.

Publishing, rejecting and withdrawing are transitions of the editorial core
(`Organization.workflow`, performed by `editorial.services.transition`);
so are an organization's own proposed changes (`OrganizationChange.workflow`).
This module holds the registry's own effects and the organizations' self
service: one-time update links, proposed changes, the yearly confirmation.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial.models import HistoryEntry
from editorial.services import TransitionRefused, ensure_baseline, record, record_change, transition
from organizations.models import (
    UPDATABLE_FIELDS,
    Area,
    District,
    LinkProblem,
    Organization,
    OrganizationChange,
    UpdateLink,
    hash_token,
)

# A one-time link is sent at most this many times a day for one entry,
# whoever asks: the address is public, and nobody may use the form to fill
# an organization's mailbox. Past the limit the page answers the same.
LINKS_PER_ENTRY_PER_DAY = 3


def mark_verified(organization, *, now, **context):
    """Effect of publishing: the editors checked the data now (which also confirms it)."""
    organization.verified_at = now
    organization.confirmed_at = now


# -- one-time links -------------------------------------------------------------


def issue_update_link(*, organization, now=None):
    """A new one-time link for the entry's public address: (link, token), or
    None when the entry has no address, is struck off, or has had its daily
    number of links. The row is locked so two requests cannot both pass the limit."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Organization.objects.select_for_update().get(pk=organization.pk)
        if not locked.update_email or locked.is_struck_off:
            return None
        since = now - datetime.timedelta(days=1)
        if UpdateLink.objects.recent_for(locked, since=since).count() >= LINKS_PER_ENTRY_PER_DAY:
            return None
        return UpdateLink.issue(locked, now=now)


def find_update_link(token):
    """(link, problem) for a token from an e-mail: the link and why it cannot
    be used (a `LinkProblem`), or (None, INVALID) for a token nobody issued.
    (The slug in the URL is not checked: the link survives a change of it.)"""
    if not token or len(token) > 200:
        return None, LinkProblem.INVALID
    link = UpdateLink.objects.select_related("organization__district").filter(token_hash=hash_token(token)).first()
    if link is None:
        return None, LinkProblem.INVALID
    return link, link.refusal()


class LinkRefused(Exception):
    """The link stopped working between showing the form and sending it."""

    def __init__(self, problem):
        self.problem = problem
        super().__init__(problem)


# -- values of the updatable fields --------------------------------------------


def current_values(organization):
    """The entry's updatable fields as a change stores them (JSON-ready:
    the district's pk, the areas' pks sorted)."""
    values = {}
    for name in UPDATABLE_FIELDS:
        field = Organization._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(area.pk for area in getattr(organization, name).all())
        elif field.is_relation:
            values[name] = getattr(organization, field.attname)
        else:
            values[name] = getattr(organization, name)
    return values


def form_values(cleaned_data):
    """A valid update form's values in the same shape as `current_values`."""
    values = {}
    for name in UPDATABLE_FIELDS:
        value = cleaned_data[name]
        field = Organization._meta.get_field(name)
        if field.many_to_many:
            value = sorted(area.pk for area in value)
        elif field.is_relation:
            value = value.pk if value is not None else None
        values[name] = value
    return values


# -- an organization proposes changes -------------------------------------------


def submit_change(*, link, proposed, message=""):
    """Record the organization's proposal sent through `link` (one use).

    Returns the pending `OrganizationChange`, or None when nothing differs
    from the entry and there is no message: then the data is current as it
    is, and the entry is confirmed. Raises `LinkRefused` when the link has
    been used, expired or outdated meanwhile. The editors are notified by
    the caller after the commit (organizations.notifications).
    """
    now = timezone.now()
    message = (message or "").strip()
    with transaction.atomic():
        link = UpdateLink.objects.select_for_update().select_related("organization").get(pk=link.pk)
        problem = link.refusal(now)
        if problem:
            raise LinkRefused(problem)
        link.used_at = now
        link.save(update_fields=["used_at"])
        organization = link.organization
        original = current_values(organization)
        changed = [name for name in UPDATABLE_FIELDS if proposed[name] != original[name]]
        if not changed and not message:
            _confirm(organization, now=now, detail=_("Organizacja przejrzała dane przez link i nic nie zmieniła."))
            return None
        change = OrganizationChange.objects.create(
            organization=organization,
            link=link,
            email=link.email,
            proposed=proposed,
            original=original,
            changed_fields=changed,
            message=message,
            created_at=now,
        )
        record(change, HistoryEntry.Action.CREATED, detail=_("Wysłana przez organizację z linku jednorazowego."))
        record(
            organization,
            HistoryEntry.Action.NOTE,
            detail=_("Organizacja zaproponowała zmiany danych (%(fields)s): czekają na decyzję redakcji.")
            % {"fields": ", ".join(field_labels(changed)) or _("tylko uwagi")},
        )
    return change


def field_labels(names):
    return [str(Organization._meta.get_field(name).verbose_name) for name in names]


# -- editors decide ---------------------------------------------------------------


def approve_change(*, change, fields, actor, reply=""):
    """Approve only `fields` (names among the change's changed fields) and
    tell the organization; the rest of the proposal is not applied."""
    with transaction.atomic():
        locked = OrganizationChange.objects.select_for_update().get(pk=change.pk)
        chosen = [name for name in locked.changed_fields if name in set(fields)]
        if locked.changed_fields and not chosen:
            raise TransitionRefused(_("Zaznacz co najmniej jedną zmianę albo odrzuć całość."))
        locked.applied_fields = chosen
        locked.save(update_fields=["applied_fields"])
        return transition(locked, "approve", actor=actor, reason=reply)


def change_approval_refusal(change):
    """Guard of "approve": the entry must still be in the registry's hands."""
    if change.organization.status == Organization.Status.REJECTED:
        return _("„%(object)s”: wpis organizacji jest odrzucony — zmian nie można do niego wprowadzić.") % {
            "object": change
        }
    return None


def apply_change(change, *, actor, now, **context):
    """Effect of "approve": exactly the chosen fields (all changed ones when
    none were chosen) are written to the organization, through the core, so
    its history and versions show the edit."""
    names = [name for name in change.changed_fields if name in change.applied_fields] or list(change.changed_fields)
    organization = Organization.objects.select_for_update().get(pk=change.organization_id)
    ensure_baseline(organization)
    areas = None
    for name in names:
        value = change.proposed[name]
        field = Organization._meta.get_field(name)
        if field.many_to_many:
            areas = list(Area.objects.filter(pk__in=value).values_list("pk", flat=True))
        elif field.is_relation:
            if value is not None and not District.objects.filter(pk=value).exists():
                raise TransitionRefused(
                    _("„%(object)s”: wybranej dzielnicy nie ma już w bazie — pomiń to pole.") % {"object": change}
                )
            setattr(organization, field.attname, value)
        else:
            setattr(organization, name, value)
    # The organization vouched for its whole entry when it sent the change.
    organization.confirmed_at = max(organization.confirmed_at, change.created_at)
    try:
        organization.full_clean(exclude=["logo"])
    except ValidationError as error:
        raise TransitionRefused(f"„{change}”: " + " ".join(error.messages)) from error
    try:
        with transaction.atomic():
            organization.save()
            if areas is not None:
                organization.areas.set(areas)
    except IntegrityError as error:
        raise TransitionRefused(
            _("„%(object)s”: tych danych nie można zapisać — naruszyłyby regułę spójności bazy.") % {"object": change}
        ) from error
    change.applied_fields = names
    change.decided_at = now
    record_change(
        organization,
        HistoryEntry.Action.EDITED,
        actor=actor,
        detail=_("Zatwierdzono zmiany zgłoszone przez organizację (%(change)s): %(fields)s.")
        % {"change": change, "fields": ", ".join(field_labels(names)) or _("bez zmian pól")},
    )


def close_change(change, *, now, **context):
    """Effect of "reject": nothing is applied."""
    change.applied_fields = []
    change.decided_at = now


# -- the yearly confirmation ----------------------------------------------------


def _confirm(organization, *, now, detail):
    organization.confirmed_at = now
    organization.save(update_fields=["confirmed_at"])
    record(organization, HistoryEntry.Action.NOTE, detail=detail, at=now)


def confirm_data(*, organization):
    """The organization says its data is current (one click in the yearly e-mail)."""
    now = timezone.now()
    with transaction.atomic():
        locked = Organization.objects.select_for_update().get(pk=organization.pk)
        _confirm(locked, now=now, detail=_("Organizacja potwierdziła, że dane są aktualne."))
    return locked


def stop_reminders(*, organization):
    """The organization unsubscribes from the yearly e-mails; True when that changed anything."""
    with transaction.atomic():
        locked = Organization.objects.select_for_update().get(pk=organization.pk)
        if locked.reminders_stopped_at is not None:
            return False
        locked.reminders_stopped_at = timezone.now()
        locked.save(update_fields=["reminders_stopped_at"])
        record(
            locked,
            HistoryEntry.Action.NOTE,
            detail=_("Organizacja wypisała się z corocznych próśb o potwierdzenie danych."),
        )
    return True


def send_reminder(*, organization, base_url, now=None):
    """Ask one organization to confirm its data (the yearly e-mail); True when sent.

    In its own transaction: the row is locked and the rule re-checked (two
    runs of the command at once send one e-mail), a fresh one-time link is
    made for "Zaktualizuj", and the sending time is stored only when the
    e-mail went out, so a failed one is tried again on the next run.
    """
    from organizations.notifications import send_reminder_email

    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Organization.objects.reminder_due(now)
            .select_for_update(skip_locked=True)
            .filter(pk=organization.pk)
            .first()
        )
        if locked is None:
            return False
        link, token = UpdateLink.issue(locked, now=now)
        if not send_reminder_email(locked, link=link, token=token, base_url=base_url):
            transaction.set_rollback(True)
            return False
        locked.reminder_sent_at = now
        locked.save(update_fields=["reminder_sent_at"])
        record(
            locked,
            HistoryEntry.Action.NOTIFIED,
            detail=_("Wysłano prośbę o potwierdzenie danych na adres %(email)s.") % {"email": locked.update_email},
            at=now,
        )
    return True
