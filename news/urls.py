from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.news_list, name="list"),
    path("rss/", feeds.NewsRssFeed(), name="rss"),
    path("atom/", feeds.NewsAtomFeed(), name="atom"),
    path("kategoria/<slug:slug>/", views.news_list, name="category"),
    path("kategoria/<slug:slug>/rss/", feeds.NewsRssFeed(), name="category_rss"),
    path("kategoria/<slug:slug>/atom/", feeds.NewsAtomFeed(), name="category_atom"),
    path("<slug:slug>/", views.news_detail, name="detail"),
]
