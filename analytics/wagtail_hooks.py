"""Admin: the stale-content report under 리포트, its "검토 완료" action and history label, and
the same action in each page's editor with the page's last review."""

from django.conf import settings
from django.contrib import messages
from django.forms.utils import flatatt
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.permission_policies.pages import PagePermissionPolicy

from analytics.admin_views import StaleContentReportView, may_review_stale_content, page_reviewed
from analytics.reviews import REVIEW_ACTION, last_review

REVIEW_LABEL = "검토 완료로 기록"


def review_post_attrs(page) -> dict:
    """Wagtail's w-action controller POSTs to the report's action with the CSRF token and
    `next` = this screen, so the editor comes back to where they were."""
    return {
        "data-controller": "w-action",
        "data-action": "w-action#post",
        "data-w-action-url-value": reverse("analytics_page_reviewed", args=[page.pk]),
    }


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


@hooks.register("register_page_header_buttons")
def review_from_the_editor(page, user, view_name=None, next_url=None):
    """ "검토 완료로 기록" in the edit view's header menu, for editorial staff who may edit the
    page (the action's own rule: a translator's or blogger's page rights are not enough)."""
    if view_name != "edit" or not may_review_stale_content(user):
        return []
    if not page.permissions_for_user(user).can_edit():
        return []
    return [
        Button(REVIEW_LABEL, icon_name="circle-check", attrs=review_post_attrs(page), priority=58)
    ]


@hooks.register("before_edit_page")
def show_last_review(request, page):
    """The page's last review above its form; a warning once it is stale. Only on GET: a save
    answers with its own messages. Shown to those who may record a review."""
    if request.method != "GET" or not may_review_stale_content(request.user):
        return None
    review = last_review(page)
    if review is None:
        return None  # a draft never published: nothing to review yet
    note = " · ".join(filter(None, [review.how, review.reviewer]))
    seen = f"마지막 검토: {timezone.localtime(review.at):%Y-%m-%d %H:%M} ({note})."
    if not review.is_stale:
        messages.info(request, seen)
        return None
    messages.warning(
        request,
        format_html(
            "{} 이 페이지는 {}일 동안 검토되지 않았습니다 (기준 {}일). "
            "내용이 아직 맞는지 확인한 뒤 "
            '<span class="buttons"><button type="button" class="button button-small '
            'button-secondary"{}>{}</button></span>',
            seen,
            review.days_ago,
            settings.STALE_CONTENT_DAYS,
            flatatt(review_post_attrs(page)),
            REVIEW_LABEL,
        ),
    )
    return None
