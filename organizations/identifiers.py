"""Polish registry identifiers: KRS, NIP and REGON.

One module for normalising and validating them, used by the model fields
(imports and the shell), by admin and by the public submission form alike:

* ``normalize_*`` turn what people type ("PL 123-456-32-18", "12345") into
  the stored form (digits only; KRS zero-padded to 10 digits). They never
  raise: a value they cannot make sense of comes back stripped, for the
  validator to reject with a message.
* ``validate_*`` are Django validators (raise ``ValidationError``) that accept
  either the typed or the normalised form.
* ``is_valid_*`` are the plain checksum predicates.

KRS numbers have no check digit, so only their shape is checked (and the
zero-padding people leave out is ours). NIP and REGON checksums are
python-stdnum's (`stdnum.pl.nip`, `stdnum.pl.regon`), a maintained copy of
the official rules.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

_SEPARATORS = re.compile(r"[\s\-./]+")


def _strip(value):
    return _SEPARATORS.sub("", str(value or "")).strip()


def normalize_nip(value):
    """Digits of a NIP: drop an EU "PL" prefix, spaces, dashes and dots."""
    value = _strip(value)
    if value[:2].upper() == "PL":
        value = value[2:]
    return value


def normalize_regon(value):
    """Digits of a REGON: drop spaces, dashes and dots."""
    return _strip(value)


def normalize_krs(value):
    """A KRS number as stored: 10 digits, zero-padded ("12345" → "0000012345").

    People often type the number without its leading zeros or with a "KRS"
    prefix; both are accepted.
    """
    value = _strip(value)
    if value[:3].upper() == "KRS":
        value = value[3:]
    if value.isdigit() and len(value) < 10:
        value = value.zfill(10)
    return value


def _is_digits(value):
    # isdigit() alone accepts other scripts' digits ("١٢٣"); stored numbers are ASCII.
    return value.isascii() and value.isdigit() and bool(value.strip("0"))


def is_valid_nip(value):
    digits = normalize_nip(value)
    return _is_digits(digits) and stdnum_nip.is_valid(digits)


def is_valid_regon(value):
    digits = normalize_regon(value)
    return _is_digits(digits) and stdnum_regon.is_valid(digits)


def is_valid_krs(value):
    digits = normalize_krs(value)
    return len(digits) == 10 and digits.isascii() and digits.isdigit() and digits != "0" * 10


def validate_nip(value):
    if not is_valid_nip(value):
        raise ValidationError(
            _("To nie jest poprawny numer NIP: podaj 10 cyfr (np. 123-456-32-18); sprawdź, czy nie ma literówki."),
            code="invalid_nip",
        )


def validate_regon(value):
    if not is_valid_regon(value):
        raise ValidationError(
            _("To nie jest poprawny numer REGON: podaj 9 lub 14 cyfr; sprawdź, czy nie ma literówki."),
            code="invalid_regon",
        )


def validate_krs(value):
    if not is_valid_krs(value):
        raise ValidationError(
            _("To nie jest poprawny numer KRS: podaj do 10 cyfr (np. 0000123456)."),
            code="invalid_krs",
        )


def identifier_kind(value):
    """Which identifiers a search query could be, as [(field, normalised)].

    "123-456-32-18" could only be a NIP; a bare 10-digit number could be a KRS
    or a NIP; up to 10 digits may be a KRS typed without its leading zeros.
    Returns [] when the text is not a number.
    """
    kinds = []
    nip = normalize_nip(value)
    regon = normalize_regon(value)
    krs = normalize_krs(value)
    if is_valid_krs(krs):
        kinds.append(("krs", krs))
    if is_valid_nip(nip):
        kinds.append(("nip", nip))
    if is_valid_regon(regon):
        kinds.append(("regon", regon))
    return kinds


def krs_or_nip(value):
    """One column holding "KRS or NIP" (grant results): ("krs"|"nip", normalised), or None if neither.

    A "KRS"/"NIP" prefix decides; otherwise a number starting with 00 is a
    KRS (KRS numbers are zero-padded and no NIP starts with 00), a number
    with a valid NIP checksum is a NIP, and a shorter number is a KRS typed
    without its leading zeros.
    """
    text = str(value or "").strip()
    prefix = text[:3].upper()
    if prefix == "KRS":
        krs = normalize_krs(text)
        return ("krs", krs) if is_valid_krs(krs) else None
    if prefix == "NIP":
        nip = normalize_nip(text[3:].lstrip(" :"))
        return ("nip", nip) if is_valid_nip(nip) else None
    digits = normalize_nip(text)
    if not _is_digits(digits):
        return None
    if len(digits) == 10 and digits.startswith("00"):
        return ("krs", digits) if is_valid_krs(digits) else None
    if is_valid_nip(digits):
        return ("nip", digits)
    if len(digits) < 10 and is_valid_krs(digits):
        return ("krs", normalize_krs(digits))
    return None


def identifier_q(value):
    """A filter matching records by the KRS, NIP or REGON typed in `value`
    (with dashes, "PL", without leading zeros), or None when it is not one.
    The one lookup used by the registry search and by admin."""
    kinds = identifier_kind(value)
    if not kinds:
        return None
    match = Q()
    for field, normalised in kinds:
        match |= Q(**{field: normalised})
    return match


class IdentifierFormField(forms.CharField):
    """A form field that normalises an identifier before validating it.

    Its `max_length` is generous on input (people type separators); the
    normalised value is what the model field's validators check.
    """

    def __init__(self, *, normalizer, **kwargs):
        self.normalizer = normalizer
        kwargs["max_length"] = 32
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return self.normalizer(value) if value else value


class IdentifierField(models.CharField):
    """A CharField storing a normalised identifier (digits only, or empty)."""

    normalizer = staticmethod(lambda value: value)
    identifier_max_length = 10

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", self.identifier_max_length)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == self.identifier_max_length:
            del kwargs["max_length"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def to_python(self, value):
        value = super().to_python(value)
        return self.normalizer(value) if value else value

    def pre_save(self, model_instance, add):
        # Normalise on every save, so imports and the shell store the same form.
        value = getattr(model_instance, self.attname)
        if value:
            value = self.normalizer(value)
            setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": IdentifierFormField, "normalizer": self.normalizer, **kwargs})


class KRSField(IdentifierField):
    description = _("Numer KRS")
    normalizer = staticmethod(normalize_krs)
    default_validators = [validate_krs]
    identifier_max_length = 10


class NIPField(IdentifierField):
    description = _("Numer NIP")
    normalizer = staticmethod(normalize_nip)
    default_validators = [validate_nip]
    identifier_max_length = 10


class REGONField(IdentifierField):
    description = _("Numer REGON")
    normalizer = staticmethod(normalize_regon)
    default_validators = [validate_regon]
    identifier_max_length = 14
