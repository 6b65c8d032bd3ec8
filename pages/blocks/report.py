"""Blocks for the annual family report: statistics tables, chart data and findings.

Tables and charts are stored as data, never as pictures, so the API can hand the
numbers to clients that draw them and screen readers can read them.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks

from .base import BaseStreamBlock


class StatisticsTableValue(blocks.StructValue):
    """Computed helpers for rendering a statistics table."""

    def column_count(self) -> int:
        return len(self.get("header") or [])


class StatisticsTableBlock(blocks.StructBlock):
    """A statistics table with its unit and source, as a header row plus data rows."""

    title = blocks.CharBlock(label="표 제목", max_length=200)
    unit = blocks.CharBlock(
        label="단위", max_length=50, required=False, help_text="예: 가구, %, 명"
    )
    source = blocks.CharBlock(label="출처", max_length=200)
    header = blocks.ListBlock(blocks.CharBlock(label="열 제목", max_length=100), label="머리글 행")
    rows = blocks.ListBlock(
        blocks.ListBlock(blocks.CharBlock(label="값", max_length=100), label="행"),
        label="데이터 행",
    )

    class Meta:
        icon = "table"
        label = "통계표"
        description = "제목, 단위, 출처가 있는 통계표"
        value_class = StatisticsTableValue
        preview_value = {
            "title": "서울시 가구 유형별 가구 수",
            "unit": "천 가구",
            "source": "통계청 인구주택총조사",
            "header": ["가구 유형", "2015", "2016"],
            "rows": [["한부모가구", "291", "288"], ["1인가구", "1,116", "1,155"]],
        }

    def clean(self, value):
        value = super().clean(value)
        width = len(value["header"])
        if width == 0:
            raise ValidationError("머리글 행에 열 제목을 하나 이상 입력하세요.")
        for number, row in enumerate(value["rows"], start=1):
            if len(row) != width:
                raise ValidationError(
                    f"{number}번째 행의 칸 수({len(row)})가 머리글 열 수({width})와 다릅니다."
                )
        return value


class ChartSeriesBlock(blocks.StructBlock):
    """One labelled numeric series of a chart (e.g. 맞벌이 가구 비율 by year)."""

    name = blocks.CharBlock(label="계열 이름", max_length=100)
    values = blocks.ListBlock(blocks.FloatBlock(label="값"), label="값 목록")

    class Meta:
        icon = "list-ul"
        label = "데이터 계열"


class ChartValue(blocks.StructValue):
    """Computed helpers clients use to scale a chart."""

    def max_value(self) -> float:
        numbers = [number for series in self.get("series") or [] for number in series["values"]]
        return max(numbers, default=0)


class ChartBlock(blocks.StructBlock):
    """Chart data: category labels and numeric series that clients draw as bar or line charts."""

    title = blocks.CharBlock(label="차트 제목", max_length=200)
    chart_type = blocks.ChoiceBlock(
        label="차트 종류",
        choices=[("bar", "막대"), ("line", "꺾은선"), ("pie", "원")],
        default="bar",
    )
    unit = blocks.CharBlock(label="단위", max_length=50, required=False)
    source = blocks.CharBlock(label="출처", max_length=200, required=False)
    labels = blocks.ListBlock(blocks.CharBlock(label="항목", max_length=50), label="항목(가로축)")
    series = blocks.ListBlock(ChartSeriesBlock(), label="데이터 계열")

    class Meta:
        icon = "view"
        label = "차트 데이터"
        description = "그림이 아닌 숫자 데이터로 저장하는 차트"
        value_class = ChartValue
        preview_value = {
            "title": "맞벌이 가구 비율",
            "chart_type": "bar",
            "unit": "%",
            "labels": ["2015", "2016", "2017"],
            "series": [{"name": "서울", "values": [41.2, 42.5, 44.6]}],
        }

    def clean(self, value):
        value = super().clean(value)
        label_count = len(value["labels"])
        if label_count == 0:
            raise ValidationError("차트 항목을 하나 이상 입력하세요.")
        if not value["series"]:
            raise ValidationError("데이터 계열을 하나 이상 입력하세요.")
        for series in value["series"]:
            if len(series["values"]) != label_count:
                raise ValidationError(
                    f"'{series['name']}' 계열의 값 개수({len(series['values'])})가 "
                    f"항목 수({label_count})와 다릅니다."
                )
        return value


class KeyFindingsBlock(blocks.StructBlock):
    """The chapter's main findings as a short list, shown highlighted."""

    title = blocks.CharBlock(label="제목", max_length=100, default="주요 결과")
    findings = blocks.ListBlock(blocks.CharBlock(label="결과", max_length=300), label="결과 목록")

    class Meta:
        icon = "success"
        label = "주요 결과"
        description = "장의 핵심 결과 요약"


class DataSourceBlock(blocks.StructBlock):
    """Where the chapter's data came from: agency, survey and year."""

    title = blocks.CharBlock(label="자료명", max_length=200)
    agency = blocks.CharBlock(label="기관", max_length=150, required=False)
    year = blocks.IntegerBlock(label="연도", required=False, min_value=1900, max_value=2100)
    url = blocks.URLBlock(label="주소", required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = "자료 출처"


class ReportStreamBlock(BaseStreamBlock):
    """A report chapter body: the shared blocks plus tables, charts and findings."""

    statistics_table = StatisticsTableBlock()
    chart = ChartBlock()
    key_findings = KeyFindingsBlock()

    class Meta:
        label = "보고서 본문"
