"""Reading agencies' files costs bounded memory and time, whatever the file holds."""

import tracemalloc

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pages import spreadsheets
from tests.pages.test_table_endpoints import random_cells, xlsx_upload, xlsx_with_sheet

MEMORY_BUDGET = 100 * 1024 * 1024


def two_million_cells(handle):
    handle.write(b"<row>")
    for _ in range(200):
        handle.write(b"<c><v>1</v></c>" * 10_000)
    handle.write(b"</row>")


def one_long_row(handle):
    handle.write(b"<row>" + random_cells(300_000) + b"</row>")


@pytest.mark.parametrize("write_sheet", [two_million_cells, one_long_row])
def test_a_hostile_workbook_costs_far_less_than_100_mb(write_sheet):
    """The 2-million-cell bomb took 1.27 GB (and 24 s) before; a 1-million-cell row 445 MB."""
    upload = xlsx_with_sheet(write_sheet)
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError):
            spreadsheets.read_grid(upload)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < MEMORY_BUDGET / 4, f"{peak / 1024 / 1024:.0f} MB"


@pytest.mark.parametrize(
    "upload",
    [
        xlsx_upload([[f"{row}-{column}" for column in range(20)] for row in range(50)]),
        SimpleUploadedFile("자료.csv", "구분,값\n".encode() + b"a,1\n" * 50),
    ],
    ids=["xlsx", "csv"],
)
def test_reading_stops_past_the_time_budget(monkeypatch, upload):
    monkeypatch.setattr(spreadsheets, "MAX_PARSE_SECONDS", -1.0)

    with pytest.raises(ValidationError) as refusal:
        spreadsheets.read_grid(upload)

    assert refusal.value.messages[0].startswith("파일을 읽는 데 10초가 넘게 걸려 중단했습니다.")
