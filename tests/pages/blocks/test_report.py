"""Statistics tables and chart data refuse shapes clients could not draw, in Korean."""

import pytest
from django.core.exceptions import ValidationError

from pages.blocks import ChartBlock, StatisticsTableBlock


def table(**overrides) -> dict:
    return {
        "title": "서울시 가구 유형별 비중",
        "unit": "%",
        "source": "통계청 인구주택총조사",
        "header": ["가구 유형", "2016", "2017"],
        "rows": [["1인가구", "27.1", "28.2"], ["한부모가구", "9.6", "9.6"]],
        **overrides,
    }


def chart(**overrides) -> dict:
    return {
        "title": "맞벌이 가구 비율",
        "chart_type": "bar",
        "unit": "%",
        "source": "예시 수치",
        "labels": ["2015", "2016", "2017"],
        "series": [{"name": "서울", "values": [42.3, 43.1, 44.2]}],
        **overrides,
    }


def clean(block, raw: dict):
    return block.clean(block.to_python(raw))


def test_table_with_matching_rows_is_accepted():
    value = clean(StatisticsTableBlock(), table())
    assert value.column_count() == 3


def test_table_row_narrower_than_the_header_is_rejected():
    raw = table(rows=[["1인가구", "27.1", "28.2"], ["한부모가구", "9.6"]])
    with pytest.raises(ValidationError) as caught:
        clean(StatisticsTableBlock(), raw)
    assert caught.value.messages == ["2번째 행의 칸 수(2)가 머리글 열 수(3)와 다릅니다."]


def test_table_needs_a_header():
    with pytest.raises(ValidationError) as caught:
        clean(StatisticsTableBlock(), table(header=[], rows=[]))
    assert caught.value.messages == ["머리글 행에 열 제목을 하나 이상 입력하세요."]


def test_chart_with_matching_series_is_accepted():
    assert clean(ChartBlock(), chart()).max_value() == 44.2


def test_chart_series_shorter_than_the_labels_is_rejected():
    raw = chart(series=[{"name": "서울", "values": [42.3, 43.1]}])
    with pytest.raises(ValidationError) as caught:
        clean(ChartBlock(), raw)
    assert caught.value.messages == ["'서울' 계열의 값 개수(2)가 항목 수(3)와 다릅니다."]


def test_chart_needs_a_series():
    with pytest.raises(ValidationError) as caught:
        clean(ChartBlock(), chart(series=[]))
    assert caught.value.messages == ["데이터 계열을 하나 이상 입력하세요."]
