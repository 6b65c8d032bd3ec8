"""Page factories; pass `parent=` (a section page from the `portal` fixture)."""

import datetime

import factory
import wagtail_factories

from pages.models import (
    ArticlePage,
    BlogPostPage,
    CounselingCategory,
    CounselingFAQPage,
    EducationProgramPage,
    EducationResourcePage,
    NoticePage,
    ReportChapterPage,
    ReportEditionPage,
    ResourceType,
)


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"가족정보 글 {n}")
    intro = factory.Faker("sentence", locale="ko_KR")
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>가족을 위한 상담과 지원 정보를 안내합니다.</p>")]
    )


class EducationProgramPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EducationProgramPage

    title = factory.Sequence(lambda n: f"서울가족학교 프로그램 {n}")
    intro = "부모와 자녀가 함께하는 가족 교육 프로그램입니다."
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda page: page.start_date + datetime.timedelta(days=28))
    application_start = factory.LazyFunction(
        lambda: datetime.date.today() - datetime.timedelta(days=3)
    )
    application_end = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=10)
    )
    capacity = 20
    venue = "서울가족학교 강의실"


class EducationResourcePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EducationResourcePage

    title = factory.Sequence(lambda n: f"교육 자료 {n}")
    resource_type = ResourceType.DOCUMENT
    description = "<p>가족 교육에 활용할 수 있는 자료입니다.</p>"


class ReportEditionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ReportEditionPage

    # Years are unique and validated (2015-2100); wrap so long test sessions stay in range.
    year = factory.Sequence(lambda n: 2015 + n % 86)
    title = factory.LazyAttribute(lambda page: f"{page.year} 희망서울, 행복가족")
    edition_number = factory.Sequence(lambda n: f"제{n + 1}차")
    summary = "<p>서울 가족의 변화와 정책 제안을 담았습니다.</p>"


class ReportChapterPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ReportChapterPage

    chapter_number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda page: f"제{page.chapter_number}장 서울 가족의 모습")
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>서울시 가구 구조의 변화를 살펴봅니다.</p>")]
    )


class BlogPostPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BlogPostPage

    title = factory.Sequence(lambda n: f"우리 가족 이야기 {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>주말에 가족과 함께 공원에 갔어요.</p>")])


class NoticePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NoticePage

    title = factory.Sequence(lambda n: f"공지사항 {n}")
    body = "<p>서울시 패밀리 포털 공지입니다.</p>"


class CounselingFAQPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CounselingFAQPage

    title = factory.Sequence(lambda n: f"상담 FAQ {n}")
    category = CounselingCategory.PARENTING
    question = "아이가 말을 듣지 않을 때 어떻게 해야 하나요?"
    answer = "<p>먼저 아이의 마음을 읽어 주세요.</p>"
