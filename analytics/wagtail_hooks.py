"""Admin: the stale-content report under 리포트, its "검토 완료" action and history label."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy

from analytics.admin_views import StaleContentReportView, may_review_stale_content, page_reviewed
from analytics.reviews import REVIEW_ACTION


@hooks.register("register_admin_urls")
def register_stale_content_urls():
    view = StaleContentReportView
    return [
        path("stale-content/", view.as_view(), name=view.index_url_name),
        path(
            "stale-content/results/",
            view.as_view(results_only=True),
            name=view.index_results_url_name,
        ),
        path(
            "stale-content/<int:page_id>/reviewed/", page_reviewed, name="analytics_page_reviewed"
        ),
    ]


class StaleContentMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        may_edit = PagePermissionPolicy().user_has_permission(user, "change")
        return may_review_stale_content(user) and may_edit


@hooks.register("register_reports_menu_item")
def register_stale_content_menu_item():
    view = StaleContentReportView
    return StaleContentMenuItem(
        view.page_title, reverse(view.index_url_name), icon_name=view.header_icon, order=1440
    )


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(REVIEW_ACTION, "검토 완료", "검토 완료로 기록함")
