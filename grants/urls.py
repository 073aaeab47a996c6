from django.urls import path

from grants import feeds, views

app_name = "grants"

# Fixed paths first: "rss" or "dotacje.json" must never be read as a slug.
urlpatterns = [
    path("", views.call_list, name="list"),
    path("rss/", feeds.CallsRssFeed(), name="rss"),
    path("atom/", feeds.CallsAtomFeed(), name="atom"),
    path("dotacje.json", views.grants_json, name="grants_json"),
    path("dotacje.csv", views.grants_csv, name="grants_csv"),
    path("<slug:slug>/", views.call_detail, name="detail"),
    path("<slug:slug>.ics", views.call_ics, name="call_ics"),
]
