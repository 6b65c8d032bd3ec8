"""/api/v2/applications/: included from api/urls.py."""

from django.urls import path

from .api import CancelView, LookupView, ProgramApplicationsView

app_name = "applications"
urlpatterns = [
    path("programs/<int:program_id>/", ProgramApplicationsView.as_view(), name="program"),
    path("<str:receipt_number>/", LookupView.as_view(), name="lookup"),
    path("<str:receipt_number>/cancel/", CancelView.as_view(), name="cancel"),
]
