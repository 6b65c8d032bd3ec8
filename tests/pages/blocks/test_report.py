"""Statistics tables: grids with Korean numbers, charts drawn from their own columns or rows."""

import json

import pytest
from django.core.exceptions import ValidationError

from pages.blocks import StatisticsTableBlock


def table(**overrides) -> dict:
    return {
        "title": "서울시 가구 유형별 비중",
        "unit": "%",
        "source": "통계청 인구주택총조사",
        "notes": "",
        "headers": ["가구 유형", "2016", "2017"],
        "rows": [["1인가구", "27.1", "28.2"], ["한부모가구", "9.6", "9.6"]],
        "chart_type": "",
        "chart_direction": "columns",
        "chart_series": "",
        **overrides,
    }


def clean(raw: dict):
    block = StatisticsTableBlock()
    return block.clean(block.to_python(raw))


def error_of(raw: dict) -> str:
    with pytest.raises(ValidationError) as caught:
        clean(raw)
    error = caught.value
    # The grid's error is reported on its field, the chart's on the block.
    messages = [m for e in getattr(error, "block_errors", {}).values() for m in e.messages]
    return " ".join(messages or error.messages)


def test_pasted_korean_numbers_are_stored_as_numbers():
    value = clean(table(rows=[["1인가구", "1,116", "2만5천"], ["한부모가구", "－", ""]]))
    assert value.rows == [["1인가구", 1116, 25000], ["한부모가구", "-", ""]]
    assert len(value.headers) == 3


def test_stored_value_is_flat_and_documented():
    block = StatisticsTableBlock()
    stored = block.get_prep_value(clean(table(notes="2017년은 잠정치")))
    assert stored["headers"] == ["가구 유형", "2016", "2017"]
    assert stored["rows"] == [["1인가구", 27.1, 28.2], ["한부모가구", 9.6, 9.6]]
    assert stored["notes"] == "2017년은 잠정치"
    assert "table" not in stored


def test_a_bad_number_names_its_row_and_column():
    message = error_of(table(rows=[["1인가구", "27.1", "28.2"], ["한부모가구", "9.6", "9,6"]]))
    assert message.startswith("2번째 행 '2017' 열: '9,6'을(를) 숫자로 읽을 수 없습니다.")


def test_a_row_wider_than_the_header_is_refused():
    message = error_of(table(rows=[["1인가구", "27.1", "28.2", "30"]]))
    assert message == "1번째 행의 칸 수(4)가 머리글 열 수(3)보다 많습니다."


def test_short_rows_are_padded_with_blanks():
    assert clean(table(rows=[["1인가구", "27.1"]])).rows == [["1인가구", 27.1, ""]]


def test_a_table_needs_headers_and_rows():
    assert error_of(table(headers=[], rows=[])) == "머리글 행에 열 제목을 하나 이상 입력하세요."
    assert error_of(table(rows=[["", ""]])) == "데이터 행을 하나 이상 입력하세요."


def test_chart_by_columns_uses_row_labels_along_the_axis():
    value = clean(
        table(
            headers=["연도", "서울", "전국"],
            rows=[["2016", "42.5", "-"], ["2017", "44.6", "46.3"]],
            chart_type="bar",
        )
    )
    assert value.chart()["labels"] == ["2016", "2017"]
    assert value.chart()["series"] == [
        {"name": "서울", "values": [42.5, 44.6]},
        {"name": "전국", "values": [None, 46.3]},  # "-" is a gap, not a zero
    ]


def test_chart_by_rows_draws_the_chosen_rows_over_the_years():
    value = clean(table(chart_type="line", chart_direction="rows", chart_series="한부모가구"))
    assert value.chart() == {
        "title": "서울시 가구 유형별 비중",
        "chart_type": "line",
        "unit": "%",
        "source": "통계청 인구주택총조사",
        "labels": ["2016", "2017"],
        "series": [{"name": "한부모가구", "values": [9.6, 9.6]}],
    }


def test_chart_naming_a_missing_series_is_refused():
    message = error_of(table(chart_type="bar", chart_series="2018"))
    assert message == "차트에 쓸 계열 '2018'이(가) 표의 열 제목에 없습니다."


def test_a_table_without_a_chart_has_none():
    assert clean(table()).chart() is None


def test_api_keeps_the_v2_header_alias_and_adds_the_chart():
    block = StatisticsTableBlock()
    api = block.get_api_representation(clean(table(chart_type="bar")))
    assert api["header"] == api["headers"] == ["가구 유형", "2016", "2017"]
    assert [series["name"] for series in api["chart"]["series"]] == ["2016", "2017"]


def test_column_titles_and_row_labels_are_searchable():
    block = StatisticsTableBlock()
    content = block.get_searchable_content(clean(table()))
    assert {"가구 유형", "1인가구", "한부모가구"} <= set(content)


def test_block_picker_preview_is_drawn_by_the_frontend_from_the_api_value():
    from django.template.loader import render_to_string

    block = StatisticsTableBlock()
    value = block.get_preview_value()
    html = render_to_string(block.get_preview_template(value), block.get_preview_context(value))
    assert "/frontend/assets/js/blocks.js" in html
    data = html.split('<script id="block-value" type="application/json">')[1].split("</script>")[0]
    served = json.loads(data)
    assert [series["name"] for series in served["chart"]["series"]] == ["서울", "전국"]
