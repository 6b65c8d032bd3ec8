"""The printed book reads numbers as the web does: thousands separators in tables, and a
missing value ("－") left as a gap in charts, never drawn as 0."""

from report_print.charts import chart_shapes, describe
from report_print.values import chart_of, table_of

TABLE = {
    "title": "한부모가족 지원 현황",
    "table": {
        "headers": ["연도", "지원 가구", "상담 건수"],
        "rows": [["2015", 12960, 3500], ["2016", 13520, 4120], ["2017", 14080, "－"]],
    },
}
CHART = {
    "title": "한부모가족 지원 현황",
    "chart_type": "bar",
    "labels": ["2015", "2016", "2017"],
    "series": [
        {"name": "지원 가구", "values": [12960, 13520, 14080]},
        {"name": "상담 건수", "values": [3500, 4120, None]},
    ],
}


def test_table_numbers_have_thousands_separators_and_text_stays():
    table = table_of(TABLE)

    assert table.rows == [
        ["2015", "12,960", "3,500"],
        ["2016", "13,520", "4,120"],
        ["2017", "14,080", "－"],
    ]


def test_missing_value_is_a_gap_in_a_bar_chart():
    chart = chart_of(CHART)
    bars = [shape for shape in chart_shapes(chart, 120)["shapes"] if shape["kind"] == "rect"]
    legend_swatches = len(chart.series)

    assert chart.series[1].values == [3500.0, 4120.0, None]
    assert len(bars) - legend_swatches == 5, "3 + 2 bars: no zero-height bar for 2017"
    assert "2017 자료 없음" in describe(chart)


def test_missing_value_breaks_a_line_chart():
    chart = chart_of(
        {
            **CHART,
            "chart_type": "line",
            "labels": ["2014", "2015", "2016", "2017"],
            "series": [{"name": "상담 건수", "values": [3000, 3500, "－", 4400]}],
        }
    )
    shapes = chart_shapes(chart, 120)["shapes"]
    lines = [shape for shape in shapes if shape["kind"] == "polyline"]
    dots = [shape for shape in shapes if shape["kind"] == "dot"]

    assert [len(line["points"]) for line in lines] == [2], "2017 alone makes no line"
    assert len(dots) == 3
