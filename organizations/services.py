"""Writes to the registry that take more than one step.

Keyword-only functions inside a transaction, called by admin actions and by
the public submission flow alike. Each moderation step is also written to
the admin history (LogEntry), so editors see who did what and when.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone

from organizations.models import Organization


def _log(*, organizations, moderator, message):
    if moderator is not None and organizations:
        LogEntry.objects.log_actions(moderator.pk, organizations, CHANGE, change_message=message)


@transaction.atomic
def publish_organizations(*, organizations, moderator=None):
    """Publish the given organizations (a queryset or list); return how many changed.

    Publishing means the editors checked the data, so `verified_at` is set
    now. Already published records are left as they are.
    """
    pks = [org.pk for org in organizations]
    locked = list(
        Organization.objects.select_for_update()
        .filter(pk__in=pks)
        .exclude(status=Organization.Status.PUBLISHED)
        .order_by("pk")
    )
    now = timezone.now()
    for org in locked:
        org.status = Organization.Status.PUBLISHED
        org.rejection_reason = ""
        org.verified_at = now
        org.updated_at = now
    Organization.objects.bulk_update(locked, ["status", "rejection_reason", "verified_at", "updated_at"])
    _log(organizations=locked, moderator=moderator, message="Opublikowano.")
    return len(locked)


def publish_organization(*, organization, moderator=None):
    """Publish one organization; return it refreshed from the database."""
    publish_organizations(organizations=[organization], moderator=moderator)
    organization.refresh_from_db()
    return organization


@transaction.atomic
def reject_organizations(*, organizations, reason, moderator=None):
    """Reject the given organizations with a reason; return how many changed.

    The records are kept (with the reason) and disappear from every public
    page; a published one is withdrawn.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A rejection needs a reason.")
    pks = [org.pk for org in organizations]
    locked = list(
        Organization.objects.select_for_update()
        .filter(pk__in=pks)
        .exclude(status=Organization.Status.REJECTED)
        .order_by("pk")
    )
    now = timezone.now()
    for org in locked:
        org.status = Organization.Status.REJECTED
        org.rejection_reason = reason
        org.updated_at = now
    Organization.objects.bulk_update(locked, ["status", "rejection_reason", "updated_at"])
    _log(organizations=locked, moderator=moderator, message=f"Odrzucono: {reason}")
    return len(locked)


def reject_organization(*, organization, reason, moderator=None):
    """Reject one organization; return it refreshed from the database."""
    reject_organizations(organizations=[organization], reason=reason, moderator=moderator)
    organization.refresh_from_db()
    return organization
