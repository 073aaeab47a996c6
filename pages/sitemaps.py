from pages.models import Page
from pps_portal.sitemaps import DatabaseLastmodSitemap


class PageSitemap(DatabaseLastmodSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().only("path", "updated_at").order_by("tree_order")
