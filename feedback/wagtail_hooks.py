"""Editors read the feedback per page: a list under 리포트 (filter by page or answer), a
per-page summary, and a "의견" link in each page's header menu."""

from django.db.models import Count, Q
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from .models import PageFeedback


class PageFeedbackViewSet(ModelViewSet):
    model = PageFeedback
    icon = "comment"
    menu_label = "페이지 의견"
    add_to_admin_menu = True
    menu_order = 650
    list_display = ["page", "helpful", "comment", "created_at"]
    list_filter = ["helpful", "page"]
    search_fields = ["comment"]
    inspect_view_enabled = True
    # Citizens write feedback; editors read (and may delete spam), never invent it.
    form_fields = ["comment"]

    def get_queryset(self, request):
        return PageFeedback.objects.select_related("page")


feedback_viewset = PageFeedbackViewSet("page_feedback")


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return feedback_viewset


def summary(page_id: int) -> dict:
    """Yes and no counts for one page."""
    return PageFeedback.objects.filter(page_id=page_id).aggregate(
        yes=Count("pk", filter=Q(helpful=True)),
        no=Count("pk", filter=Q(helpful=False)),
    )


@hooks.register("register_page_header_buttons")
def feedback_for_this_page(page, user, view_name=None, next_url=None):
    counts = summary(page.pk)
    if not counts["yes"] and not counts["no"]:
        return []
    url = reverse(feedback_viewset.get_url_name("index")) + f"?page={page.pk}"
    label = f"의견 보기 (도움됨 {counts['yes']} · 안 됨 {counts['no']})"
    return [Button(label, url, icon_name="comment", priority=60)]
