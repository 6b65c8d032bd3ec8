"""Read an agency's spreadsheet (.xlsx or .csv) into a table grid: headers plus rows.

Korean offices save CSV from Excel as CP949 as often as UTF-8; both are read. Errors are
Korean sentences an editor can act on.

The files come from outside, so every cost is bounded before and while parsing: the file's
size; for .xlsx the uncompressed sizes and compression ratios the zip directory declares
(checked before openpyxl opens anything, and enforced by `zipfile` while reading), then the
cells and elements of every XML part, counted by streaming it as far as openpyxl will read
it; the length of a CSV field; and the time the whole read may take. A 60 KB file that
expands to millions of cells is refused in milliseconds, at a few MB of memory.
"""

import csv
import io
import time
import zipfile
from pathlib import PurePath
from xml.parsers import expat

from django.core.exceptions import ValidationError
from openpyxl import load_workbook

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_READ_ROWS = 500
MAX_READ_COLUMNS = 50
CSV_ENCODINGS = ("utf-8-sig", "cp949")

# .xlsx: what the zip directory may declare. Real workbooks compress XML 5-20 times; a
# deflate bomb reaches ~1,000. Small members are exempt from the ratio (they cannot hurt).
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
RATIO_EXEMPT_BYTES = 1024 * 1024
MAX_ZIP_MEMBERS = 1000
# Cells openpyxl will parse, in every sheet up to the row after the last one imported (the
# 500 rows x 50 columns imported are 25,000); XML elements of every part (a cell is 2-4).
MAX_CELLS = 60_000
MAX_ELEMENTS = 5 * MAX_CELLS
# One table cell; the grid shows short labels and numbers.
MAX_CELL_CHARS = 10_000
# Wall-clock budget for reading one file, checked while streaming.
MAX_PARSE_SECONDS = 10.0

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
ROW_TAG = f"{SHEET_NS}row"
CELL_TAG = f"{SHEET_NS}c"
DIMENSION_TAG = f"{SHEET_NS}dimension"

# What zipfile, openpyxl and the XML parsers raise on a broken or hostile file:
# SyntaxError covers broken XML (ParseError) and defusedxml's refusals; RuntimeError an
# encrypted part; NotImplementedError an unknown compression method.
UNREADABLE_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    OSError,
    ValueError,
    SyntaxError,
    RuntimeError,
    NotImplementedError,
)
UNREADABLE_XLSX = "엑셀 파일을 열 수 없습니다. .xlsx 형식으로 저장했는지 확인하세요."
TOO_MANY_CELLS = (
    f"표가 너무 큽니다: 최대 {MAX_CELLS:,}칸까지 가져올 수 있습니다. "
    "가져올 표만 남긴 파일로 다시 저장해 주세요."
)
TOO_MUCH_CONTENT = "엑셀 파일에 내용이 너무 많습니다. 가져올 표만 남긴 파일로 다시 저장해 주세요."
TOO_SLOW = (
    f"파일을 읽는 데 {MAX_PARSE_SECONDS:g}초가 넘게 걸려 중단했습니다. "
    "가져올 표만 남긴 작은 파일로 다시 저장해 주세요."
)


def read_grid(upload) -> dict:
    """``{"headers": [...], "rows": [[...]]}`` from the first sheet of an uploaded file."""
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            f"파일이 너무 큽니다({upload.size / 1024 / 1024:.1f}MB). "
            "2MB 이하의 파일만 가져올 수 있습니다."
        )
    suffix = PurePath(upload.name or "").suffix.lower()
    deadline = time.monotonic() + MAX_PARSE_SECONDS
    data = upload.read(MAX_FILE_BYTES + 1)
    if suffix == ".xlsx":
        cells = _xlsx_cells(data, deadline)
    elif suffix == ".csv":
        cells = _csv_cells(data, deadline)
    else:
        raise ValidationError("엑셀(.xlsx) 또는 CSV(.csv) 파일만 가져올 수 있습니다.")
    cells = _trim(cells)
    if not cells:
        raise ValidationError("파일의 첫 시트가 비어 있습니다.")
    headers, *rows = cells
    return {"headers": [_text(cell) for cell in headers], "rows": rows}


def _xlsx_cells(data: bytes, deadline: float) -> list[list]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        _check_zip_directory(archive)
        _check_xml_sizes(archive, deadline)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UNREADABLE_ERRORS as error:
        raise ValidationError(UNREADABLE_XLSX) from error
    try:
        cells = []
        for row in workbook.worksheets[0].iter_rows(
            max_row=MAX_READ_ROWS, max_col=MAX_READ_COLUMNS, values_only=True
        ):
            _check_deadline(deadline)
            cells.append([_cell(value) for value in row])
        return cells
    except UNREADABLE_ERRORS as error:
        raise ValidationError(UNREADABLE_XLSX) from error
    finally:
        workbook.close()


