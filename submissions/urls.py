from django.urls import path

from submissions import views

app_name = "submissions"

urlpatterns = [
    path("zglos/news/", views.submit_news, name="news"),
    path("zglos/blad/", views.submit_error, name="error"),
    path("zglos/organizacje/", views.submit_organization, name="organization"),
    path("zglos/wydarzenie/", views.submit_event, name="event"),
    path("zglos/dziekujemy/", views.thanks, name="thanks"),
    path("kontakt/", views.contact, name="contact"),
]
