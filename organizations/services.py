"""Writes to the registry beyond a plain save.

Publishing, rejecting and withdrawing are transitions of the editorial core
(`Organization.workflow`, performed by `editorial.services.transition`);
this module holds the registry's own effects.
"""


def mark_verified(organization, *, now, **context):
    """Effect of publishing: the editors checked the data now."""
    organization.verified_at = now
