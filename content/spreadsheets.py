"""Spreadsheet exports that never run what people typed: a cell starting like a formula
(`=`, `+`, `-`, `@`, a tab or a carriage return; OWASP "CSV injection") gets a leading `'`,
so Excel and LibreOffice show it as text. Citizens' text (search queries, counseling
questions, applicants' answers) and page titles reach staff's spreadsheets this way."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value`, with a leading `'` when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For Wagtail's report and listing views (SpreadsheetExportMixin): CSV cells pass through
    `safe_cell`. (Wagtail already writes XLSX formula cells as text, without the quote.)"""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)  # type: ignore[misc]
        return safe_cell(value) if export_format == self.FORMAT_CSV else value  # type: ignore[attr-defined]
