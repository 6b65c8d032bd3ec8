"""The public PDF reads like the book: chapters in order, a true 목차, Korean text, tables,
charts, embedded fonts, tagged structure, and nothing that is not live."""

import re

from django.test import TestCase

from report_print.builder import build_public_pdf

from .content import CHAPTER_TITLES, DRAFT_SECRET, UNPUBLISHED_TITLE, build_edition
from .pdf import (
    chapter_start_pages,
    contents_numbers,
    fonts,
    page_texts,
    reader_of,
    squeeze,
)

FRONT_MATTER = 3  # cover, 발간사, 목차


class PublicPdfTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.edition, cls.chapters = build_edition(chapters=4)
        record = build_public_pdf(cls.edition.pk).record
        with record.file.open("rb") as handle:
            cls.content = handle.read()
        cls.record = record
        cls.texts = page_texts(cls.content)
        cls.everything = squeeze("".join(cls.texts))

    def test_chapter_titles_appear_in_order(self):
        positions = [self.everything.find(squeeze(title), 0) for title in CHAPTER_TITLES[:4]]
        body = self.everything.index(squeeze("서울의 가족은"))
        starts = [self.everything.find(squeeze(title), body - 200) for title in CHAPTER_TITLES[:4]]
        assert all(position >= 0 for position in positions)
        assert starts == sorted(starts)

    def test_contents_page_numbers_are_the_chapters_start_pages(self):
        contents = next(text for text in self.texts if "목차" in text)
        printed = contents_numbers(contents, CHAPTER_TITLES[:4])
        actual = chapter_start_pages(self.texts, CHAPTER_TITLES[:4], FRONT_MATTER + 1)
        assert printed == actual
        assert printed == sorted(printed) and printed[0] == FRONT_MATTER + 1

    def test_page_count_is_recorded(self):
        assert self.record.page_count == len(self.texts)
        assert self.record.size == len(self.content)

    def test_every_font_is_embedded_and_korean(self):
        used = fonts(self.content)
        assert used, "no fonts found"
        assert all(used.values()), f"not embedded: {[name for name, ok in used.items() if not ok]}"
        assert all("NotoSansKR" in name or "NotoSerifKR" in name for name in used), used

    def test_korean_text_extracts_as_korean(self):
        assert "서울의 가족은" in "".join(self.texts)
        assert squeeze("한부모가구1") in self.everything
        assert "희망서울, 행복가족" in self.texts[0]

    def test_tables_and_charts_are_present(self):
        for number in range(1, 5):
            assert squeeze(f"가구 유형별 비중 표{number}") in self.everything
            assert squeeze(f"맞벌이 가구 비율 그림{number}") in self.everything
        # Chart axis labels and values are text drawn with the chart, not a picture.
        assert "44.2" in self.everything and "2016" in self.everything
        assert squeeze("표 1") in self.everything and squeeze("그림 4") in self.everything

    def test_findings_sources_and_colophon(self):
        assert squeeze("1인가구 비중이 늘었습니다 3.") in self.everything
        assert squeeze("서울시여성가족재단, 「서울시 가족실태조사」(2017)") in self.everything
        colophon = squeeze(self.texts[-1])
        for text in (
            "발행일",
            "2017년12월18일",
            "발행처",
            "서울특별시가족담당관",
            "500부",
            "자료제공",
            # The report stays Korean; its colophon names the portal's languages in Korean.
            "포털언어",
            "한국어,중국어(간체),베트남어,영어",
        ):
            assert text in colophon

    def test_colophon_states_the_kogl_licence_with_its_mark(self):
        colophon = squeeze(self.texts[-1])

        assert squeeze("공공누리 제1유형: 출처표시") in colophon
        assert "kogl.or.kr/info/licenseType1.do" in colophon
        last_page = reader_of(self.content).pages[-1]
        # The mark is vector art from pages/static/kogl/: its blue (#1a5aa6) is painted.
        stream = last_page.get_contents().get_data().decode("latin-1")
        assert re.search(r"0\.1019\d* 0\.352\d* 0\.65\d* scn", stream)

    def test_drafts_never_reach_the_public_pdf(self):
        assert DRAFT_SECRET not in self.everything
        assert squeeze(UNPUBLISHED_TITLE) not in self.everything

    def test_pdf_is_tagged_for_screen_readers(self):
        root = reader_of(self.content).trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"]
        assert "/StructTreeRoot" in root
        assert str(root["/Lang"]).startswith("ko")
        assert "희망서울" in str(reader_of(self.content).metadata.title)

    def test_running_heads_and_page_numbers(self):
        second_chapter_page = chapter_start_pages(self.texts, CHAPTER_TITLES[1:2], 4)[0]
        following = self.texts[second_chapter_page - 2]  # the page before chapter 2 starts
        assert str(second_chapter_page - 1) in following


class PaperTests(TestCase):
    def test_a4_by_default(self):
        edition, _ = build_edition(chapters=1, year=2018)
        box = reader_of(read(build_public_pdf(edition.pk).record)).pages[0].mediabox
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
            210,
            297,
        )

    def test_4x6_with_bleed_and_crop_marks_grows_the_sheet(self):
        edition, _ = build_edition(chapters=1, year=2019, page_size="4x6", print_bleed=True)
        box = reader_of(read(build_public_pdf(edition.pk).record)).pages[0].mediabox
        # 188×257 mm trimmed, plus 3 mm bleed and a 9 mm slug for crop marks on each side.
        assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
            212,
            281,
        )

    def test_a_long_table_repeats_its_header_on_every_page(self):
        edition, _ = build_edition(chapters=1, year=2020, long_table=True)
        texts = page_texts(read(build_public_pdf(edition.pk).record))
        pages_with_rows = [text for text in texts if "한부모가구" in text]
        assert len(pages_with_rows) >= 2
        assert all(squeeze("가구유형2015") in squeeze(text) for text in pages_with_rows)


def read(record) -> bytes:
    with record.file.open("rb") as handle:
        return handle.read()
