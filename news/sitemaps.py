from news.models import Category, News
from pps_portal.sitemaps import DatabaseLastmodSitemap, MultilingualSitemap


class NewsSitemap(DatabaseLastmodSitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return News.objects.published().only("slug", "updated_at").order_by("-published_at", "-pk")


class NewsCategorySitemap(MultilingualSitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.all()
