"""A small Korean report edition for the print tests: chapters with tables, charts, an image."""

import datetime

import wagtail_factories

from pages.models import SectionKind
from pages.portal_tree import ensure_portal_tree
from tests.factories.pages import ReportChapterPageFactory, ReportEditionPageFactory
from tests.factories.snippets import AgencyFactory

CHAPTER_TITLES = [
    "제1장 서울 가족의 모습과 변화",
    "제2장 일·가정 양립과 맞벌이 가정",
    "제3장 한부모가족과 조손가족",
    "제4장 다문화가족과 영유아 보육",
    "제5장 1인가구의 증가와 지원",
    "제6장 아버지의 육아 참여",
    "제7장 조부모 돌봄과 세대 공감",
    "제8장 청소년과 가족 소통",
    "제9장 예비부부와 부모 교육",
    "제10장 가족센터와 지역 돌봄",
    "제11장 패밀리 포털과 패밀리 앱",
    "제12장 변화하는 가족을 위한 정책 제안",
]
DRAFT_SECRET = "아직공개되지않은초안문장"
UNPUBLISHED_TITLE = "제99장 검토중인미공개장"


def table(number: int, rows: int = 4) -> dict:
    return {
        "title": f"가구 유형별 비중 표{number}",
        "unit": "%",
        "source": "통계청 인구주택총조사 재구성",
        "headers": ["가구 유형", "2015", "2016", "2017"],
        "rows": [[f"한부모가구{r}", 9.7, 9.6, 9.6] for r in range(1, rows + 1)],
    }


def chart(number: int, kind: str = "bar") -> dict:
    """A table that draws a chart: years along the axis, one series per row."""
    return {
        "title": f"맞벌이 가구 비율 그림{number}",
        "chart_type": kind,
        "chart_direction": "rows",
        "chart_series": "",
        "unit": "%",
        "source": "서울시 가족실태조사",
        "headers": ["지역", "2015", "2016", "2017"],
        "rows": [["서울", 42.3, 43.1, 44.2], ["전국", 40.1, 41.0, 41.9]],
    }


def chapter_body(number: int, *, image=None, long_table: bool = False) -> list:
    body = [
        ("heading", {"text": f"가족 구조의 변화 {number}", "level": "h2"}),
        ("paragraph", f"<p>서울의 가족은 <b>빠르게</b> 작아지고 다양해지고 있습니다 {number}.</p>"),
        ("statistics_table", table(number, rows=70 if long_table else 4)),
        ("statistics_table", chart(number, ["bar", "line", "pie"][number % 3])),
        (
            "key_findings",
            {"title": "주요 결과", "findings": [f"1인가구 비중이 늘었습니다 {number}."]},
        ),
    ]
    if image is not None:
        body.insert(
            2, ("image", {"image": image, "alt_text": "보고서 표지", "caption": "표지 사진"})
        )
    return body


def build_edition(chapters: int = 4, *, year: int = 2017, long_table: bool = False, **fields):
    """A live edition with `chapters` live chapters, an unpublished chapter and a pending draft."""
    _, sections = ensure_portal_tree()
    image = wagtail_factories.ImageFactory(title="표지")
    edition = ReportEditionPageFactory(
        parent=sections[SectionKind.REPORT],
        year=year,
        title=f"{year} 희망서울, 행복가족",
        edition_number="제4차",
        publication_date=datetime.date(year, 12, 18),
        cover_image=image,
        foreword="<p>서울시 가족담당관이 펴내는 가족보고서입니다.</p>",
        **fields,
    )
    edition.contributing_agencies.add(AgencyFactory(name="서울시여성가족재단"))
    edition.save()
    live = []
    for number in range(1, chapters + 1):
        title = CHAPTER_TITLES[number - 1]
        live.append(
            ReportChapterPageFactory(
                parent=edition,
                title=title,
                chapter_number=number,
                summary=f"{number}장의 요약입니다.",
                body=chapter_body(
                    number,
                    image=image if number == 1 else None,
                    long_table=long_table and number == 1,
                ),
                data_sources=[
                    (
                        "source",
                        {
                            "title": "서울시 가족실태조사",
                            "agency": "서울시여성가족재단",
                            "year": year,
                        },
                    )
                ],
            )
        )
    ReportChapterPageFactory(
        parent=edition,
        title=UNPUBLISHED_TITLE,
        chapter_number=99,
        live=False,
        body=[("paragraph", f"<p>{DRAFT_SECRET} 미공개 장</p>")],
    )
    # A change to a live chapter that waits for approval: the page row keeps the live text.
    draft = live[0]
    draft.body = [("paragraph", f"<p>{DRAFT_SECRET} 수정 초안</p>"), *chapter_body(1)]
    draft.save_revision()
    draft.refresh_from_db()
    return edition, live


def demo_chapter_body(spec: dict) -> list:
    """A chapter body from the demo's report specs (demo/reports.py), as the loader stores it."""
    kinds = {"table": "statistics_table"}
    body = []
    for kind, value in spec["body"]:
        if kind == "heading":
            body.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "paragraph":
            body.append(("paragraph", f"<p>{value}</p>"))
        elif kind == "findings":
            body.append(("key_findings", {"title": "주요 결과", "findings": value}))
        elif kind in kinds:
            body.append((kinds[kind], value))
    return body


def build_demo_edition(year: int = 2017):
    """The demo's edition of `year` with its four chapters, as `make run` shows it."""
    from demo import reports

    _, sections = ensure_portal_tree()
    spec = next(edition for edition in reports.EDITIONS if edition["year"] == year)
    edition = ReportEditionPageFactory(
        parent=sections[SectionKind.REPORT],
        year=year,
        title=f"{year} 희망서울, 행복가족",
        edition_number=spec["edition_number"],
        publication_date=datetime.date.fromisoformat(spec["publication_date"]),
        cover_image=wagtail_factories.ImageFactory(title="표지", width=600, height=840),
        summary=f"<p>{spec['summary']}</p>",
    )
    for chapter in reports.chapter_specs(year):
        ReportChapterPageFactory(
            parent=edition,
            title=f"제{chapter['number']}장 {chapter['title']}",
            chapter_number=chapter["number"],
            summary=chapter["summary"],
            body=demo_chapter_body(chapter),
            data_sources=[("source", {**source, "year": year}) for source in reports.DATA_SOURCES],
        )
    return edition
