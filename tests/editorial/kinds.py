"""Every kind of content on the editorial core, and how to make one in a given state.

The table tests run over all of them: a new kind adds a line here.
"""

import datetime

from django.utils import timezone

from calendar_app.models import Event
from documents.models import Document
from editorial.states import State
from grants.models import GrantCall
from news.models import News
from organizations.models import Organization, OrganizationChange
from pages.models import Page
from pps_portal.models import Banner
from submissions.models import Submission
from tests.calendar_app.factories import EventFactory
from tests.documents.factories import DocumentFactory
from tests.grants.factories import GrantCallFactory
from tests.news.factories import NewsFactory
from tests.organizations.factories import OrganizationFactory, proposed_change
from tests.pages.factories import PageFactory
from tests.submissions.factories import SubmissionFactory

REASON = "Powód odrzucenia."


def make_news(state, transition=None):
    published_at = timezone.now() - datetime.timedelta(hours=1) if state == State.PUBLISHED else None
    return NewsFactory(status=state, published_at=published_at)


def make_banner(state, transition=None):
    return Banner.objects.create(title=f"Baner ({state})", url="/organizacje/", status=state)


def make_organization(state, transition=None):
    return OrganizationFactory(status=state, rejection_reason=REASON if state == State.REJECTED else "")


def make_event(state, transition=None):
    return EventFactory(status=state, rejection_reason=REASON if state == State.REJECTED else "")


def make_submission(state, transition=None):
    """An organization submission (approve, reject), or a message (start, finish)."""
    if transition in ("approve", "reject"):
        return SubmissionFactory(
            kind=Submission.Kind.ORGANIZATION, organization=make_organization(State.PENDING), status=state
        )
    return SubmissionFactory(status=state)


def make_page(state, transition=None):
    published_at = timezone.now() - datetime.timedelta(hours=1) if state == State.PUBLISHED else None
    return PageFactory(status=state, published_at=published_at)


def make_document(state, transition=None):
    return DocumentFactory(status=state)


def make_grant_call(state, transition=None):
    """A call taking applications now (so it may still be cancelled)."""
    public = state in (State.PUBLISHED, State.CANCELLED)
    return GrantCallFactory(
        status=state,
        published_at=timezone.now() - datetime.timedelta(hours=1) if public else None,
        cancellation_reason="Brak ofert." if state == State.CANCELLED else "",
        cancelled_at=timezone.now() if state == State.CANCELLED else None,
    )


def make_organization_change(state, transition=None):
    organization = OrganizationFactory(phone="34 360 00 00", email="biuro@example.org")
    return proposed_change(organization, status=state, phone="34 370 00 00")


# name → (model, make(state, transition_name) → an object in `state` for which
# the transition's guard (if any) passes)
KINDS = {
    "news": (News, make_news),
    "banner": (Banner, make_banner),
    "organization": (Organization, make_organization),
    "event": (Event, make_event),
    "submission": (Submission, make_submission),
    "document": (Document, make_document),
    "page": (Page, make_page),
    "grant_call": (GrantCall, make_grant_call),
    "organization_change": (OrganizationChange, make_organization_change),
}


def row(obj):
    """Every stored column of the object, fresh from the database."""
    fresh = type(obj)._base_manager.get(pk=obj.pk)
    return {f.attname: getattr(fresh, f.attname) for f in type(obj)._meta.concrete_fields}
