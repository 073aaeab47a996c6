"""Receiving and moderating public submissions.

Receiving: one transaction saves everything (the submission, the pending
organization or event, the history entry) and gives it a reference
number; only afterwards does the caller notify the editors
(submissions.notifications), so a failing mail server loses nothing.

Moderating: the transitions of `Submission.workflow` (start, approve,
reject, finish), performed by `editorial.services.transition` from admin
buttons, bulk actions and the queue alike; this module holds their guards
and effects, and internal notes.
"""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from calendar_app.services import event_submit
from editorial.models import HistoryEntry
from editorial.services import TransitionRefused, record, record_change, transition
from news.services import news_draft
from submissions.models import APPROVABLE_KINDS, HANDLED_KINDS, Submission


def _create(*, kind, contact=None, picture=None, picture_alt="", language=settings.LANGUAGE_CODE, **fields):
    """The submission with its reference number, history entry and picture.

    A picture sent with any kind of submission is kept with it, in private
    storage, until an editor approves it (approve_content copies it to the
    published record) or rejects it (reject_content deletes it).
    """
    contact = contact or {}
    submission = Submission.objects.create(
        kind=kind,
        contact_name=contact.get("contact_name", ""),
        contact_email=contact.get("contact_email", ""),
        contact_phone=contact.get("contact_phone", ""),
        wants_copy=bool(contact.get("wants_copy")),
        sender_language=language,
        consent_at=timezone.now(),
        image_alt=picture_alt.strip() if picture else "",
        **fields,
    )
    submission.reference = Submission.make_reference(submission.pk, submission.created_at)
    if picture:
        submission.image.save(picture.name, picture, save=False)
    submission.save()
    record(submission, HistoryEntry.Action.CREATED, detail=_("Przyjęto z formularza publicznego."))
    return submission


@transaction.atomic
def submit_news(*, data, language=settings.LANGUAGE_CODE):
    submission = _create(
        kind=Submission.Kind.NEWS,
        language=language,
        contact=data,
        title=data["title"],
        message=data["text"],
        organization_name=data.get("organization_name", ""),
        picture=data.get("image"),
        picture_alt=data.get("image_alt", ""),
    )
    return submission


@transaction.atomic
def submit_error_report(*, data, language=settings.LANGUAGE_CODE):
    return _create(
        kind=Submission.Kind.ERROR,
        language=language,
        contact={"contact_email": data.get("contact_email", "")},
        page_url=data["page_url"],
        message=data["description"],
    )


@transaction.atomic
def submit_contact_message(*, data, language=settings.LANGUAGE_CODE):
    return _create(
        kind=Submission.Kind.CONTACT,
        language=language,
        contact=data,
        title=data["subject"],
        message=data["message"],
    )


@transaction.atomic
def submit_organization(*, form, language=settings.LANGUAGE_CODE):
    """The organization is saved *pending* (invisible publicly) with the submission."""
    organization = form.save(commit=False)
    organization.status = organization.workflow.initial
    organization.verified_at = None
    organization.save()
    form.save_m2m()
    submission = _create(
        kind=Submission.Kind.ORGANIZATION,
        language=language,
        contact=form.cleaned_data,
        organization=organization,
        picture=form.cleaned_data.get("logo"),
        picture_alt=form.cleaned_data.get("logo_alt", ""),
    )
    record_change(
        organization,
        HistoryEntry.Action.CREATED,
        detail=_("Zgłoszona przez formularz publiczny (%(reference)s).") % {"reference": submission.reference},
    )
    return submission


@transaction.atomic
def submit_event(*, form, language=settings.LANGUAGE_CODE):
    """The event is saved *pending*; its description stays plain text."""
    event = event_submit(event=form.instance, description_text=form.cleaned_data["description_text"])
    return _create(
        kind=Submission.Kind.EVENT,
        language=language,
        contact=form.cleaned_data,
        event=event,
        picture=form.cleaned_data.get("image"),
        picture_alt=form.cleaned_data.get("image_alt", ""),
    )


def _close(submission, actor, now):
    submission.moderator = actor
    submission.closed_at = now
    if submission.contact_email and submission.personal_data_erased_at is None:
        # The sender is told the outcome after commit (or by the retry command).
        submission.sender_notice_due_at = now


def _append_note(submission, note):
    note = (note or "").strip()
    if note:
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        submission.internal_note = f"{submission.internal_note}\n[{stamp}] {note}".strip()


# -- the workflow's hooks (Submission.workflow names them) ------------------


