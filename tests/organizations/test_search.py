import pytest

from organizations.models import Organization
from tests.organizations.factories import AreaFactory, DistrictFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def names(queryset):
    return [organization.name for organization in queryset]


def search(query):
    return names(Organization.objects.published().search(query))


def test_without_polish_letters_finds_name_with_them():
    found = OrganizationFactory(name="Klub Seniora w Częstochowie")
    OrganizationFactory(name="Klub Seniora w Krakowie")
    assert search("czestochowie") == [found.name]


def test_czestochowa_finds_czestochowa_with_diacritics():
    found = OrganizationFactory(name="Stowarzyszenie Częstochowa Dla Wszystkich")
    OrganizationFactory(name="Stowarzyszenie Kraków Dla Wszystkich")
    assert search("czestochowa") == [found.name]


def test_strazy_finds_strazy():
    found = OrganizationFactory(name="Związek Ochotniczej Straży Pożarnej w Mirowie")
    OrganizationFactory(name="Związek Harcerstwa Polskiego")
    assert search("strazy") == [found.name]


def test_typo_fundcja_finds_fundacja():
    found = OrganizationFactory(name="Fundacja Oczami Brata")
    OrganizationFactory(name="Stowarzyszenie Oczami Siostry")
    assert search("fundcja") == [found.name]


def test_other_word_ending_edukacji_finds_edukacja():
    found = OrganizationFactory(name="Stowarzyszenie Edukacja i Wychowanie")
    OrganizationFactory(name="Stowarzyszenie Sport i Rekreacja")
    assert search("edukacji") == [found.name]


def test_description_words_are_searched_too():
    found = OrganizationFactory(name="Promyk", description="Zajęcia z edukacji ekologicznej dla dzieci.")
    OrganizationFactory(name="Iskra", description="Turnieje szachowe.")
    assert search("edukacja") == [found.name]


def test_every_typed_word_must_match():
    both = OrganizationFactory(name="Fundacja Zielona Jura")
    OrganizationFactory(name="Fundacja Błękitna Warta")
    assert search("fundacja jura") == [both.name]


def test_results_are_ranked_by_relevance():
    in_description = OrganizationFactory(name="Koło Przyjaciół", description="Współpracujemy z każdą fundacją.")
    exact = OrganizationFactory(name="Fundacja")
    in_name = OrganizationFactory(name="Fundacja Rozwoju Regionu Jurajskiego")
    assert search("fundacja") == [exact.name, in_name.name, in_description.name]


@pytest.mark.parametrize("typed", ["0000012345", "12345", "KRS 12345"])
def test_exact_krs_finds_the_organization(typed):
    found = OrganizationFactory(name="Szukana", krs="0000012345")
    OrganizationFactory(name="Inna", krs="0000054321")
    assert search(typed) == [found.name]


@pytest.mark.parametrize("typed", ["1234563218", "123-456-32-18", "PL 123 456 32 18"])
def test_exact_nip_finds_the_organization(typed):
    found = OrganizationFactory(name="Szukana", krs="", nip="1234563218")
    OrganizationFactory(name="Inna", krs="", nip="5260250995")
    assert search(typed) == [found.name]


@pytest.mark.parametrize("typed", ["123456785", "12345678512347"])
def test_exact_regon_finds_the_organization(typed):
    found = OrganizationFactory(name="Szukana", krs="", regon=typed)
    OrganizationFactory(name="Inna", krs="", regon="192598184")
    assert search(typed) == [found.name]


def test_filters_combine_with_a_query():
    area = AreaFactory()
    district = DistrictFactory()
    match = OrganizationFactory(
        name="Fundacja Pomocy Dzieciom",
        legal_form=Organization.LegalForm.FOUNDATION,
        district=district,
        is_public_benefit=True,
        areas=[area],
    )
    OrganizationFactory(
        name="Fundacja Pomocy Seniorom", legal_form=Organization.LegalForm.FOUNDATION, district=district
    )
    OrganizationFactory(name="Fundacja Pomocy Zwierzętom", legal_form=Organization.LegalForm.FOUNDATION, areas=[area])
    OrganizationFactory(name="Stowarzyszenie Pomocy", district=district, areas=[area], is_public_benefit=True)
    found = (
        Organization.objects.published()
        .filter_by(legal_form="fundacja", area=area, district=district, is_public_benefit=True)
        .search("fundcja pomocy")
    )
    assert names(found) == [match.name]


def test_search_never_finds_unpublished():
    OrganizationFactory(name="Fundacja Ukryta", status=Organization.Status.PENDING)
    OrganizationFactory(name="Fundacja Odrzucona", status=Organization.Status.REJECTED, rejection_reason="x")
    assert search("fundacja") == []


@pytest.mark.parametrize("query", ["", "   ", "%_%", "' OR 1=1 --", "&&&", "a" * 500])
def test_odd_queries_return_quietly(query):
    OrganizationFactory(name="Fundacja")
    assert isinstance(search(query), list)


def test_without_query_polish_alphabetical_order():
    for name in ["Żubr", "Zorza", "Łąka", "Lipa", "Źródło", "Ćma", "Cis", "Ósemka", "Orzeł", "Śnieg", "Sowa"]:
        OrganizationFactory(name=name)
    expected = ["Cis", "Ćma", "Lipa", "Łąka", "Orzeł", "Ósemka", "Sowa", "Śnieg", "Zorza", "Źródło", "Żubr"]
    assert names(Organization.objects.published().alphabetical()) == expected


def test_search_terms_follow_renames():
    organization = OrganizationFactory(name="Stara Nazwa")
    organization.name = "Fundacja Nowa Przystań"
    organization.save()
    assert search("przystan") == [organization.name]
