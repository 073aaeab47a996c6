from django.urls import path

from organizations import self_service, views

app_name = "organizations"

# Fixed paths first: "opp" or "statystyki" must never be read as a slug.
urlpatterns = [
    path("", views.organization_list, name="list"),
    path("opp/", views.opp_list, name="opp"),
    path("statystyki/", views.statistics, name="statistics"),
    path("eksport.csv", views.export_csv, name="export_csv"),
    path("eksport.json", views.export_json, name="export_json"),
    path("eksport-hsds.json", views.export_hsds, name="export_hsds"),
    path("<slug:slug>/", views.organization_detail, name="detail"),
    # The organization's own: update link, pending change, yearly confirmation.
    path("<slug:slug>/aktualizacja/", self_service.update_request, name="update_request"),
    path("<slug:slug>/aktualizacja/wyslano/", self_service.update_request_sent, name="update_request_sent"),
    path("<slug:slug>/aktualizacja/dziekujemy/", self_service.update_thanks, name="update_thanks"),
    path("<slug:slug>/aktualizacja/<str:token>/", self_service.update_form, name="update_form"),
    path("<slug:slug>/potwierdzenie/<str:token>/", self_service.confirm, name="confirm"),
    path("<slug:slug>/przypomnienia/wypisz/<str:token>/", self_service.stop_reminders, name="stop_reminders"),
]
