from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from grants.models import GrantCall
from pps_portal.text import format_pln

FEED_SIZE = 20


class CallsRssFeed(Feed):
    """New grant calls, newest publication first."""

    feed_type = Rss201rev2Feed

    def get_object(self, request):
        self.site = request.site
        self.host = request.get_host().split(":")[0]
        return None

    def title(self):
        return _("%(site)s — Konkursy ofert") % {"site": self.site.site_name}

    def link(self):
        return reverse("grants:list")

    def description(self):
        return _("Nowe otwarte konkursy ofert i małe granty dla organizacji pozarządowych (%(city)s)") % {
            "city": self.site.city
        }

    def items(self):
        return (
            GrantCall.objects.published()
            .select_related("area")
            .defer("description")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return _("%(kind)s, %(area)s. Łączna kwota: %(budget)s. Oferty do %(deadline)s.") % {
            "kind": item.get_kind_display().capitalize(),
            "area": item.area.name,
            "budget": format_pln(item.budget),
            "deadline": date_format(localtime(item.deadline_at), "j E Y, H:i"),
        }

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display(), item.area.name]

    def item_guid(self, item):
        # A tag: URI survives slug changes and is a valid Atom id.
        return f"tag:{self.host},{item.created_at:%Y-%m-%d}:grant-call/{item.pk}"

    item_guid_is_permalink = False


class CallsAtomFeed(CallsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
