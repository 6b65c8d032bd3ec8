"""Section screens show 협력기관 소식: partner agencies' news, each crediting its source."""

import datetime

import pytest
from django.utils import timezone

from pages.models import SectionKind
from partners.models import PartnerFeed, PartnerItem
from tests.factories import AgencyFactory

from .browsing import open_frontend

pytestmark = pytest.mark.browser


def test_a_section_shows_its_partner_news_with_the_source(browser_page, e2e_site, screenshot):
    page = browser_page
    agency = AgencyFactory(name="서울시립 청소년미디어센터", url="https://youthnavi.example/")
    feed = PartnerFeed.objects.create(
        title="유스내비 소식",
        url="https://youthnavi.example/rss",
        agency=agency,
        section=SectionKind.FAMILY_INFO,
    )
    PartnerItem.objects.create(
        feed=feed,
        guid="yn-1",
        title="청소년 미디어 캠프 참가자 모집",
        link="https://youthnavi.example/news/1",
        summary_html="<p>겨울방학 <strong>영상 제작</strong> 캠프</p>",
        published=timezone.now() - datetime.timedelta(days=1),
    )

    open_frontend(page, "/frontend/가족정보/")

    news = page.get_by_role("region", name="협력기관 소식")
    link = news.get_by_role("link", name="청소년 미디어 캠프 참가자 모집")
    assert link.get_attribute("href") == "https://youthnavi.example/news/1"
    assert "출처: 서울시립 청소년미디어센터" in news.inner_text()
    assert news.locator("strong").inner_text() == "영상 제작"
    screenshot(page, "section-partner-news")

    open_frontend(page, "/frontend/알림마당/")
    assert page.get_by_role("region", name="협력기관 소식").count() == 0
