"""The admin dashboard's 이용 통계 panel: what citizens read, search for and say.

It composes three features' own data — page views (analytics/), search queries (search/) and
page feedback (feedback/) — which stand side by side and may not import one another; cms/ is
above them all. Each section is shown only to users allowed to read its data (editors and
reviewers are, docs/analytics.md), and every figure is a count: nothing about a person.
"""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from analytics.trends import Window, page_views, rising, top
from feedback.models import PageFeedback
from pages.editorial import READ_FEEDBACK, READ_PAGE_VIEWS, READ_SEARCH_QUERIES
from search.models import SearchQueryLog

ROWS = 5
COMMENT_PREVIEW = 80


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    url: str = ""
    previous: int | None = None


def page_rows(counts: list[tuple[int, int, int | None]], titles: dict[int, str]) -> list[Row]:
    """(page id, count, previous count) as rows linking to the page's editor."""
    return [
        Row(titles[page_id], count, reverse("wagtailadmin_pages:edit", args=[page_id]), previous)
        for page_id, count, previous in counts
        if page_id in titles
    ]


def search_counts(window: Window) -> dict[str, int]:
    asked = SearchQueryLog.asked_between(window.since, window.until)
    return {row["query"]: row["total_hits"] for row in asked}


class AnalyticsPanel(Component):
    name = "portal_analytics"
    template_name = "cms/analytics_panel.html"
    order = 90  # above Wagtail's own panels: the first thing an editor sees

    def __init__(self, user):
        self.user = user

    def is_shown(self) -> bool:
        readable = (READ_PAGE_VIEWS, READ_SEARCH_QUERIES, READ_FEEDBACK)
        return any(self.user.has_perm(name) for name in readable)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        week, month = Window.last(7), Window.last(30)
        if self.user.has_perm(READ_PAGE_VIEWS):
            context.update(self.page_sections(week, month))
        if self.user.has_perm(READ_SEARCH_QUERIES):
            context.update(self.search_sections(week, month))
        if self.user.has_perm(READ_FEEDBACK):
            context["recent_feedback"] = self.recent_feedback()
        return context

    def page_sections(self, week: Window, month: Window) -> dict:
        this_week, this_month = page_views(week), page_views(month)
        top_week, top_month = top(this_week, ROWS), top(this_month, ROWS)
        rises = rising(this_week, page_views(week.before()), ROWS)
        ids = {key for key, _ in top_week + top_month} | {rise.key for rise in rises}
        titles = dict(Page.objects.filter(pk__in=ids).values_list("pk", "title"))
        return {
            "show_pages": True,
            "top_pages_week": page_rows([(*item, None) for item in top_week], titles),
            "top_pages_month": page_rows([(*item, None) for item in top_month], titles),
            "rising_pages": page_rows(
                [(rise.key, rise.current, rise.previous) for rise in rises], titles
            ),
        }

    def search_sections(self, week: Window, month: Window) -> dict:
        this_week = search_counts(week)
        zero = SearchQueryLog.asked_between(month.since, month.until).filter(best_result_count=0)
        return {
            "show_searches": True,
            "top_searches": [Row(query, count) for query, count in top(this_week, ROWS)],
            "rising_searches": [
                Row(rise.key, rise.current, previous=rise.previous)
                for rise in rising(this_week, search_counts(week.before()), ROWS)
            ],
            "zero_result_searches": [
                Row(row["query"], row["total_hits"])
                for row in zero.order_by("-total_hits", "query")[:ROWS]
            ],
            "zero_results_url": reverse("portal_search_zero_results"),
        }

    def recent_feedback(self) -> list[PageFeedback]:
        answers = list(PageFeedback.objects.select_related("page")[:ROWS])
        for answer in answers:
            comment = answer.comment
            answer.preview = (
                comment[:COMMENT_PREVIEW] + "…" if len(comment) > COMMENT_PREVIEW else comment
            )
        return answers
