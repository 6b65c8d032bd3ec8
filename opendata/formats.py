"""One dataset as CSV (UTF-8 with BOM, so Excel opens Korean correctly), XLSX and JSON.

The CSV is the table alone — header row, then data rows — as open-data portals publish it
for machines; its metadata travels in the JSON, the XLSX's second sheet and the listing.
"""

import csv
import io
import json
import zipfile

from openpyxl import Workbook  # type: ignore[import-untyped]  # openpyxl ships no types

from .datasets import Dataset

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
METADATA_LABELS = {
    "identifier": "식별자",
    "title": "표 제목",
    "unit": "단위",
    "source": "출처",
    "notes": "주석",
    "publisher": "발행처",
    "edition": "보고서",
    "chapter": "장",
    "licence": "이용 조건",
    "issued": "발간일",
    "modified": "수정일",
}


def as_csv(dataset: Dataset) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(dataset.headers)
    writer.writerows(dataset.rows)
    return text.getvalue().encode("utf-8-sig")


def as_json(dataset: Dataset) -> bytes:
    body = {**dataset.metadata(), "headers": dataset.headers, "rows": dataset.rows}
    return json.dumps(body, ensure_ascii=False, indent=1).encode()


def as_xlsx(dataset: Dataset) -> bytes:
    workbook = Workbook()
    data = workbook.active
    data.title = "데이터"
    data.append(dataset.headers)
    for row in dataset.rows:
        data.append(row)
    info = workbook.create_sheet("정보")
    for key, value in dataset.metadata().items():
        info.append([METADATA_LABELS[key], _describe(value)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _describe(value) -> str:
    if isinstance(value, dict):
        name = value.get("name") or value.get("title") or ""
        return f"{name} ({value['url']})" if value.get("url") else name
    return "" if value is None else str(value)


RENDERERS = {"csv": as_csv, "xlsx": as_xlsx, "json": as_json}


def edition_zip(datasets: list[Dataset], catalog: dict) -> bytes:
    """Every table of an edition in every format, plus the edition's DCAT catalog."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("catalog.json", json.dumps(catalog, ensure_ascii=False, indent=1))
        for dataset in datasets:
            for extension, render in RENDERERS.items():
                archive.writestr(f"{dataset.identifier}.{extension}", render(dataset))
    return out.getvalue()
