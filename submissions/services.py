"""Receiving and moderating public submissions.

Receiving: one transaction saves everything (the submission, the pending
organization or event, the history entry) and gives it a reference
number; only afterwards does the caller notify the editors
(submissions.notifications), so a failing mail server loses nothing.

Moderating: keyword-only functions called by admin views and actions alike.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator

from calendar_app.services import event_publish, event_reject, event_submit
from news.models import News
from organizations.services import publish_organization, reject_organizations
from pps_portal.text import slugify_pl
from submissions.models import Submission, SubmissionLog


class ModerationError(Exception):
    """A moderation step that does not apply to this submission."""


def _create(*, kind, contact=None, **fields):
    contact = contact or {}
    submission = Submission.objects.create(
        kind=kind,
        contact_name=contact.get("contact_name", ""),
        contact_email=contact.get("contact_email", ""),
        contact_phone=contact.get("contact_phone", ""),
        wants_copy=bool(contact.get("wants_copy")),
        consent_at=timezone.now(),
        **fields,
    )
    submission.reference = Submission.make_reference(submission.pk, submission.created_at)
    submission.save(update_fields=["reference"])
    SubmissionLog.objects.create(submission=submission, action=SubmissionLog.Action.RECEIVED)
    return submission


@transaction.atomic
def submit_news(*, data):
    submission = _create(
        kind=Submission.Kind.NEWS,
        contact=data,
        title=data["title"],
        message=data["text"],
        organization_name=data.get("organization_name", ""),
        image_alt=data.get("image_alt", "") if data.get("image") else "",
    )
    if data.get("image"):
        submission.image.save(data["image"].name, data["image"], save=True)
    return submission


@transaction.atomic
def submit_error_report(*, data):
    return _create(
        kind=Submission.Kind.ERROR,
        contact={"contact_email": data.get("contact_email", "")},
        page_url=data["page_url"],
        message=data["description"],
    )


@transaction.atomic
def submit_contact_message(*, data):
    return _create(kind=Submission.Kind.CONTACT, contact=data, title=data["subject"], message=data["message"])


@transaction.atomic
def submit_organization(*, form):
    """The organization is saved *pending* (invisible publicly) with the submission."""
    organization = form.save(commit=False)
    organization.status = organization.Status.PENDING
    organization.verified_at = None
    organization.save()
    form.save_m2m()
    return _create(kind=Submission.Kind.ORGANIZATION, contact=form.cleaned_data, organization=organization)


@transaction.atomic
def submit_event(*, form):
    """The event is saved *pending*; its description stays plain text."""
    event = event_submit(event=form.instance, description_text=form.cleaned_data["description_text"])
    return _create(kind=Submission.Kind.EVENT, contact=form.cleaned_data, event=event)


def _log(submission, action, moderator, detail=""):
    SubmissionLog.objects.create(submission=submission, action=action, actor=moderator, detail=detail)


def _close(submission, status, moderator):
    submission.status = status
    submission.moderator = moderator
    submission.closed_at = timezone.now()


def _locked(submission):
    return Submission.objects.select_for_update().get(pk=submission.pk)


@transaction.atomic
def submission_approve(*, submission, moderator):
    """Approve: an organization or event is published; a news submission
    becomes a draft article (its text as escaped paragraphs) for an editor
    to finish. Returns the submission."""
    submission = _locked(submission)
    if not submission.is_open:
        raise ModerationError("To zgłoszenie jest już zamknięte.")
    if submission.kind in (Submission.Kind.ORGANIZATION, Submission.Kind.EVENT) and not (
        submission.organization_id or submission.event_id
    ):
        raise ModerationError("Zgłoszony rekord został usunięty: to zgłoszenie można tylko odrzucić.")
    if submission.kind == Submission.Kind.ORGANIZATION:
        publish_organization(organization=submission.organization, moderator=moderator)
        detail = f"Opublikowano organizację „{submission.organization}”."
    elif submission.kind == Submission.Kind.EVENT:
        event_publish(event=submission.event, moderator=moderator)
        detail = f"Opublikowano wydarzenie „{submission.event}”."
    elif submission.kind == Submission.Kind.NEWS:
        submission.news = _news_draft(submission, moderator)
        detail = f"Utworzono szkic artykułu „{submission.news}”."
    else:
        raise ModerationError("Zgłoszenia błędów i wiadomości oznacza się jako załatwione, nie zatwierdza.")
    _close(submission, Submission.Status.APPROVED, moderator)
    submission.save()
    _log(submission, SubmissionLog.Action.APPROVED, moderator, detail)
    return submission


def _news_draft(submission, moderator):
    title = submission.title
    base = slugify_pl(title, max_length=180) or "zgloszenie"
    slug, n = base, 1
    while News.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    lead = Truncator(" ".join(submission.message.split())).chars(300)
    body = linebreaks(escape(submission.message))
    if submission.organization_name:
        body += f"<p>Źródło: {escape(submission.organization_name)}</p>"
    news = News(
        title=title,
        slug=slug,
        lead=lead,
        body=body,
        status=News.Status.DRAFT,
        author=moderator,
        image_alt=submission.image_alt if submission.image else "",
    )
    if submission.image:
        with submission.image.open("rb") as source:
            news.image.save(submission.image.name.rsplit("/", 1)[-1], ContentFile(source.read()), save=False)
    news.save()
    return news


@transaction.atomic
def submission_reject(*, submission, moderator, reason):
    """Reject with a reason; the pending organization/event is rejected too."""
    reason = (reason or "").strip()
    if not reason:
        raise ModerationError("Podaj powód odrzucenia.")
    submission = _locked(submission)
    if not submission.is_open:
        raise ModerationError("To zgłoszenie jest już zamknięte.")
    if submission.kind == Submission.Kind.ORGANIZATION and submission.organization_id:
        reject_organizations(organizations=[submission.organization], reason=reason, moderator=moderator)
    elif submission.kind == Submission.Kind.EVENT and submission.event_id:
        event_reject(event=submission.event, moderator=moderator, reason=reason)
    _close(submission, Submission.Status.REJECTED, moderator)
    submission.rejection_reason = reason
    submission.save()
    _log(submission, SubmissionLog.Action.REJECTED, moderator, reason)
    return submission


@transaction.atomic
def submission_start(*, submission, moderator, note=""):
    """An error report or message: new → in progress."""
    submission = _locked(submission)
    if submission.status != Submission.Status.NEW:
        raise ModerationError("Do realizacji można przyjąć tylko nowe zgłoszenie.")
    submission.status = Submission.Status.IN_PROGRESS
    submission.moderator = moderator
    _append_note(submission, note)
    submission.save()
    _log(submission, SubmissionLog.Action.STARTED, moderator, note)
    return submission


@transaction.atomic
def submission_finish(*, submission, moderator, note=""):
    """An error report or message: → done."""
    submission = _locked(submission)
    if submission.kind not in (Submission.Kind.ERROR, Submission.Kind.CONTACT):
        raise ModerationError("Zgłoszenia organizacji, wydarzeń i newsów zatwierdza się albo odrzuca.")
    if not submission.is_open:
        raise ModerationError("To zgłoszenie jest już zamknięte.")
    _close(submission, Submission.Status.DONE, moderator)
    _append_note(submission, note)
    submission.save()
    _log(submission, SubmissionLog.Action.DONE, moderator, note)
    return submission


@transaction.atomic
def submission_add_note(*, submission, moderator, note):
    note = (note or "").strip()
    if not note:
        raise ModerationError("Notatka jest pusta.")
    submission = _locked(submission)
    _append_note(submission, note)
    submission.save(update_fields=["internal_note"])
    _log(submission, SubmissionLog.Action.NOTE, moderator, note)
    return submission


def _append_note(submission, note):
    note = (note or "").strip()
    if note:
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        submission.internal_note = f"{submission.internal_note}\n[{stamp}] {note}".strip()


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
        _log(submission, SubmissionLog.Action.ERASED, None, f"Po {older_than_days} dniach od zamknięcia.")
        erased += 1
    return erased
