from django.db import models


class OrganizationQuerySet(models.QuerySet):
    """Reads of the registry. "Public" is defined here and only here."""

    def published(self):
        """Organizations anyone may see: approved by the editors."""
        return self.filter(status="published")

    def public_benefit(self):
        """OPP organizations, which can receive 1,5% of income tax."""
        return self.filter(is_public_benefit=True).exclude(krs="")
