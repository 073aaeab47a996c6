from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

_absolute_url = URLValidator(schemes=["http", "https"])


def validate_link(value):
    """An absolute http(s) URL or a path on this site ("/organizacje/")."""
    if value.startswith("/") and not value.startswith("//"):
        return
    try:
        _absolute_url(value)
    except ValidationError:
        raise ValidationError(
            _("Podaj pełny adres zaczynający się od https:// albo ścieżkę zaczynającą się od /."), code="invalid"
        ) from None
