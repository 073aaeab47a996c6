from grants.models import GrantCall
from pps_portal.sitemaps import DatabaseLastmodSitemap


class GrantCallSitemap(DatabaseLastmodSitemap):
    changefreq = "weekly"

    def items(self):
        return GrantCall.objects.published().only("slug", "updated_at").order_by("-deadline_at", "-pk")
