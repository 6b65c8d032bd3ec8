"""Pasted and imported table text goes through the one Korean text normaliser."""

import unicodedata

from pages.blocks.table_grid import clean_grid


def test_pasted_cells_are_composed_and_full_width_digits_are_numbers():
    grid = clean_grid(
        {
            "headers": [unicodedata.normalize("NFD", "자치구"), "가구 수\u200b"],
            "rows": [[unicodedata.normalize("NFD", "종로구"), "１２３"]],
        }
    )

    assert grid["headers"] == ["자치구", "가구 수"]
    assert grid["rows"] == [["종로구", 123]]
