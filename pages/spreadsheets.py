"""Read an agency's spreadsheet (.xlsx or .csv) into a table grid: headers plus rows.

Korean offices save CSV from Excel as CP949 as often as UTF-8; both are read. Errors are
Korean sentences an editor can act on.
"""

import csv
import io
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from openpyxl import load_workbook

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_READ_ROWS = 500
MAX_READ_COLUMNS = 50
CSV_ENCODINGS = ("utf-8-sig", "cp949")


def read_grid(upload) -> dict:
    """``{"headers": [...], "rows": [[...]]}`` from the first sheet of an uploaded file."""
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            f"파일이 너무 큽니다({upload.size / 1024 / 1024:.1f}MB). "
            "2MB 이하의 파일만 가져올 수 있습니다."
        )
    suffix = PurePath(upload.name or "").suffix.lower()
    data = upload.read()
    if suffix == ".xlsx":
        cells = _xlsx_cells(data)
    elif suffix == ".csv":
        cells = _csv_cells(data)
    else:
        raise ValidationError("엑셀(.xlsx) 또는 CSV(.csv) 파일만 가져올 수 있습니다.")
    cells = _trim(cells)
    if not cells:
        raise ValidationError("파일의 첫 시트가 비어 있습니다.")
    headers, *rows = cells
    return {"headers": [_text(cell) for cell in headers], "rows": rows}


def _xlsx_cells(data: bytes) -> list[list]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ValidationError(
            "엑셀 파일을 열 수 없습니다. .xlsx 형식으로 저장했는지 확인하세요."
        ) from error
    try:
        sheet = workbook.worksheets[0]
        return [
            [_cell(value) for value in row]
            for row in sheet.iter_rows(
                max_row=MAX_READ_ROWS, max_col=MAX_READ_COLUMNS, values_only=True
            )
        ]
    finally:
        workbook.close()


def _csv_cells(data: bytes) -> list[list]:
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        reader = csv.reader(io.StringIO(text))
        return [
            row[:MAX_READ_COLUMNS] for _, row in zip(range(MAX_READ_ROWS), reader, strict=False)
        ]
    raise ValidationError("CSV 파일의 글자를 읽을 수 없습니다. UTF-8 또는 CP949로 저장해 주세요.")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float):
        return value
    return _text(value)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _trim(cells: list[list]) -> list[list]:
    """Drop empty rows and the empty columns spreadsheets carry on their right."""
    rows = [row for row in cells if any(_text(cell) for cell in row)]
    width = max(
        (max((i + 1 for i, cell in enumerate(row) if _text(cell)), default=0) for row in rows),
        default=0,
    )
    return [(list(row) + [""] * width)[:width] for row in rows]
