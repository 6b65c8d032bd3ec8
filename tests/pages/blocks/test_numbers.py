"""Agencies' number forms are read as the numbers they mean, or refused in Korean."""

import pytest

from pages.blocks.numbers import NumberFormatError, parse_cell, parse_korean_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1,234", 1234),
        ("2만5천", 25000),
        ("3.5억", 350_000_000),
        ("1억 2,345만", 123_450_000),
        ("1억2천만", 120_000_000),
        ("12.5%", 12.5),
        ("△1,234", -1234),
        ("-3.2", -3.2),
        ("１２３", 123),  # full-width digits from some agencies' files
        ("5천", 5000),
    ],
)
def test_korean_number_forms_are_read(text, number):
    assert parse_korean_number(text) == number


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12개", "'12개'을(를) 숫자로 읽을 수 없습니다."),
        ("1,23", "'1,23'을(를) 숫자로 읽을 수 없습니다."),
        ("2만5천천", "'2만5천천'의 단위 순서가 올바르지 않습니다."),
        ("3만2억", "'3만2억'의 단위 순서가 올바르지 않습니다."),
    ],
)
def test_malformed_numbers_are_refused_with_a_korean_reason_and_examples(text, reason):
    with pytest.raises(NumberFormatError) as caught:
        parse_korean_number(text)
    assert str(caught.value).startswith(reason)
    assert "2만5천" in str(caught.value)


@pytest.mark.parametrize(
    ("cell", "stored"),
    [("", ""), ("  ", ""), ("－", "-"), ("—", "-"), (" 해당 없음 ", "해당 없음"), (42, 42)],
)
def test_cells_without_digits_stay_text(cell, stored):
    assert parse_cell(cell) == stored
