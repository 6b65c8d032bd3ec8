"""Blocks for the annual family report: statistics tables (with their charts) and findings.

Tables are stored as data, never as pictures, so the API can hand the numbers to clients
that draw them, the print edition can typeset them and screen readers can read them.
A chart is drawn from a table's own columns, so nobody types the numbers twice.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks

from .base import BaseStreamBlock
from .table_grid import TableGridBlock

CHART_TYPES = [("", "차트 없음"), ("bar", "막대"), ("line", "꺾은선"), ("pie", "원")]
CHART_DIRECTIONS = [
    ("columns", "열마다 한 계열 (가로축: 첫 열의 항목)"),
    ("rows", "행마다 한 계열 (가로축: 열 제목, 예: 연도)"),
]
GRID_KEYS = ("headers", "rows")


def _nest_grid(raw: dict) -> dict:
    """Stored values keep headers/rows at the top level; the form edits them as one grid."""
    if "table" in raw or not any(key in raw for key in GRID_KEYS):
        return raw
    nested = {key: value for key, value in raw.items() if key not in GRID_KEYS}
    nested["table"] = {key: raw.get(key) or [] for key in GRID_KEYS}
    return nested


def _number(cell) -> float | int | None:
    return cell if isinstance(cell, int | float) and not isinstance(cell, bool) else None


class StatisticsTableValue(blocks.StructValue):
    """Computed helpers: the flat stored shape and the chart drawn from the table."""

    @property
    def headers(self) -> list[str]:
        return (self.get("table") or {}).get("headers") or []

    @property
    def rows(self) -> list[list]:
        return (self.get("table") or {}).get("rows") or []

    def _series_candidates(self) -> list[tuple[str, list]]:
        """(name, cells) for every possible series: each data column, or each row."""
        if self.get("chart_direction") == "rows":
            return [(str(row[0]), list(row[1:])) for row in self.rows]
        return [
            (header, [row[index] if len(row) > index else None for row in self.rows])
            for index, header in enumerate(self.headers[1:], start=1)
        ]

    def chart_labels(self) -> list[str]:
        if self.get("chart_direction") == "rows":
            return list(self.headers[1:])
        return [str(row[0]) for row in self.rows]

    def chosen_series_names(self) -> list[str]:
        names = [name.strip() for name in (self.get("chart_series") or "").split(",")]
        return [name for name in names if name]

    def unknown_series_names(self) -> list[str]:
        known = {name for name, _ in self._series_candidates()}
        return [name for name in self.chosen_series_names() if name not in known]

    def chart_warnings(self) -> list[str]:
        """What the chart will leave out, for the editor: a pie draws one series only."""
        chart = self.chart()
        if not chart or chart["chart_type"] != "pie" or len(chart["series"]) < 2:
            return []
        first, *dropped = (series["name"] for series in chart["series"])
        return [
            f"원 그래프는 한 계열만 그립니다. 보이는 계열: '{first}', "
            f"빠지는 계열: {', '.join(repr(name) for name in dropped)}. "
            "모두 보이려면 막대나 꺾은선을 고르고, "
            "원 그래프로 둘 계열은 '차트 계열'에 하나만 적으세요."
        ]

    def chart(self) -> dict | None:
        """Chart data in the shape clients draw: labels along the axis, one series per
        chosen column (or row), non-numeric cells as gaps (null)."""
        if not self.get("chart_type") or not self.rows:
            return None
        chosen = self.chosen_series_names()
        series = [
            {"name": name, "values": [_number(cell) for cell in cells]}
            for name, cells in self._series_candidates()
            if (name in chosen if chosen else any(_number(cell) is not None for cell in cells))
        ]
        return {
            "title": self.get("title"),
            "chart_type": self.get("chart_type"),
            "unit": self.get("unit"),
            "source": self.get("source"),
            "labels": self.chart_labels(),
            "series": series,
        }


class StatisticsTableBlock(blocks.StructBlock):
    """A statistics table from an agency's spreadsheet, with unit, source and notes,
    optionally drawn as a chart from its own columns.

    Stored as ``{"title", "unit", "source", "notes", "headers", "rows", "chart_type",
    "chart_direction", "chart_series"}`` (see docs/content-model.md, "Statistics tables").
    """

    title = blocks.CharBlock(label="표 제목", max_length=200)
    unit = blocks.CharBlock(
        label="단위", max_length=50, required=False, help_text="예: 가구, %, 천 명"
    )
    source = blocks.CharBlock(label="출처", max_length=200)
    table = TableGridBlock(
        label="표",
        help_text=(
            "엑셀에서 복사한 표를 첫 칸에 붙여 넣거나 .xlsx/.csv 파일을 가져오세요. "
            "첫 행은 열 제목, 첫 열은 항목입니다. 숫자는 1,234 · 2만5천 · 3.5억 · 12.5%처럼 "
            "써도 됩니다."
        ),
    )
    notes = blocks.TextBlock(label="주석", required=False, help_text="표 아래에 보이는 설명")
    chart_type = blocks.ChoiceBlock(
        label="차트", choices=CHART_TYPES, required=False, default="", include_blank=False
    )
    chart_direction = blocks.ChoiceBlock(
        label="차트 계열",
        choices=CHART_DIRECTIONS,
        default="columns",
        include_blank=False,
        required=False,
    )
    chart_series = blocks.CharBlock(
        label="차트에 쓸 계열",
        max_length=300,
        required=False,
        help_text=(
            "열 제목(또는 행 항목)을 쉼표로 구분해 입력하세요. 비우면 숫자가 있는 것을 모두 씁니다."
        ),
    )

    class Meta:
        icon = "table"
        label = "통계표"
        description = "엑셀에서 붙여 넣는 통계표와 그 표로 그리는 차트"
        value_class = StatisticsTableValue
        preview_template = "pages/blocks/statistics_table_preview.html"
        preview_value = {
            "title": "맞벌이 가구 비율",
            "unit": "%",
            "source": "통계청 지역별고용조사",
            "headers": ["연도", "서울", "전국"],
            "rows": [["2015", 41.2, 43.9], ["2016", 42.5, 44.9], ["2017", 44.6, 46.3]],
            "notes": "",
            "chart_type": "bar",
            "chart_direction": "columns",
            "chart_series": "",
        }

    def to_python(self, value):
        return super().to_python(_nest_grid(value))

    def bulk_to_python(self, values):
        return super().bulk_to_python([_nest_grid(value) for value in values])

    def normalize(self, value):
        if isinstance(value, dict) and not isinstance(value, blocks.StructValue):
            value = _nest_grid(value)
        return super().normalize(value)

    def get_preview_context(self, value, parent_context=None):
        context = super().get_preview_context(value, parent_context)
        context["api_value"] = self.get_api_representation(value)
        return context

    def get_prep_value(self, value):
        prep = super().get_prep_value(value)
        prep.update(prep.pop("table", None) or {})
        return prep

    def get_api_representation(self, value, context=None):
        """The stored shape plus ``header`` (v2 alias of ``headers``) and the drawn ``chart``."""
        representation = self.get_prep_value(value)
        representation["header"] = representation["headers"]
        representation["chart"] = value.chart()
        return representation

    def api_schema(self) -> dict:
        """The OpenAPI 3.0 schema of `get_api_representation` (see
        docs/content-model.md, "Statistics tables and charts")."""
        text = {"type": "string"}
        # Strict 3.0.3: `nullable` widens only a `type` beside it, so an empty cell is its own
        # branch rather than a `nullable` on the oneOf.
        empty = {"type": "string", "nullable": True, "enum": [None]}
        cell = {"oneOf": [{"type": "string"}, {"type": "number"}, empty]}
        strings = {"type": "array", "items": text}
        chart = {
            "type": "object",
            "nullable": True,
            "description": "The chart the table draws: labels along the axis, gaps as null.",
            "properties": {
                "title": text,
                "chart_type": {"type": "string", "enum": ["bar", "line", "pie"]},
                "unit": text,
                "source": text,
                "labels": strings,
                "series": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "name": text,
                            "values": {
                                "type": "array",
                                "items": {"type": "number", "nullable": True},
                            },
                        },
                        "required": ["name", "values"],
                    },
                },
            },
            "required": ["labels", "series"],
        }
        return {
            "type": "object",
            "description": "A statistics table (headers, rows of text or numbers) and its chart.",
            "properties": {
                "title": text,
                "unit": text,
                "source": text,
                "notes": {**text, "nullable": True},
                "headers": strings,
                "header": {**strings, "description": "v2 alias of `headers`"},
                "rows": {"type": "array", "items": {"type": "array", "items": cell}},
                "chart_type": {"type": "string", "enum": ["", "bar", "line", "pie"]},
                "chart_direction": {"type": "string", "enum": ["columns", "rows"]},
                "chart_series": text,
                "chart": chart,
            },
            "required": ["headers", "rows", "chart"],
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("chart_type"):
            return value
        unknown = value.unknown_series_names()
        if unknown:
            what = "행 항목" if value.get("chart_direction") == "rows" else "열 제목"
            raise ValidationError(f"차트에 쓸 계열 '{unknown[0]}'이(가) 표의 {what}에 없습니다.")
        if not value.chart()["series"]:
            raise ValidationError("차트로 그릴 숫자가 없습니다. 차트를 끄거나 숫자를 입력하세요.")
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
    """A report chapter body: the shared blocks plus statistics tables (and charts), findings."""

    statistics_table = StatisticsTableBlock()
    key_findings = KeyFindingsBlock()

    class Meta:
        label = "보고서 본문"
