import pytest
from django.core.exceptions import ValidationError

from organizations.identifiers import (
    identifier_kind,
    is_valid_krs,
    is_valid_nip,
    is_valid_regon,
    normalize_krs,
    normalize_nip,
    normalize_regon,
    validate_krs,
    validate_nip,
    validate_regon,
)


@pytest.mark.parametrize(
    "value", ["1234563218", "5260250995", "7251801126", "PL1234563218", "123-456-32-18", "123 456 32 18"]
)
def test_nip_known_valid(value):
    assert is_valid_nip(value)


@pytest.mark.parametrize(
    "value",
    ["1234563219", "5260250994", "123456321", "12345632188", "0000000000", "12345a3218", "", "١٢٣٤٥٦٣٢١٨"],
)
def test_nip_known_invalid(value):
    assert not is_valid_nip(value)


def test_nip_normalisation_strips_prefix_spaces_and_dashes():
    assert normalize_nip(" pl 123-456-32-18 ") == "1234563218"


@pytest.mark.parametrize("value", ["123456785", "192598184", "732065814", "123-456-785"])
def test_regon9_known_valid(value):
    assert is_valid_regon(value)


@pytest.mark.parametrize("value", ["123456786", "12345678", "1234567850", "000000000", "abcdefghi"])
def test_regon9_known_invalid(value):
    assert not is_valid_regon(value)


def test_regon14_known_valid():
    assert is_valid_regon("12345678512347")


@pytest.mark.parametrize(
    "value",
    [
        "12345678512348",  # wrong check digit
        "12345678612343",  # parent REGON-9 invalid
        "00000000000000",
    ],
)
def test_regon14_known_invalid(value):
    assert not is_valid_regon(value)


def test_regon_normalisation():
    assert normalize_regon("123 456 785") == "123456785"


def test_krs_is_padded_to_ten_digits():
    assert normalize_krs("12345") == "0000012345"
    assert normalize_krs("KRS 0000012345") == "0000012345"


@pytest.mark.parametrize("value", ["0000012345", "12345", "1"])
def test_krs_known_valid(value):
    assert is_valid_krs(value)


@pytest.mark.parametrize("value", ["12345678901", "0000000000", "abc", "", "12-34x"])
def test_krs_known_invalid(value):
    assert not is_valid_krs(value)


def test_validators_raise_with_codes():
    for validator, value, code in [
        (validate_nip, "1234563219", "invalid_nip"),
        (validate_regon, "123456786", "invalid_regon"),
        (validate_krs, "12345678901", "invalid_krs"),
    ]:
        with pytest.raises(ValidationError) as excinfo:
            validator(value)
        assert excinfo.value.code == code


def test_identifier_kind_recognises_each_identifier():
    assert identifier_kind("123-456-32-18") == [("krs", "1234563218"), ("nip", "1234563218")]
    assert identifier_kind("123456785") == [("krs", "0123456785"), ("regon", "123456785")]
    assert identifier_kind("fundacja") == []


@pytest.mark.django_db
def test_model_field_stores_normalised_values():
    from tests.organizations.factories import OrganizationFactory

    organization = OrganizationFactory(krs="12345", nip="PL 123-456-32-18", regon="123-456-785")
    organization.refresh_from_db()
    assert (organization.krs, organization.nip, organization.regon) == ("0000012345", "1234563218", "123456785")


@pytest.mark.django_db
def test_full_clean_rejects_bad_checksums():
    from organizations.models import Organization

    organization = Organization(name="X", slug="x", legal_form="inna", nip="1234563219", regon="123456786")
    with pytest.raises(ValidationError) as excinfo:
        organization.full_clean()
    assert set(excinfo.value.message_dict) == {"nip", "regon"}


def test_model_form_field_accepts_typed_identifiers():
    from django import forms

    from organizations.models import Organization

    class Form(forms.ModelForm):
        class Meta:
            model = Organization
            fields = ["name", "slug", "legal_form", "krs", "nip", "regon"]

    form = Form(
        {"name": "X", "slug": "x", "legal_form": "inna", "krs": "12345", "nip": "PL 123-456-32-18", "regon": ""}
    )
    assert form.fields["nip"].clean("PL 123-456-32-18") == "1234563218"
    assert form.fields["krs"].clean("12345") == "0000012345"
