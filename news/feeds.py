from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from news.models import Category, News

FEED_SIZE = 20


class NewsRssFeed(Feed):
    """Published news (optionally one category), newest first."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, slug=None):
        self.site = request.site
        self.host = request.get_host().split(":")[0]
        return get_object_or_404(Category, slug=slug) if slug else None

    def title(self, category):
        if category:
            return _("%(site)s — Aktualności: %(category)s") % {"site": self.site.site_name, "category": category.name}
        return _("%(site)s — Aktualności") % {"site": self.site.site_name}

    def link(self, category):
        return category.get_absolute_url() if category else reverse("news:list")

    def description(self, category):
        return _("Aktualności serwisu %(site)s (%(city)s)") % {"site": self.site.site_name, "city": self.site.city}

    def items(self, category):
        news = News.objects.for_listing()
        if category is not None:
            news = news.filter(category=category)
        # Feed readers want chronological order, not pinned-first.
        return news.order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.category.name] if item.category else []

    def item_guid(self, item):
        # A tag: URI survives slug changes and is a valid Atom id.
        return f"tag:{self.host},{item.created_at:%Y-%m-%d}:news/{item.pk}"

    item_guid_is_permalink = False


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)
