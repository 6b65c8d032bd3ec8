"""The stale-content report (리포트 > 오래된 콘텐츠) and its "검토 완료" action."""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Page, get_page_content_types
from wagtail.permission_policies.pages import PagePermissionPolicy

from analytics.reviews import (
    mark_reviewed,
    review_how,
    reviewer_names,
    stale_pages,
    with_last_review,
)
from content.paths import frontend_url, site_path
from content.spreadsheets import FormulaSafeExportMixin
from pages.editorial import READ_PAGE_VIEWS


def may_review_stale_content(user) -> bool:
    """The report is editorial staff's (those who read the portal's analytics: editors and
    reviewers): page rights alone — a translator's, a blogger's — do not open it."""
    return user.has_perm(READ_PAGE_VIEWS)


def start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class StaleContentFilterSet(WagtailFilterSet):
    reviewed_before = django_filters.DateFilter(
        label="마지막 검토가 이 날짜 전", method="filter_reviewed_before", widget=AdminDateInput
    )
    content_type = ContentTypeFilter(
        label="페이지 유형",
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = ["content_type"]

    def filter_reviewed_before(self, queryset, name, value):
        return queryset.filter(last_reviewed_at__lt=start_of(value))


class ReviewColumn(Column):
    """A "검토 완료" button per page: a POST that records the review and comes back here."""

    cell_template_name = "analytics/review_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["csrf_token"] = get_token(request)  # the table's context has none
        context["next"] = request.get_full_path()
        context["action"] = reverse("analytics_page_reviewed", args=[instance.pk])
        return context


class StaleContentReportView(FormulaSafeExportMixin, ReportView):
    """Live pages nobody has reviewed or published for STALE_CONTENT_DAYS (12 months):
    what editors check next. Each editor sees the pages they may edit."""

    page_title = "오래된 콘텐츠"
    header_icon = "time"
    index_url_name = "analytics_stale_content"
    index_results_url_name = "analytics_stale_content_results"
    permission_policy = PagePermissionPolicy()
    permission_required = "change"
    filterset_class = StaleContentFilterSet
    columns = [
        TitleColumn(
            "title",
            label="페이지",
            accessor=lambda page: page.get_admin_display_title(),
            get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        Column("type_label", label="유형"),
        DateColumn("last_reviewed_at", label="마지막 검토"),
        # How and by whom in one column: the table stays readable at 360 px.
        Column("reviewed_note", label="검토 내역"),
        ReviewColumn("review", label="검토 기록"),
    ]
    list_export = ["title", "type_label", "last_reviewed_at", "reviewed_how", "reviewer", "address"]
    export_headings = {
        "title": "페이지",
        "type_label": "유형",
        "last_reviewed_at": "마지막 검토",
        "reviewed_how": "검토 방식",
        "reviewer": "검토한 사람",
        "address": "주소",
    }

    def user_has_permission(self, permission):
        return may_review_stale_content(self.request.user) and super().user_has_permission(
            permission
        )

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).filter(depth__gt=1)
        if self.filters and self.filters.is_valid() and self.filters.form["reviewed_before"].data:
            # The editor chose the date: the filter applies it instead of the 12 months.
            return with_last_review(pages.filter(live=True)).order_by("last_reviewed_at", "pk")
        return stale_pages(pages)

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        names = reviewer_names(page.last_reviewed_by_id for page in pages)
        for page in pages:
            page.type_label = page.specific_class._meta.verbose_name if page.specific_class else ""
            page.reviewed_how = review_how(page.last_review_action)
            page.reviewer = names.get(page.last_reviewed_by_id, "")
            page.reviewed_note = " · ".join(filter(None, [page.reviewed_how, page.reviewer]))
            page.address = frontend_url(site_path(page))
        return pages


@require_POST
def page_reviewed(request, page_id: int):
    """ "검토 완료": who and when go into the page's history; no revision, nothing published."""
    page = get_object_or_404(Page, pk=page_id)
    if not (
        may_review_stale_content(request.user)
        and page.permissions_for_user(request.user).can_edit()
    ):
        raise PermissionDenied
    mark_reviewed(page, request.user)
    messages.success(
        request, f"'{page.get_admin_display_title()}' 페이지를 검토 완료로 기록했습니다."
    )
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect(StaleContentReportView.index_url_name)
