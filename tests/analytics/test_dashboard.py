"""The dashboard's 이용 통계 panel: top and rising pages and searches, searches that found
nothing and recent feedback — for editors and reviewers, counts only."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from analytics.models import PageViewDay
from feedback.models import PageFeedback
from pages.editorial import COUNSELORS
from pages.models import SectionKind
from search.models import SearchQueryLog
from tests.factories import ArticlePageFactory, UserFactory
from tests.pages.test_editorial import PortalTestCase


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


class AnalyticsPanelTests(PortalTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        parent = cls.sections[SectionKind.FAMILY_INFO]
        cls.popular = ArticlePageFactory(parent=parent, title="아이돌봄 서비스")
        cls.rising = ArticlePageFactory(parent=parent, title="출산 축하금 신청")
        cls.old_favourite = ArticlePageFactory(parent=parent, title="작년 겨울 캠프")
        views = [
            (cls.popular, 1, 120),
            (cls.popular, 9, 110),
            (cls.rising, 2, 40),
            (cls.rising, 10, 4),
            (cls.old_favourite, 20, 900),
        ]
        for page, ago, count in views:
            PageViewDay.objects.create(page=page, day=days_ago(ago), views=count)
        searches = [
            ("한부모 지원", 1, 50, 12),
            ("산후조리", 2, 30, 4),
            ("산후조리", 9, 2, 4),
            ("쌍둥이 수당", 3, 7, 0),
        ]
        for query, ago, hits, results in searches:
            SearchQueryLog.objects.create(
                query=query, day=days_ago(ago), hits=hits, result_count=results
            )
        PageFeedback.objects.create(
            page=cls.popular, helpful=False, comment="신청 서류 목록을 알려 주세요"
        )
        cls.counselor = UserFactory(
            username="counselor", groups=[Group.objects.get(name=COUNSELORS)]
        )

    def panel(self, user) -> str:
        self.client.force_login(user)
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        if 'id="portal-analytics-section"' not in html:
            return ""
        return html[html.index('id="portal-analytics-section"') :]

    def section(self, html: str, section_id: str) -> str:
        start = html.index(f'id="{section_id}"')
        return html[start : html.index("</section>", start)]

    def test_editors_see_top_and_rising_pages(self):
        html = self.panel(self.editor)

        week = self.section(html, "top-pages-week")
        self.assertLess(week.index("아이돌봄 서비스"), week.index("출산 축하금 신청"))
        self.assertIn("120회", week)
        self.assertNotIn("작년 겨울 캠프", week)
        month = self.section(html, "top-pages-month")
        self.assertIn("작년 겨울 캠프", month)
        self.assertIn("900회", month)
        self.assertIn("230회", month)  # 120 + 110
        rising = self.section(html, "rising-pages")
        self.assertIn("출산 축하금 신청", rising)
        self.assertIn("40회 (직전 4회)", rising)
        self.assertNotIn("아이돌봄 서비스", rising)  # 120 after 110: steady, not rising

    def test_reviewers_see_searches_including_those_that_found_nothing(self):
        html = self.panel(self.reviewer)

        top = self.section(html, "top-searches")
        self.assertLess(top.index("한부모 지원"), top.index("산후조리"))
        rising = self.section(html, "rising-searches")
        self.assertIn("30번 (직전 2번)", rising)
        self.assertIn("7번 (새로 등장)", rising)
        zero = self.section(html, "zero-result-searches")
        self.assertIn("쌍둥이 수당", zero)
        self.assertNotIn("한부모 지원", zero)

    def test_recent_feedback_is_shown_with_its_page(self):
        feedback = self.section(self.panel(self.editor), "recent-feedback")

        self.assertIn("아이돌봄 서비스", feedback)
        self.assertIn("도움이 안 됨", feedback)
        self.assertIn("신청 서류 목록을 알려 주세요", feedback)

    def test_people_without_the_permissions_do_not_see_it(self):
        self.assertEqual(self.panel(self.counselor), "")
        self.assertEqual(self.panel(self.tf_member), "")

    def test_each_section_needs_its_own_data_permission(self):
        user = UserFactory(username="pages-only", groups=[Group.objects.get(name=COUNSELORS)])
        user.user_permissions.add(Permission.objects.get(codename="view_pageviewday"))
        html = self.panel(user)

        self.assertIn('id="top-pages-week"', html)
        self.assertNotIn('id="top-searches"', html)
        self.assertNotIn('id="recent-feedback"', html)
