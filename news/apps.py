from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Aktualności")

    def ready(self):
        from news.models import News
        from pps_portal.invalidation import register_time_based_change

        register_time_based_change(News.objects.next_change)
