from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("", views.library, name="library"),
    path("<int:id>/<str:filename>", views.download, name="download"),
]
