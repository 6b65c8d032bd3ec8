"""Program applications in the Wagtail admin menu, shown only to the staff who may see them."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .permissions import can_view

admin_urlpatterns = [
    path("", views.programs, name="programs"),
    path("access-log/", views.access_log, name="access_log"),
    path("<int:pk>/", views.program_detail, name="program"),
    path("<int:pk>/export/", views.export, name="export"),
    path("<int:pk>/close/", views.close_or_reopen, name="close"),
    path("<int:pk>/message/", views.message_confirmed, name="message"),
    path("<int:pk>/<int:application_pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/<int:application_pk>/cancel/", views.staff_cancel, name="cancel"),
]


@hooks.register("register_admin_urls")
def register_applications_urls():
    return [path("applications/", include((admin_urlpatterns, "applications_admin")))]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_admin_menu_item")
def register_applications_menu():
    return StaffMenuItem(
        "프로그램 신청",
        reverse("applications_admin:programs"),
        icon_name="group",
        name="applications",
        order=410,
    )
