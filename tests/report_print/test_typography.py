"""Korean typography: words stay whole at line ends, and no character goes without a glyph."""

import datetime

import pytest
from django.test import TestCase

from pages.models import ReportChapterPage, ReportEditionPage
from report_print.source import SourceBuilder
from report_print.typeset import PrintBuildError, typeset

from .pdf import page_texts

PARAGRAPH = (
    "서울의 가족은 빠르게 작아지고 다양해지고 있습니다. 한부모가족과 조손가족, "
    "다문화가족이 늘면서 돌봄과 양육을 함께 나누는 지역사회의 역할이 커졌습니다."
)
WORDS = PARAGRAPH.split(" ")


def unsaved_edition(paragraph: str):
    edition = ReportEditionPage(
        title="2017 희망서울, 행복가족",
        year=2017,
        edition_number="제4차",
        publication_date=datetime.date(2017, 12, 18),
        summary="<p>요약</p>",
    )
    chapter = ReportChapterPage(
        title="제1장 서울 가족의 모습과 변화",
        chapter_number=1,
        body=[("paragraph", f"<p>{paragraph}</p>")],
    )
    return SourceBuilder(edition, [chapter]).build()


class TypographyTests(TestCase):
    def test_lines_break_between_words_never_inside_one(self):
        paragraph = " ".join(WORDS * 12)
        texts = page_texts(typeset(unsaved_edition(paragraph)).content)
        lines = [line for text in texts for line in text.splitlines() if "가족은" in line]
        assert len(lines) >= 5, "the paragraph should wrap over several lines"
        for line in lines:
            assert all(word in WORDS for word in line.split()), line

    def test_a_character_the_fonts_lack_stops_the_build_with_a_korean_message(self):
        with pytest.raises(PrintBuildError, match="글꼴에 없는 글자.*U\\+1F600"):
            typeset(unsaved_edition("가족 나들이 😀"))