def approval_refusal(submission):
    """Guard of "approve": only content submissions whose record still exists."""
    if submission.kind not in APPROVABLE_KINDS:
        return _("„%(object)s”: zgłoszenia błędów i wiadomości oznacza się jako załatwione, nie zatwierdza.") % {
            "object": submission
        }
    if submission.kind in (Submission.Kind.ORGANIZATION, Submission.Kind.EVENT) and not (
        submission.organization_id or submission.event_id
    ):
        return _("„%(object)s”: zgłoszony rekord został usunięty — to zgłoszenie można tylko odrzucić.") % {
            "object": submission
        }
    return None


def finish_refusal(submission):
    """Guard of "finish": only error reports and messages are handled, not approved."""
    if submission.kind not in HANDLED_KINDS:
        return _("„%(object)s”: zgłoszenia organizacji, wydarzeń i newsów zatwierdza się albo odrzuca.") % {
            "object": submission
        }
    return None


def take_on(submission, *, actor, reason, **context):
    """Effect of "start": the editor who took it on, and the note."""
    submission.moderator = actor
    _append_note(submission, reason)


def approve_content(submission, *, actor, now, **context):
    """Effect of "approve": the organization or event is published (a
    transition of its own, with its own history entry); a news submission
    becomes a draft article for an editor to finish."""
    because = _("Zgłoszenie %(reference)s.") % {"reference": submission.reference}
    if submission.kind == Submission.Kind.ORGANIZATION:
        transition(submission.organization, "publish", actor=actor, reason=because)
        _publish_picture(submission, submission.organization, "logo", "logo_alt")
    elif submission.kind == Submission.Kind.EVENT:
        transition(submission.event, "publish", actor=actor, reason=because)
        _publish_picture(submission, submission.event, "image", "image_alt")
    else:
        submission.news = news_draft(
            title=submission.title,
            text=submission.message,
            source=submission.organization_name,
            image=submission.image or None,
            image_alt=submission.image_alt,
            author=actor,
            detail=_("Szkic ze zgłoszenia %(reference)s.") % {"reference": submission.reference},
        )
    _close(submission, actor, now)


def _publish_picture(submission, record, field_name, alt_name):
    """Copy the submitted picture (private) to the approved record's public
    image field, unless an editor already gave the record one."""
    if not submission.image or getattr(record, field_name):
        return
    with submission.image.open("rb") as source:
        getattr(record, field_name).save(submission.image.name, ContentFile(source.read()), save=False)
    setattr(record, alt_name, submission.image_alt)
    record.save()


def reject_content(submission, *, actor, reason, now, **context):
    """Effect of "reject": the pending organization or event is rejected
    too, with the same reason (unless an editor has already moved it on,
    e.g. published it: then it stays as it is)."""
    target = submission.organization if submission.kind == Submission.Kind.ORGANIZATION else submission.event
    if target is not None:
        step = target.workflow.get("reject")
        if step is not None and target.workflow.refusal(target, step, reason=reason) is None:
            transition(target, "reject", actor=actor, reason=reason)
    # A rejected picture never becomes public: it is deleted with the decision.
    if submission.image:
        submission.image.discard()
        submission.image_alt = ""
    _close(submission, actor, now)


def close_handled(submission, *, actor, reason, now, **context):
    """Effect of "finish": an error report or message is done."""
    _append_note(submission, reason)
    _close(submission, actor, now)


@transaction.atomic
def add_note(*, submission, actor, note):
    """An internal note (never sent to the sender): on the record and in its history."""
    note = (note or "").strip()
    if not note:
        raise TransitionRefused(_("Notatka jest pusta."))
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _append_note(submission, note)
    submission.save(update_fields=["internal_note"])
    record(submission, HistoryEntry.Action.NOTE, actor=actor, detail=note)
    return submission


@transaction.atomic
def erase_personal_data(*, older_than_days, now=None):
    """Blank the sender's contact data on items closed more than
    `older_than_days` ago (and the text of contact messages, which is
    personal correspondence). Returns how many submissions were erased."""
    now = now or timezone.now()
    erased = 0
    for submission in Submission.objects.closed_before(
        now - datetime.timedelta(days=older_than_days)
    ).select_for_update():
        submission.contact_name = submission.contact_email = submission.contact_phone = ""
        if submission.kind == Submission.Kind.CONTACT:
            submission.message = ""
        submission.personal_data_erased_at = now
        submission.save()
        record(
            submission,
            HistoryEntry.Action.ERASED,
            detail=_("Po %(days)d dniach od zamknięcia.") % {"days": older_than_days},
        )
        erased += 1
    return erased
