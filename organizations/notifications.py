"""E-mails of the registry's self service, each sent after its record is saved.

* the one-time update link (only ever to the entry's public address);
* the editors' notice of a proposed change, and the outcome to the
  organization (approved — which fields — or rejected with the reason);
* the yearly request to confirm the data, with a one-click unsubscribe
  (RFC 8058: `List-Unsubscribe` + `List-Unsubscribe-Post`).

A failure is logged (and recorded in the history where a record waits for
it), never raised: `manage.py retry_submission_notifications` sends the
editors' notices and outcomes later; a failed yearly request is tried again
by the next run of `send_confirmation_reminders`.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from editorial.models import HistoryEntry
from editorial.services import record, record_failed_notification
from editorial.states import State
from organizations import links
from organizations.models import Organization, OrganizationChange, UpdateLink
from organizations.services import field_labels
from pps_portal.models import SiteSettings
from submissions.notifications import editors_recipients

logger = logging.getLogger(__name__)


def absolute(base_url, path):
    return (base_url or "").rstrip("/") + path


def _send(*, subject, template, context, to, headers=None, reply_to=None):
    """Render and send one plain-text e-mail; raises what the backend raises."""
    body = render_to_string(template, {"site": SiteSettings.load(), **context})
    EmailMessage(subject=subject, body=body, to=to, headers=headers, reply_to=reply_to).send()


def send_update_link(link, token, *, base_url):
    """The one-time link, to the address the link is bound to; True when sent."""
    organization = link.organization
    try:
        _send(
            subject=_("Link do aktualizacji danych: %(organization)s") % {"organization": organization.name},
            template="organizations/email/update_link.txt",
            context={
                "organization": organization,
                "link": link,
                "url": absolute(base_url, link.get_absolute_url_with(token)),
                "request_url": absolute(base_url, reverse("organizations:update_request", args=[organization.slug])),
            },
            to=[link.email],
        )
    except Exception as error:  # the page answers the same; the person may ask again
        logger.warning("update link for organization %s: e-mail failed: %s", organization.pk, error)
        return False
    return True


def notify_editors_of_change(change, *, base_url=""):
    """The editors' notice of a proposed change; True when sent (else it waits for the retry command)."""
    base_url = base_url or settings.SITE_URL
    try:
        recipients = editors_recipients()
        if not recipients:
            raise RuntimeError("No editors' address: set it in admin → Ustawienia serwisu.")
        _send(
            subject=_("[Baza NGO] Zmiana danych do sprawdzenia: %(organization)s")
            % {"organization": change.organization.name},
            template="organizations/email/editors_change.txt",
            context={
                "change": change,
                "fields": field_labels(change.changed_fields),
                "url": absolute(base_url, reverse("admin:organizations_organizationchange_change", args=[change.pk])),
                "queue_url": absolute(base_url, reverse("admin:organizations_organizationchange_changelist")),
            },
            to=recipients,
        )
    except Exception as error:  # the change is saved and in the queue; the retry command sends this later
        record_failed_notification(change, _("Powiadomienie redakcji"), error)
        return False
    OrganizationChange.objects.filter(pk=change.pk).update(editors_notified_at=timezone.now())
    record(change, HistoryEntry.Action.NOTIFIED, detail=_("Powiadomiono redakcję."))
    return True


def send_change_outcome(change):
    """Tell the organization what the editors decided; True when sent.

    Approved: which changes are now on the page and which were not taken,
    with the editors' message. Rejected: the reason. Sent to the address
    the one-time link went to.
    """
    change = OrganizationChange.objects.select_related("organization").get(pk=change.pk)
    if change.status == State.PENDING or change.outcome_notified_at is not None:
        return False
    skipped = [name for name in change.changed_fields if name not in change.applied_fields]
    organization = change.organization
    try:
        _send(
            subject=(
                _("Zmiany danych przyjęte: %(organization)s")
                if change.status == State.APPROVED
                else _("Zmiany danych nieprzyjęte: %(organization)s")
            )
            % {"organization": organization.name},
            template="organizations/email/change_outcome.txt",
            context={
                "change": change,
                "organization": organization,
                "applied": field_labels(change.applied_fields),
                "skipped": field_labels(skipped),
                "page_url": absolute(settings.SITE_URL, organization.get_absolute_url()),
                "request_url": absolute(
                    settings.SITE_URL, reverse("organizations:update_request", args=[organization.slug])
                ),
            },
            to=[change.email],
            # The message invites a reply: it reaches the editors, not the sending address.
            reply_to=editors_recipients() or None,
        )
    except Exception as error:  # the decision stands; the retry command sends this later
        record_failed_notification(change, _("Wiadomość do organizacji o decyzji"), error)
        return False
    with transaction.atomic():
        OrganizationChange.objects.filter(pk=change.pk).update(outcome_notified_at=timezone.now())
        record(change, HistoryEntry.Action.NOTIFIED, detail=_("Wysłano organizacji wiadomość o decyzji."))
    return True


def notify_change_outcome(change, entry):
    """The workflow's notify hook (after commit) for approve and reject."""
    send_change_outcome(change)


def reminder_headers(stop_url):
    """RFC 2369/8058 one-click unsubscribe: the mail client POSTs
    "List-Unsubscribe=One-Click" to the HTTPS URL (no page, no login)."""
    return {
        "List-Unsubscribe": f"<{stop_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def send_reminder_email(organization: Organization, *, link: UpdateLink, token, base_url):
    """The yearly request to confirm (or update) the data; True when sent."""
    slug = organization.slug
    confirm_url = absolute(
        base_url,
        reverse("organizations:confirm", args=[slug, links.make_token(organization, salt=links.CONFIRM_SALT)]),
    )
    stop_url = absolute(
        base_url,
        reverse("organizations:stop_reminders", args=[slug, links.make_token(organization, salt=links.STOP_SALT)]),
    )
    try:
        _send(
            subject=_("Czy dane w Bazie NGO są aktualne? %(organization)s") % {"organization": organization.name},
            template="organizations/email/reminder.txt",
            context={
                "organization": organization,
                "confirm_url": confirm_url,
                "update_url": absolute(base_url, link.get_absolute_url_with(token)),
                "link": link,
                "page_url": absolute(base_url, organization.get_absolute_url()),
                "stop_url": stop_url,
            },
            to=[organization.update_email],
            headers=reminder_headers(stop_url),
        )
    except Exception as error:  # not marked as sent: the next run tries again
        logger.warning("confirmation request for organization %s: e-mail failed: %s", organization.pk, error)
        return False
    return True
