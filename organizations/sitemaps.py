from django.urls import reverse

from organizations.models import Organization
from pps_portal.sitemaps import DatabaseLastmodSitemap, MultilingualSitemap


class OrganizationSitemap(DatabaseLastmodSitemap):
    """Listed organizations (not those in liquidation or struck off), plus the registry's own pages."""

    changefreq = "monthly"

    def items(self):
        return Organization.objects.listed().only("slug", "updated_at").order_by("pk")


class OrganizationPagesSitemap(MultilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return ["organizations:list", "organizations:opp", "organizations:statistics"]

    def location(self, item):
        return reverse(item)
