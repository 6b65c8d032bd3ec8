"""Admin: the synonym snippet and the search query reports."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.admin_views import SearchQueryReportView, ZeroResultQueryReportView
from search.models import SearchSynonym

REPORTS = [
    ("search-queries/", SearchQueryReportView, 1310),
    ("search-queries/zero-results/", ZeroResultQueryReportView, 1320),
]


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "검색 동의어"
    list_display = ["terms", "targets", "rule", "language"]
    search_fields = ["terms"]


register_snippet(SearchSynonymViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for prefix, view, _order in REPORTS:
        urls.append(path(prefix, view.as_view(), name=view.index_url_name))
        urls.append(
            path(
                f"{prefix}results/",
                view.as_view(results_only=True),
                name=view.index_results_url_name,
            )
        )
    return urls


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("portal_search.view_searchquerylog")


def _menu_item(view, order):
    return ReportMenuItem(
        view.page_title, reverse(view.index_url_name), icon_name="search", order=order
    )


@hooks.register("register_reports_menu_item")
def register_popular_queries_menu_item():
    return _menu_item(SearchQueryReportView, REPORTS[0][2])


@hooks.register("register_reports_menu_item")
def register_zero_result_queries_menu_item():
    return _menu_item(ZeroResultQueryReportView, REPORTS[1][2])
