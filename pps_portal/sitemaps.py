from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse


class MultilingualSitemap(Sitemap):
    """Each page once per language (/…, /uk/…, /en/…), each entry naming the
    others as hreflang alternates and Polish as x-default."""

    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(MultilingualSitemap):
    changefreq = "monthly"

    def items(self):
        return ["home", "statement", "pages:index", "easy-read", "sign-language", "documents:library", "grants:list"]

    def location(self, item):
        return reverse(item)


class DatabaseLastmodSitemap(MultilingualSitemap):
    """A sitemap of model objects whose newest change the database computes.

    Django's default get_latest_lastmod() loads every item to take the
    maximum in Python; the sitemap index asks for it on every request.
    """

    lastmod_field = "updated_at"

    def lastmod(self, item):
        return getattr(item, self.lastmod_field)

    def get_latest_lastmod(self):
        return self.items().order_by().aggregate(latest=Max(self.lastmod_field))["latest"]
