"""Signed links in the yearly e-mail: "Dane aktualne" and "Wypisz mnie".

Unlike the one-time update link (a stored, hashed token: it opens a form
and must work once), these only confirm or unsubscribe, which may safely
happen twice, so they are signed values (django.core.signing, each with its
own salt) and nothing is stored. Each is bound to the organization and to
its public e-mail address when the message was sent (a keyed digest of it,
so the address itself is not in the URL): once the address changes, old
messages stop working. Opening a link (GET) only shows a page with a
button; the POST does it, because mail scanners open links by themselves.
"""

import datetime

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from organizations.models import LinkProblem, Organization

CONFIRM_SALT = "organizations.confirm-data"
STOP_SALT = "organizations.stop-reminders"
# Reminders repeat every 90 days; the confirm link outlives the next one.
CONFIRM_MAX_AGE = datetime.timedelta(days=120)


def _address_digest(email):
    return salted_hmac("organizations.entry-address", email.strip().lower()).hexdigest()[:24]


def make_token(organization, *, salt):
    return signing.dumps([organization.pk, _address_digest(organization.update_email)], salt=salt)


def read_token(token, *, salt, max_age=None, queryset=None):
    """(organization, problem): the entry a signed link is for (from
    `queryset`, published entries by default), and why it no longer works
    (a `LinkProblem`) or None. The slug in the URL is not checked: a link
    keeps working when editors change the entry's address."""
    try:
        pk, digest = signing.loads(token, salt=salt, max_age=max_age)
        pk = int(pk)
    except signing.SignatureExpired:
        return None, LinkProblem.EXPIRED
    except (signing.BadSignature, TypeError, ValueError):
        return None, LinkProblem.INVALID
    organization = (queryset if queryset is not None else Organization.objects.all()).published().filter(pk=pk).first()
    if organization is None:
        return None, LinkProblem.OUTDATED
    if not organization.update_email or not constant_time_compare(
        str(digest), _address_digest(organization.update_email)
    ):
        return None, LinkProblem.OUTDATED
    return organization, None
