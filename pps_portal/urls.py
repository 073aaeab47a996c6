from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.static import serve

from pps_portal import views
from pps_portal.sitemaps import StaticPagesSitemap

sitemaps = {"static": StaticPagesSitemap}

urlpatterns = [
    path("", views.home, name="home"),
    path("deklaracja-dostepnosci/", views.statement, name="statement"),
    path("ustawienia-dostepnosci/", views.accessibility_preferences, name="a11y-preferences"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("ckeditor5/", include("django_ckeditor_5.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

handler500 = "pps_portal.views.server_error"
