"""content.spreadsheets.safe_cell: text a spreadsheet would run as a formula stays text."""

import pytest

from content.spreadsheets import safe_cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+82-10", "'+82-10"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("한부모 = 가족", "한부모 = 가족"),
        ("", ""),
        (-2, -2),  # numbers stay numbers
        (None, None),
    ],
)
def test_formula_starts_get_a_quote(value, expected):
    assert safe_cell(value) == expected
