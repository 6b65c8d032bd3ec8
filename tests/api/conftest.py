"""Portal content for API tests: every page type, with images, files, links and taxonomies."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from rest_framework.test import APIClient
from wagtail.models import Page, PageViewRestriction
from wagtail_factories import DocumentFactory, ImageFactory

from pages.models import (
    ArticlePage,
    BlogPostPage,
    EducationProgramPage,
    NoticeAttachment,
    NoticePage,
    SectionKind,
)
from tests.factories import (
    AgencyFactory,
    ArticlePageFactory,
    AudienceFactory,
    BloggerProfileFactory,
    BlogPostPageFactory,
    CounselingFAQPageFactory,
    DistrictFactory,
    EducationProgramPageFactory,
    EducationResourcePageFactory,
    NoticePageFactory,
    ReportChapterPageFactory,
    ReportEditionPageFactory,
    TopicFactory,
)


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    cache.clear()
    # Sync cursors normally wait a few seconds for late commits; tests look at once.
    settings.API_SYNC_SETTLE_SECONDS = 0
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


def publish(page: Page) -> Page:
    """Publish through Wagtail's revisions, as editors do (fires page_published)."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@dataclass
class Content:
    portal: object
    image: object
    document: object
    topic: object
    audience: object
    district: object
    agency: object
    article: ArticlePage
    linked: ArticlePage
    draft: ArticlePage
    program: EducationProgramPage
    closed_program: EducationProgramPage
    notice: NoticePage
    old_notice: NoticePage
    blog: BlogPostPage
    private_pages: dict


def make_private_pages(section) -> dict[str, Page]:
    """One page behind each kind of view restriction."""
    group = Group.objects.create(name="내부 검토자")
    pages = {}
    for name, kind in [
        ("login", PageViewRestriction.LOGIN),
        ("groups", PageViewRestriction.GROUPS),
        ("password", PageViewRestriction.PASSWORD),
    ]:
        page = ArticlePageFactory(parent=section, title=f"비공개 {name} 글", slug=f"private-{name}")
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=kind, password="비밀번호1234" if name == "password" else ""
        )
        if name == "groups":
            restriction.groups.add(group)
        pages[name] = page
    return pages


@pytest.fixture
def content(portal) -> Content:
    family_info = portal.section(SectionKind.FAMILY_INFO)
    image = ImageFactory(title="가족 나들이", description="공원에서 웃는 가족", width=2000)
    document = DocumentFactory(title="한부모 지원 안내서")
    topic = TopicFactory(name="돌봄", slug="care")
    audience = AudienceFactory(name="한부모", slug="single-parent")
    district = DistrictFactory(name="종로구", slug="jongno")
    agency = AgencyFactory(name="서울시여성가족재단", url="https://www.seoulwomen.or.kr")

    linked = ArticlePageFactory(parent=family_info, title="양육비 지원", slug="양육비-지원")
    draft = ArticlePageFactory(parent=family_info, title="작성 중인 글", slug="draft", live=False)
    article = ArticlePageFactory(
        parent=family_info,
        title="한부모 지원",
        slug="한부모-지원",
        seo_title="한부모가족 지원 안내",
        search_description="한부모가족이 받을 수 있는 지원",
        agency=agency,
        body=[
            ("heading", {"text": "지원 대상", "level": "h2"}),
            (
                "paragraph",
                f'<p><a linktype="page" id="{linked.pk}">양육비</a>, '
                f'<a linktype="page" id="{draft.pk}">초안</a>, '
                f'<a linktype="document" id="{document.pk}">안내서</a></p>'
                f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="가족"/>',
            ),
            ("image", {"image": image, "alt_text": "가족 사진", "caption": "나들이"}),
            ("document", {"document": document, "title": "신청서"}),
        ],
        related_links=[
            ("link", {"title": "양육비", "page": linked, "external_url": ""}),
            ("link", {"title": "초안", "page": draft, "external_url": ""}),
        ],
    )
    article.topics.add(topic)
    article.audiences.add(audience)
    article.districts.add(district)
    publish(article)

    school = portal.section(SectionKind.FAMILY_SCHOOL)
    today = datetime.date.today()
    program = EducationProgramPageFactory(parent=school, title="부모 교육", slug="부모-교육")
    closed_program = EducationProgramPageFactory(
        parent=school,
        title="지난 교육",
        slug="지난-교육",
        application_start=today - datetime.timedelta(days=30),
        application_end=today - datetime.timedelta(days=1),
    )
    EducationResourcePageFactory(
        parent=school, title="교육 자료", slug="교육-자료", program=program
    )

    notices = portal.section(SectionKind.NOTICE)
    notice = NoticePageFactory(parent=notices, title="새 공지", slug="새-공지", date=today)
    NoticeAttachment.objects.create(notice=notice, document=document)
    notice.save()  # the attachment is part of the page: a save announces it, as a publish would
    old_notice = NoticePageFactory(
        parent=notices, title="옛 공지", slug="옛-공지", date=today - datetime.timedelta(days=60)
    )

    blogger = BloggerProfileFactory(display_name="행복한아빠", photo=image)
    blog = BlogPostPageFactory(
        parent=portal.section(SectionKind.BLOG),
        title="주말 나들이",
        slug="주말-나들이",
        blogger=blogger,
        hero_image=image,
    )
    edition = ReportEditionPageFactory(parent=portal.section(SectionKind.REPORT), year=2017)
    ReportChapterPageFactory(
        parent=edition,
        body=[
            (
                "statistics_table",
                {
                    "title": "가구 수",
                    "unit": "천 가구",
                    "source": "통계청",
                    "headers": ["연도", "한부모", "맞벌이(%)"],
                    "rows": [["2016", 291, 42.5], ["2017", 288, 44.6]],
                    "notes": "",
                    "chart_type": "bar",
                    "chart_direction": "columns",
                    "chart_series": "맞벌이(%)",
                },
            ),
            ("key_findings", {"title": "주요 결과", "findings": ["맞벌이 증가"]}),
        ],
    )
    CounselingFAQPageFactory(parent=portal.section(SectionKind.COUNSELING))
    return Content(
        portal=portal,
        image=image,
        document=document,
        topic=topic,
        audience=audience,
        district=district,
        agency=agency,
        article=article,
        linked=linked,
        draft=draft,
        program=program,
        closed_program=closed_program,
        notice=notice,
        old_notice=old_notice,
        blog=blog,
        private_pages=make_private_pages(family_info),
    )


class ClockAt:
    """Stands in for the `time` module inside django.core.signing."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def time(self) -> float:
        return self.seconds
