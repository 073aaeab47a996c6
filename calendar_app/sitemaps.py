from calendar_app.models import Event
from pps_portal.sitemaps import DatabaseLastmodSitemap


class EventSitemap(DatabaseLastmodSitemap):
    """Public events (cancelled ones too: their pages say so)."""

    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Event.objects.public().only("slug", "updated_at").order_by("-starts_at", "pk")
