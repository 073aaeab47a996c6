from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse


class StaticPagesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["home", "statement", "pages:index", "easy-read", "sign-language", "documents:library", "grants:list"]

    def location(self, item):
        return reverse(item)


class DatabaseLastmodSitemap(Sitemap):
    """A sitemap of model objects whose newest change the database computes.

    Django's default get_latest_lastmod() loads every item to take the
    maximum in Python; the sitemap index asks for it on every request.
    """

    lastmod_field = "updated_at"

    def lastmod(self, item):
        return getattr(item, self.lastmod_field)

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max(self.lastmod_field))["latest"]
