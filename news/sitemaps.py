from django.contrib.sitemaps import Sitemap

from news.models import Category, News


class NewsSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return News.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")

    def lastmod(self, item):
        return item.updated_at


class NewsCategorySitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.all()
