from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from calendar_app import views as calendar_views
from calendar_app.sitemaps import EventSitemap
from grants import views as grants_views
from grants.sitemaps import GrantCallSitemap
from news.sitemaps import NewsCategorySitemap, NewsSitemap
from organizations.sitemaps import OrganizationPagesSitemap, OrganizationSitemap
from pages import views as pages_views
from pages.sitemaps import PageSitemap
from pps_portal import views
from pps_portal.sitemaps import StaticPagesSitemap

sitemaps = {
    "events": EventSitemap,
    "static": StaticPagesSitemap,
    "news": NewsSitemap,
    "news-categories": NewsCategorySitemap,
    "organizations": OrganizationSitemap,
    "organizations-pages": OrganizationPagesSitemap,
    "pages": PageSitemap,
    "grant-calls": GrantCallSitemap,
}

# Pages people read: Polish at the addresses printed on paper (no prefix),
# Ukrainian under /uk/ and English under /en/, same paths after the prefix.
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path("deklaracja-dostepnosci/", views.statement, name="statement"),
    path("aktualnosci/", include("news.urls")),
    path("organizacje/", include("organizations.urls")),
    path("kalendarz/", include("calendar_app.urls")),
    path("kalendarz.ics", calendar_views.feed, name="calendar-feed"),
    path("dokumenty/", include("documents.urls")),
    path("informacje/", include("pages.urls")),
    path("tekst-latwy-do-czytania/", pages_views.easy_read, name="easy-read"),
    path("jezyk-migowy/", pages_views.sign_language, name="sign-language"),
    path("konkursy/", include("grants.urls")),
    path("konkursy.ics", grants_views.deadlines_feed, name="grants-feed"),
    path("szukaj/", views.search, name="search"),
    path("", include("submissions.urls")),
    prefix_default_language=False,
)

# One address whatever the language: machines' files, the preferences form
# (it returns to the page it came from), editors' tools.
urlpatterns += [
    path("ustawienia-dostepnosci/", views.accessibility_preferences, name="a11y-preferences"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    # An index of one sitemap per section: each stays under the protocol's
    # 50,000 URLs (Django pages a section beyond that) and cheap to build.
    # Each section lists every language's address with its alternates.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap-section"),
    # Our checked, re-encoding upload view under django-ckeditor-5's URL name.
    path("ckeditor5/image_upload/", views.editor_image_upload, name="ck_editor_5_upload_file"),
    path("ckeditor5/", include("django_ckeditor_5.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", views.media),
    ]

handler400 = "pps_portal.views.bad_request"
handler403 = "pps_portal.views.permission_denied"
handler404 = "pps_portal.views.page_not_found"
handler500 = "pps_portal.views.server_error"
