from django.contrib.sitemaps import Sitemap

from calendar_app.models import Event


class EventSitemap(Sitemap):
    """Public events (cancelled ones too: their pages say so)."""

    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Event.objects.public().only("slug", "updated_at").order_by("-starts_at", "pk")

    def lastmod(self, event):
        return event.updated_at