def _check_zip_directory(archive: zipfile.ZipFile) -> None:
    """Refuse a zip bomb from what its directory declares, before anything is inflated.

    `zipfile` never inflates a member past its declared size (it stops there and then fails
    the checksum), so these figures bound what openpyxl can be made to read.
    """
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise ValidationError(
            f"엑셀 파일의 구성 요소가 너무 많습니다({len(members):,}개). {UNREADABLE_XLSX}"
        )
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ValidationError(
            f"엑셀 파일의 압축을 풀면 너무 큽니다({total / 1024 / 1024:,.0f}MB). "
            f"압축을 푼 크기가 {MAX_UNCOMPRESSED_BYTES // 1024 // 1024}MB 이하인 파일만 "
            "가져올 수 있습니다."
        )
    for member in members:
        if member.file_size <= RATIO_EXEMPT_BYTES:
            continue
        if member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1):
            raise ValidationError(
                f"엑셀 파일이 비정상적으로 압축되어 있습니다({member.filename}: "
                f"{member.file_size // max(member.compress_size, 1):,}배). "
                "엑셀에서 다시 저장한 파일을 올려 주세요."
            )


def _check_xml_sizes(archive: zipfile.ZipFile, deadline: float) -> None:
    """Stream every XML part as far as openpyxl will read it, counting cells and elements.

    openpyxl reads shared strings and styles whole, and builds each sheet row whole before
    it looks at it; a sheet without a `<dimension>` it reads to the end just to size it.
    A sheet with one is read up to the row after the last one imported.
    """
    budget = _Budget(deadline)
    for member in archive.infolist():
        with archive.open(member) as part:
            if part.peek(8).lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"<":
                continue  # images and other binary parts: openpyxl does not parse them
            _scan_xml(part, budget)


class _Budget:
    """Cells and elements counted over the whole workbook, and the time left."""

    def __init__(self, deadline: float):
        self.deadline = deadline
        self.cells = 0
        self.elements = 0

    def count(self, tag: str) -> None:
        self.elements += 1
        if tag == CELL_TAG:
            self.cells += 1
            if self.cells > MAX_CELLS:
                raise ValidationError(TOO_MANY_CELLS)
        if self.elements > MAX_ELEMENTS:
            raise ValidationError(TOO_MUCH_CONTENT)
        if self.elements % 4096 == 0:
            _check_deadline(self.deadline)


class _EnoughRead(Exception):
    """openpyxl stops reading this part here."""


def _scan_xml(part, budget: _Budget) -> None:
    # expat itself, with no tree: counting is all that is needed, and fast.
    parser = expat.ParserCreate(namespace_separator="}")
    state = {"sized": False, "row": 0}

    def start(tag: str, attributes: dict) -> None:
        budget.count(tag)
        if tag == DIMENSION_TAG:
            state["sized"] = True
        elif tag == ROW_TAG:
            state["row"] = int(attributes.get("r") or state["row"] + 1)

    def end(tag: str) -> None:
        if tag == ROW_TAG and state["sized"] and state["row"] > MAX_READ_ROWS:
            raise _EnoughRead

    def refuse_entities(*args) -> None:
        raise ValueError("entity declarations are not read")  # defusedxml's rule, as openpyxl

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.EntityDeclHandler = refuse_entities
    try:
        while chunk := part.read(64 * 1024):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _EnoughRead:
        return
    except expat.ExpatError as error:
        raise ValueError(str(error)) from error


def _check_deadline(deadline: float) -> None:
    if time.monotonic() > deadline:
        raise ValidationError(TOO_SLOW)


def _csv_cells(data: bytes, deadline: float) -> list[list]:
    for encoding in CSV_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _csv_rows(text, deadline)
    raise ValidationError("CSV 파일의 글자를 읽을 수 없습니다. UTF-8 또는 CP949로 저장해 주세요.")


def _csv_rows(text: str, deadline: float) -> list[list]:
    # The csv module refuses a field past its process-wide limit (131,072 characters) with
    # an exception; a cell past ours is refused here first, naming where it is.
    reader = csv.reader(io.StringIO(text))
    rows = []
    try:
        for row in reader:
            _check_deadline(deadline)
            for column, value in enumerate(row, start=1):
                if len(value) > MAX_CELL_CHARS:
                    raise _cell_too_long(reader.line_num, column)
            rows.append(row[:MAX_READ_COLUMNS])
            if len(rows) == MAX_READ_ROWS:
                break
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise _cell_too_long(reader.line_num, None) from error
        raise ValidationError(
            f"CSV 파일의 {reader.line_num}번째 줄을 읽을 수 없습니다. "
            "엑셀에서 CSV로 다시 저장해 주세요."
        ) from error
    return rows


def _cell_too_long(line: int, column: int | None) -> ValidationError:
    where = f"{line}번째 줄 {column}번째 칸" if column else f"{line}번째 줄"
    return ValidationError(
        f"CSV 파일의 {where}이 너무 깁니다: 한 칸은 최대 {MAX_CELL_CHARS:,}자까지 "
        "가져올 수 있습니다."
    )


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
