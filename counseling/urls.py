"""/api/v2/counseling/: included from api/urls.py."""

from django.urls import path

from .api import CounselingLookupView, CounselingSubmitView

app_name = "counseling"
urlpatterns = [
    path("", CounselingSubmitView.as_view(), name="submit"),
    path("<str:receipt_number>/", CounselingLookupView.as_view(), name="lookup"),
]
