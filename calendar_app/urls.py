from django.urls import path

from calendar_app import views

app_name = "calendar"

urlpatterns = [
    path("", views.month, name="index"),
    path("<int:year>/<int:month>/", views.month, name="month"),
    path("<int:year>/<int:month>/<int:day>/", views.day, name="day"),
    path("wydarzenia/", views.agenda, name="agenda"),
    path("wydarzenia/<slug:slug>/", views.detail, name="detail"),
    path("wydarzenia/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("mini/", views.mini, name="mini"),
]
