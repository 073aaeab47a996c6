"""Results name organizations by KRS or NIP; one published later is linked then."""

from django.dispatch import receiver

from editorial.signals import state_changed
from editorial.states import State
from grants.services import link_grants_to
from organizations.models import Organization


@receiver(state_changed, sender=Organization, dispatch_uid="grants-link-published-organization")
def link_results_to_published_organization(sender, obj, transition, entry, **kwargs):
    if transition.target == State.PUBLISHED:
        link_grants_to(obj)
