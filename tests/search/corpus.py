"""Korean pages and the queries citizens would type to find them."""

from pages.models import SectionKind
from tests.factories import ArticlePageFactory, EducationProgramPageFactory, NoticePageFactory


def _article(title: str, intro: str, body: str = "") -> dict:
    return {
        "factory": ArticlePageFactory,
        "section": SectionKind.FAMILY_INFO,
        "title": title,
        "intro": intro,
        "body": [("paragraph", f"<p>{body or intro}</p>")],
    }


PAGES = {
    "single_parent": _article(
        "한부모가족 지원 안내",
        "한부모가정을 위한 양육비와 주거 지원을 안내합니다.",
        "아동양육비 신청은 주민센터에서 합니다.",
    ),
    "counseling": _article(
        "가족 상담 프로그램",
        "가족을 위한 상담과 부부 갈등 조정 서비스를 제공합니다.",
    ),
    "working_mom": _article(
        "직장맘 지원센터 이용 안내",
        "일하는 엄마를 위한 고충 상담과 법률 지원을 제공합니다.",
    ),
    "grandparents": _article(
        "조손가족 돌봄 지원",
        "손자녀를 돌봐주는 조부모에게 양육 수당을 드립니다.",
    ),
    "multicultural": _article(
        "다문화가족 한국어 교육",
        "결혼이민자와 자녀를 위한 한국어 수업을 엽니다.",
    ),
    "engaged": _article(
        "예비부부 결혼 준비 교실",
        "예비 부부가 함께 배우는 건강한 관계 만들기 과정입니다.",
    ),
    "dual_income": _article(
        "맞벌이 가정 아이돌봄 서비스",
        "맞벌이 부부의 자녀를 집으로 찾아가 돌봅니다.",
    ),
    "childcare_center": _article(
        "육아종합지원센터 찾기",
        "자치구별 육아 종합 지원 센터의 위치와 연락처를 모았습니다.",
    ),
    "youth": _article(
        "청소년 진로 상담",
        "청소년 자녀의 진로 고민을 전문가와 함께 나눕니다.",
    ),
    "parents_class": _article(
        "영유아 부모 교육 강좌",
        "영유아를 키우는 부모를 위한 양육 교육입니다.",
    ),
    "policy": _article(
        "서울시 가족 정책 소개",
        "서울시가 추진하는 가족 정책의 방향을 소개합니다.",
    ),
    "father_class": {
        "factory": EducationProgramPageFactory,
        "section": SectionKind.FAMILY_SCHOOL,
        "title": "아버지 육아 교실",
        "intro": "아버지가 아이와 함께하는 주말 놀이 교육입니다.",
    },
    "report_notice": {
        "factory": NoticePageFactory,
        "section": SectionKind.NOTICE,
        "title": "2017 희망서울 행복가족 발간 안내",
        "body": "<p>가족보고서 500부를 발간해 자치구에 배포했습니다.</p>",
    },
}

# (query, the page it must find, what it exercises)
QUERIES = [
    ("가족 상담", "counseling", "particle in the page: 가족을"),
    ("가족을 위한 상담", "counseling", "particles and endings in the query"),
    ("한부모", "single_parent", "part of a compound: 한부모가족"),
    ("한부모가정", "single_parent", "compound written as one"),
    ("한부모 가정", "single_parent", "compound written apart"),
    ("한부모가족을", "single_parent", "compound with a particle"),
    ("직장맘", "working_mom", "loanword compound"),
    ("워킹맘", "working_mom", "synonym 워킹맘 → 직장맘"),
    ("아빠", "father_class", "synonym 아빠 → 아버지"),
    ("손주", "grandparents", "synonym 손주 → 손자녀"),
    ("조부모가", "grandparents", "particle in the query"),
    ("돌봐주는", "grandparents", "verb ending: 돌봐주는 → 돌보다"),
    ("다문화 가족", "multicultural", "spacing variant of 다문화가족"),
    ("예비부부", "engaged", "compound written as one"),
    ("맞벌이 부부", "dual_income", "two nouns"),
    ("육아종합지원센터", "childcare_center", "long compound"),
    ("육아 종합 지원 센터", "childcare_center", "long compound written apart"),
    ("청소년 자녀의 진로", "youth", "particle inside the query"),
    ("행복가족 발간", "report_notice", "report notice"),
    ("아버지가", "father_class", "particle on a noun"),
]
