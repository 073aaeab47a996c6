"""Writes of the grants app: the cancel step's hooks, linking results to the
registry, and results imports (upload → preview → save all or nothing)."""

import datetime
import os

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from editorial import services as editorial
from editorial.models import HistoryEntry
from grants import importing
from grants.models import Grant, ResultsImport
from grants.phases import Phase

# An upload nobody confirmed is deleted (file included) after this long.
ABANDONED_IMPORT_AGE = datetime.timedelta(days=2)


class ImportRefused(Exception):
    """The import cannot be saved; `messages` say why (Polish)."""

    def __init__(self, messages):
        self.messages = [str(message) for message in messages]
        super().__init__(" ".join(self.messages))


# -- the cancel step (GrantCall.workflow) ---------------------------------------


def cancel_refusal(call):
    """Guard of "Unieważnij": a resolved call's grants are awarded, it cannot be cancelled."""
    if call.phase == Phase.RESOLVED:
        return _("„%(call)s”: rozstrzygniętego konkursu nie można unieważnić.") % {"call": call}
    return None


def stamp_cancelled(call, *, now, **context):
    """Effect of "Unieważnij": when it was cancelled (shown on the call's page)."""
    call.cancelled_at = now


# -- linking results to the registry --------------------------------------------


def _identifier_q(krs, nip):
    q = Q(pk__in=[])
    if krs:
        q |= Q(krs=krs)
    if nip:
        q |= Q(nip=nip)
    return q


def link_grants(grants):
    """Link each grant without an organization to the published registry entry
    with its KRS (else its NIP), and fill a linked grant's missing KRS, NIP
    or name from its entry. Returns how many grants changed."""
    grants = list(grants)
    unlinked = [g for g in grants if g.organization_id is None]
    by_krs, by_nip = importing.registry_matches([g.krs for g in unlinked if g.krs], [g.nip for g in unlinked if g.nip])
    changed = []
    for grant in grants:
        before = (grant.organization_id, grant.krs, grant.nip, grant.recipient_name)
        if grant.organization_id is None:
            grant.organization = importing.match(grant.krs, grant.nip, by_krs, by_nip)
        if grant.organization_id is not None:
            organization = grant.organization
            grant.krs = grant.krs or organization.krs
            grant.nip = grant.nip or organization.nip
            grant.recipient_name = grant.recipient_name or organization.name
        if before != (grant.organization_id, grant.krs, grant.nip, grant.recipient_name):
            changed.append(grant)
    Grant.objects.bulk_update(changed, ["organization", "krs", "nip", "recipient_name"])
    return len(changed)


def link_grants_to(organization):
    """An organization was published: results naming its KRS or NIP now link to it."""
    if not (organization.krs or organization.nip):
        return 0
    return (
        Grant.objects.filter(organization__isnull=True)
        .filter(_identifier_q(organization.krs, organization.nip))
        .update(organization=organization)
    )


# -- results imports -------------------------------------------------------------


def prune_abandoned_imports(now=None):
    """Delete uploads never confirmed (their files go with them, see models)."""
    cutoff = (now or timezone.now()) - ABANDONED_IMPORT_AGE
    for stale in ResultsImport.objects.filter(applied_at__isnull=True, uploaded_at__lt=cutoff):
        stale.delete()


def create_import(*, call, upload, file_format, awarded_on, replace_existing, actor):
    """Keep an uploaded results file (private storage, a random name) for its preview."""
    prune_abandoned_imports()
    upload.seek(0)
    results_import = ResultsImport(
        call=call,
        filename=os.path.basename(upload.name or "")[:200] or "wyniki",
        file_format=file_format,
        awarded_on=awarded_on,
        replace_existing=replace_existing,
        uploaded_by=actor,
    )
    results_import.file.save("wyniki", ContentFile(upload.read()), save=False)
    results_import.save()
    return results_import


def preview_import(results_import):
    """The stored file read again and checked now (nothing the browser re-posts is trusted)."""
    with results_import.file.open("rb") as stored:
        data = stored.read()
    return importing.preview(
        data,
        results_import.file_format,
        call=results_import.call,
        replace_existing=results_import.replace_existing,
    )


def apply_import(*, results_import, actor):
    """Save every row of a checked import as the call's results, or nothing.

    One transaction: the import is locked (a second confirmation finds it
    applied), the file is checked again against the registry and the
    call's results as they are now, the old results are deleted when the
    editor chose to replace them, the rows are inserted, the call gets its
    results date if it had none, and its history records the import.
    Raises `ImportRefused` when anything is wrong; then nothing is saved.
    """
    with transaction.atomic():
        locked = ResultsImport.objects.select_for_update().select_related("call").get(pk=results_import.pk)
        if locked.applied_at is not None:
            raise ImportRefused([_("Ten plik został już zaimportowany.")])
        call = type(locked.call).objects.select_for_update().get(pk=locked.call_id)
        locked.call = call
        checked = preview_import(locked)
        if not checked.is_valid:
            raise ImportRefused(
                [*checked.errors]
                + [
                    _("Wiersz %(number)d: %(message)s") % {"number": number, "message": message}
                    for number, message in checked.row_errors
                ]
                or [_("Plik nie zawiera wyników.")]
            )
        editorial.ensure_baseline(call)
        replaced = 0
        if locked.replace_existing:
            replaced, _by_model = call.grants.all().delete()
        position = (call.grants.aggregate(last=Max("position"))["last"] or 0) + 1
        grants = Grant.objects.bulk_create(
            [
                Grant(
                    call=call,
                    organization=row.organization,
                    recipient_name=row.name,
                    krs=row.krs,
                    nip=row.nip,
                    task_title=row.task,
                    amount=row.amount,
                    awarded_on=row.awarded_on or locked.awarded_on,
                    position=position + index,
                )
                for index, row in enumerate(checked.rows)
            ]
        )
        link_grants(grants)
        if call.resolved_on is None:
            call.resolved_on = locked.awarded_on
            call.save(update_fields=["resolved_on", "updated_at"])
        locked.applied_at = timezone.now()
        locked.applied_by = actor
        locked.saved_count = len(grants)
        locked.save(update_fields=["applied_at", "applied_by", "saved_count"])
        detail = ngettext(
            "Zaimportowano %(count)d dotację z pliku „%(file)s”.",
            "Zaimportowano %(count)d dotacji z pliku „%(file)s”.",
            len(grants),
        ) % {"count": len(grants), "file": locked.filename}
        if replaced:
            detail += " " + ngettext(
                "Usunięto %(count)d wcześniejszą dotację.", "Usunięto %(count)d wcześniejszych dotacji.", replaced
            ) % {"count": replaced}
        editorial.record_change(call, HistoryEntry.Action.EDITED, actor=actor, detail=detail)
    return locked
