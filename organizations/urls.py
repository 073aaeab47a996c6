from django.urls import path

from organizations import views

app_name = "organizations"

# Fixed paths first: "opp" or "statystyki" must never be read as a slug.
urlpatterns = [
    path("", views.organization_list, name="list"),
    path("opp/", views.opp_list, name="opp"),
    path("statystyki/", views.statistics, name="statistics"),
    path("eksport.csv", views.export_csv, name="export_csv"),
    path("eksport.json", views.export_json, name="export_json"),
    path("<slug:slug>/", views.organization_detail, name="detail"),
]
