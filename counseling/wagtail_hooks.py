"""Counseling in the Wagtail admin menu: shown only to those who may see it."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import views
from .permissions import can_view_access_log, can_view_cases

admin_urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("export/", views.export, name="export"),
    path("access-log/", views.access_log, name="access_log"),
    path("access-review/", views.access_review, name="access_review"),
    path("<int:pk>/", views.case_detail, name="case"),
    path("<int:pk>/assign/", views.case_assign, name="assign"),
    path("<int:pk>/answer/", views.case_answer, name="answer"),
    path("<int:pk>/close/", views.case_close, name="close"),
    path("<int:pk>/faq/", views.case_faq, name="faq"),
]


@hooks.register("register_admin_urls")
def register_counseling_urls():
    return [path("counseling/", include((admin_urlpatterns, "counseling_admin")))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, test, **kwargs):
        super().__init__(*args, **kwargs)
        self.test = test

    def is_shown(self, request):
        return self.test(request.user)


class CounselingSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return can_view_cases(request.user) or can_view_access_log(request.user)


@hooks.register("register_admin_menu_item")
def register_counseling_menu():
    menu = Menu(
        items=[
            PermissionMenuItem(
                "상담 신청함",
                reverse("counseling_admin:inbox"),
                icon_name="mail",
                test=can_view_cases,
            ),
            PermissionMenuItem(
                "개인정보 접속기록",
                reverse("counseling_admin:access_log"),
                icon_name="history",
                test=can_view_access_log,
            ),
            PermissionMenuItem(
                "접속기록 월간 점검",
                reverse("counseling_admin:access_review"),
                icon_name="check",
                test=can_view_access_log,
            ),
        ]
    )
    return CounselingSubmenu("온라인 상담", menu, icon_name="mail", name="counseling", order=400)
