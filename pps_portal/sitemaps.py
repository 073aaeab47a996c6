from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.urls import reverse


class ItemsInEachLanguage(Paginator):
    """Pages of the (item, language) pairs an i18n sitemap lists, each item in all its languages on one page.

    The items are counted and sliced by the database. Django's own i18n
    pagination builds the pairs of every item first: the sitemap index, which
    only needs the number of pages, loaded all 49,000 events, 49,000 articles
    and 19,000 organizations of a large city (3 s), and so did each page.
    """

    def __init__(self, items, languages, per_page):
        self.languages = languages
        super().__init__(items, max(1, per_page // len(languages)))

    def _get_page(self, object_list, number, paginator):
        pairs = [(item, language) for item in object_list for language in self.languages]
        return super()._get_page(pairs, number, paginator)


class MultilingualSitemap(Sitemap):
    """Each page once per language (/…, /uk/…, /en/…), each entry naming the
    others as hreflang alternates and Polish as x-default. A sitemap page
    holds at most `limit` addresses."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def paginator(self):
        return ItemsInEachLanguage(self.items(), self._languages(), self.limit)

    def _location(self, item, force_lang_code=None):
        # Django asks for each address five times (as an entry, and as an alternate or the
        # x-default of the item's entries in every language): it was half of a section page's
        # time. Each is made once; a sitemap object lives for one request.
        obj, language = item
        key = (obj, force_lang_code or language)
        locations = self.__dict__.setdefault("_locations", {})
        if key not in locations:
            locations[key] = super()._location(item, force_lang_code)
        return locations[key]


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
