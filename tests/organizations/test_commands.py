import pytest
from django.core.management import call_command

from organizations.models import SearchTerm
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_renamed_words_are_pruned_from_the_vocabulary():
    organization = OrganizationFactory(name="Zapomniane Słowo")
    organization.name = "Nowa Nazwa"
    organization.save()
    call_command("prune_search_terms", "--dry-run")
    assert SearchTerm.objects.filter(term="zapomniane").exists()
    call_command("prune_search_terms")
    assert not SearchTerm.objects.filter(term="zapomniane").exists()
    assert SearchTerm.objects.filter(term="nowa").exists()
