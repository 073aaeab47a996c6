from django.urls import path, register_converter

from pages import views
from pages.converters import PagePathConverter

register_converter(PagePathConverter, "pagepath")

app_name = "pages"

urlpatterns = [
    path("", views.index, name="index"),
    path("<pagepath:path>/", views.detail, name="detail"),
]
