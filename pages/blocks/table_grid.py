"""A table's cells edited as one grid: a header row and data rows, pasted or imported.

The stored value is plain JSON the API and the print edition read as it is:
``{"headers": ["구분", "2016"], "rows": [["한부모가구", 288], ["1인가구", "-"]]}``.
The first column holds row labels (text); other cells are numbers where they have digits
(Korean forms such as "2만5천" are read by ``numbers.parse_cell``), else text.
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.forms import Media, Script
from django.urls import reverse
from wagtail import blocks

from content.text import normalise_text

from .numbers import NumberFormatError, parse_cell

MAX_ROWS = 200
MAX_COLUMNS = 30


class TableGridWidget(forms.Textarea):
    """A JSON textarea the `table-grid` Stimulus controller turns into an editable grid,
    with paste from a spreadsheet, file import and a live preview drawn by the
    citizens' own frontend code."""

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-controller"] = "table-grid"
        attrs["data-table-grid-import-url-value"] = reverse("report_table_import")
        attrs["data-table-grid-preview-url-value"] = reverse("report_table_preview")
        attrs["data-table-grid-frontend-value"] = reverse(
            "frontend_stub:asset", kwargs={"path": "js/"}
        )
        return attrs

    @property
    def media(self):
        return Media(
            js=[Script("pages/js/table-grid.js", type="module")],
            css={"all": ["pages/css/table-grid.css"]},
        )


def clean_grid(value) -> dict:
    """The grid with numbers parsed; ValidationError naming the first bad cell, in Korean."""
    if not isinstance(value, dict):
        raise ValidationError("표 내용을 읽을 수 없습니다. 표를 다시 붙여 넣어 주세요.")
    # Pasted or imported text in the portal's one form: NFC, no control characters, ASCII
    # digits for full-width ones (so "１２" is a number).
    headers = [normalise_text(str(cell or "")).strip() for cell in value.get("headers") or []]
    rows = [
        [normalise_text(cell) if isinstance(cell, str) else cell for cell in row]
        for row in value.get("rows") or []
        if any(_filled(c) for c in row)
    ]
    while headers and not headers[-1] and all(len(row) < len(headers) for row in rows):
        headers.pop()
    if not headers:
        raise ValidationError("머리글 행에 열 제목을 하나 이상 입력하세요.")
    if not rows:
        raise ValidationError("데이터 행을 하나 이상 입력하세요.")
    if len(headers) > MAX_COLUMNS or len(rows) > MAX_ROWS:
        raise ValidationError(f"표는 {MAX_COLUMNS}열, {MAX_ROWS}행까지 입력할 수 있습니다.")
    for number, header in enumerate(headers, start=1):
        if not header:
            raise ValidationError(f"{number}번째 열의 제목을 입력하세요.")
    cleaned_rows = []
    for row_number, row in enumerate(rows, start=1):
        if len(row) > len(headers) and any(_filled(cell) for cell in row[len(headers) :]):
            raise ValidationError(
                f"{row_number}번째 행의 칸 수({len(row)})가 "
                f"머리글 열 수({len(headers)})보다 많습니다."
            )
        row = (row + [""] * len(headers))[: len(headers)]
        label = str(row[0] if row[0] is not None else "").strip()
        cells = [label]
        for header, cell in zip(headers[1:], row[1:], strict=True):
            try:
                cells.append(parse_cell(cell))
            except NumberFormatError as error:
                raise ValidationError(f"{row_number}번째 행 '{header}' 열: {error}") from error
        cleaned_rows.append(cells)
    return {"headers": headers, "rows": cleaned_rows}


def _filled(cell) -> bool:
    return cell is not None and str(cell).strip() != ""


class TableGridBlock(blocks.FieldBlock):
    """The cells of a statistics table, edited as a grid (see the module docstring)."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.JSONField(
            required=required, help_text=help_text, widget=TableGridWidget(attrs={"rows": 4})
        )
        super().__init__(**kwargs)

    def get_default(self):
        return {"headers": [], "rows": []}

    def to_python(self, value):
        return value if isinstance(value, dict) else self.get_default()

    def value_from_form(self, value):
        """The textarea's JSON as a dict (None when unreadable, which clean() refuses)."""
        if isinstance(value, str):
            try:
                return json.loads(value or "{}")
            except ValueError:
                return None
        return value

    def clean(self, value):
        return clean_grid(value)

    def get_searchable_content(self, value):
        """Column titles and row labels, so citizens find a chapter by what its tables count."""
        if not isinstance(value, dict):
            return []
        labels = [str(row[0]) for row in value.get("rows") or [] if row]
        return [text for text in [*(value.get("headers") or []), *labels] if text]

    class Meta:
        icon = "table"
        default = {"headers": [], "rows": []}
