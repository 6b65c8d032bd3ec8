"""A small Korean portal for the browser tests, built with the project's factories.

Every screen type gets at least one page, with the strings the tests look for.
"""

import datetime
import json
from dataclasses import dataclass

import wagtail_factories

from pages.models import HomeFeaturedItem, ResourceDownload, SectionKind
from tests.factories import (
    AgencyFactory,
    ArticlePageFactory,
    AudienceFactory,
    BloggerProfileFactory,
    BlogPostPageFactory,
    DistrictFactory,
    EducationProgramPageFactory,
    EducationResourcePageFactory,
    NoticePageFactory,
    ReportChapterPageFactory,
    ReportEditionPageFactory,
    TopicFactory,
)

TABLE = {
    "title": "서울시 가구 유형별 가구 수",
    "unit": "천 가구",
    "source": "통계청 인구주택총조사",
    "headers": ["가구 유형", "2015", "2016", "2017"],
    "rows": [
        ["한부모가구", 291, 288, 285],
        ["1인가구", 1116, 1155, 1183],
        ["맞벌이가구", 772, 790, 811],
    ],
    "notes": "가구 수는 천 가구 단위로 반올림했습니다.",
    "chart_type": "",
    "chart_direction": "columns",
    "chart_series": "",
}
COUNSELING_ALT = "상담사가 한부모 가족과 이야기하는 모습"
# A table drawn as a chart: one series per column, the years along the axis.
CHART = {
    "title": "맞벌이 가구 비율",
    "unit": "%",
    "source": "서울시 서울서베이",
    "headers": ["연도", "서울", "전국"],
    "rows": [["2015", 41.2, 43.9], ["2016", 42.5, 44.9], ["2017", 44.6, 46.3]],
    "notes": "",
    "chart_type": "bar",
    "chart_direction": "columns",
    "chart_series": "",
}


def _stream(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _image(title: str, alt: str, color: str):
    return wagtail_factories.ImageFactory(
        title=title,
        description=alt,
        file__width=1280,
        file__height=720,
        file__color=color,
        file__filename=f"{title}.png",
    )


@dataclass
class E2ESite:
    portal: object
    article: object
    open_program: object
    closed_program: object
    resource: object
    edition: object
    chapter: object
    blog_post: object
    notice: object


def build_e2e_site(portal) -> E2ESite:
    today = datetime.date.today()
    family_info = portal.section(SectionKind.FAMILY_INFO)
    school = portal.section(SectionKind.FAMILY_SCHOOL)
    report = portal.section(SectionKind.REPORT)
    blog = portal.section(SectionKind.BLOG)
    notices = portal.section(SectionKind.NOTICE)

    single_parents = AudienceFactory(name="한부모", slug="single-parent")
    topic = TopicFactory(name="가족지원", slug="family-support")
    district = DistrictFactory(name="종로구", slug="jongno")
    agency = AgencyFactory(name="서울시 한부모가족지원센터", phone="02-2133-5000")

    article = ArticlePageFactory(
        parent=family_info,
        title="한부모가족 아동양육비 지원",
        slug="한부모-아동양육비",
        intro="한부모가족의 아이들이 안정적으로 자랄 수 있도록 양육비를 지원합니다.",
        body=_stream(
            ("heading", {"text": "지원 대상", "level": "h2"}),
            ("paragraph", "<p>만 18세 미만 자녀를 키우는 한부모가족을 위한 상담과 지원입니다.</p>"),
            (
                "image",
                {
                    "image": _image("상담실", COUNSELING_ALT, "#3b82f6").pk,
                    "alt_text": COUNSELING_ALT,
                    "caption": "서울시 한부모가족지원센터 상담실",
                },
            ),
        ),
        contact="서울시 가족담당관 02-2133-0000",
        agency=agency,
    )
    article.topics.add(topic)
    article.audiences.add(single_parents)
    article.districts.add(district)
    article.save_revision().publish()
    for number, title in enumerate(["한부모가족 주거 지원", "다문화가족 방문 교육"], start=1):
        ArticlePageFactory(parent=family_info, title=title, slug=f"article-{number}")

    open_program = EducationProgramPageFactory(
        parent=school,
        title="아빠와 함께하는 주말 가족학교",
        slug="주말-가족학교",
        intro="아빠와 아이가 함께 놀이하며 배우는 4주 과정입니다.",
        schedule_note="매주 토요일 10:00~12:00",
        application_url="https://family.seoul.go.kr/apply",
    )
    closed_program = EducationProgramPageFactory(
        parent=school,
        title="예비부부 가족 교육",
        slug="예비부부-교육",
        application_start=today - datetime.timedelta(days=40),
        application_end=today - datetime.timedelta(days=10),
    )
    resource = EducationResourcePageFactory(
        parent=school,
        title="부모 교육 활동지",
        slug="부모-교육-활동지",
        age_range="만 3~5세 자녀",
        program=open_program,
    )
    guide = wagtail_factories.DocumentFactory(
        title="부모 교육 활동지 (PDF)",
        file__filename="worksheet.pdf",
        file__data=b"%PDF-1.4\n% family worksheet\n",
    )
    ResourceDownload.objects.create(resource=resource, document=guide, title="활동지 내려받기")
    resource.save_revision().publish()

    edition = ReportEditionPageFactory(
        parent=report,
        year=2017,
        title="2017 희망서울, 행복가족",
        slug="2017",
        edition_number="제3차",
        publication_date=datetime.date(2017, 12, 20),
        cover_image=_image("2017 표지", "2017 보고서 표지", "#16a34a"),
    )
    chapter = ReportChapterPageFactory(
        parent=edition,
        chapter_number=1,
        title="제1장 서울 가족의 모습",
        slug="1장",
        summary="서울 가구 구조의 변화를 통계로 살펴봅니다.",
        body=_stream(
            ("heading", {"text": "가구 구조의 변화", "level": "h2"}),
            ("paragraph", "<p>1인가구와 맞벌이가구가 꾸준히 늘고 있습니다.</p>"),
            ("statistics_table", TABLE),
            ("statistics_table", CHART),
            ("key_findings", {"title": "주요 결과", "findings": ["맞벌이 가구 비율 증가"]}),
        ),
    )
    ReportChapterPageFactory(
        parent=edition,
        chapter_number=2,
        title="제2장 돌봄과 일",
        slug="2장",
        body=_stream(("statistics_table", {**CHART, "title": "돌봄 시간", "chart_type": "line"})),
    )

    blogger = BloggerProfileFactory(display_name="행복한 아빠", bio="두 아이를 키우는 아빠입니다.")
    blog_post = BlogPostPageFactory(
        parent=blog,
        title="아이와 함께한 한강 나들이",
        slug="한강-나들이",
        blogger=blogger,
        intro="주말에 가족과 함께 한강 공원에 다녀왔어요.",
        hero_image=_image("한강", "한강 공원에서 노는 아이들", "#f59e0b"),
    )
    notice = NoticePageFactory(
        parent=notices,
        title="2017 가족 사진 공모전 안내",
        slug="사진-공모전",
        pinned=True,
        date=today,
    )
    HomeFeaturedItem.objects.create(home=portal.home, page=article, sort_order=0)
    HomeFeaturedItem.objects.create(home=portal.home, page=open_program, sort_order=1)
    portal.home.save_revision().publish()

    return E2ESite(
        portal=portal,
        article=article,
        open_program=open_program,
        closed_program=closed_program,
        resource=resource,
        edition=edition,
        chapter=chapter,
        blog_post=blog_post,
        notice=notice,
    )
