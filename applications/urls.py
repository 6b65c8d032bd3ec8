"""/api/v2/applications/: included from api/urls.py."""

from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

from content.errors import json_error

from .api import CancelView, LookupView, ProgramApplicationsView


@csrf_exempt
def unknown_program(request, *args):
    """A program id that is not a number: the JSON 404, not Django's CSRF page for a POST."""
    return json_error("not_found", "프로그램을 찾을 수 없습니다.", 404)


app_name = "applications"
urlpatterns = [
    path("programs/<int:program_id>/", ProgramApplicationsView.as_view(), name="program"),
    re_path(r"^programs/[^/]*/$", unknown_program),
    path("<str:receipt_number>/", LookupView.as_view(), name="lookup"),
    path("<str:receipt_number>/cancel/", CancelView.as_view(), name="cancel"),
]
