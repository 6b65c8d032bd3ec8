"""Admin reports of what citizens search for: popular queries and queries that found nothing."""

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from content.spreadsheets import FormulaSafeExportMixin
from search.models import SearchQueryLog

REPORT_DAYS = 30


class SearchQueryReportView(FormulaSafeExportMixin, ReportView):
    """Queries of the last 30 days, most asked first."""

    page_title = "인기 검색어"
    header_icon = "search"
    index_url_name = "portal_search_queries"
    index_results_url_name = "portal_search_queries_results"
    permission_policy = ModelPermissionPolicy(SearchQueryLog)
    permission_required = "view"
    only_zero_results = False
    columns = [
        Column("query", label="검색어"),
        NumberColumn("total_hits", label=f"검색 횟수 (최근 {REPORT_DAYS}일)"),
        NumberColumn("best_result_count", label="최대 결과 수"),
    ]
    list_export = ["query", "total_hits", "best_result_count"]
    export_headings = {
        "query": "검색어",
        "total_hits": "검색 횟수",
        "best_result_count": "최대 결과 수",
    }

    def get_queryset(self):
        since = timezone.localdate() - timedelta(days=REPORT_DAYS)
        queries = SearchQueryLog.asked_between(since)
        if self.only_zero_results:
            queries = queries.filter(best_result_count=0)
        return queries.order_by("-total_hits", "query")


class ZeroResultQueryReportView(SearchQueryReportView):
    """Queries of the last 30 days that found no page: content or synonyms to add."""

    page_title = "결과 없는 검색어"
    index_url_name = "portal_search_zero_results"
    index_results_url_name = "portal_search_zero_results_results"
    only_zero_results = True
