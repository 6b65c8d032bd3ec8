"""Releases in the admin menu, and the names of their steps on each release's history."""

from django.utils.html import format_html
from wagtail import hooks

from .views import release_viewset

STEPS = {
    "releases.submit": ("승인 요청", "릴리스 승인을 요청함"),
    "releases.approve": ("승인·예약", "릴리스를 승인하고 게시를 예약함"),
    "releases.reject": ("반려", "릴리스를 반려해 초안으로 돌려보냄"),
    "releases.cancel": ("취소", "릴리스를 취소함 (페이지는 바뀌지 않음)"),
    "releases.publish": ("게시", "릴리스의 모든 페이지를 한꺼번에 게시함"),
    "releases.fail": ("게시 실패", "릴리스 게시에 실패해 아무 페이지도 게시하지 않음"),
}


@hooks.register("register_admin_viewset")
def register_release_viewset():
    return release_viewset


@hooks.register("register_log_actions")
def register_release_steps(actions):
    for action, (label, message) in STEPS.items():
        actions.register_action(action, label, message)


@hooks.register("insert_global_admin_css")
def keep_status_tags_on_one_line():
    # At 360 px the list's status column is narrow: "승인 대기" must not break per syllable.
    return format_html(
        "<style>{}</style>", ".release-status-cell .w-status { white-space: nowrap; }"
    )
