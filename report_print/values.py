"""Read the report blocks' stored values for print, defensively.

The statistics table and chart blocks (pages/blocks/report.py) may gain fields (unit,
source, notes …); these adapters are the only place that knows their shape, so a new or
missing field changes one function, never the layout.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def _text(value: Mapping[str, Any], key: str) -> str:
    raw = value.get(key) if hasattr(value, "get") else None
    return "" if raw is None else str(raw).strip()


def _notes(value: Mapping[str, Any]) -> list[str]:
    raw = value.get("notes") if hasattr(value, "get") else None
    if not raw:
        return []
    if isinstance(raw, str):
        return [line.strip() for line in raw.splitlines() if line.strip()]
    return [str(item).strip() for item in raw if str(item).strip()]


def _cell_text(cell: Any) -> str:
    """A cell as printed: numbers with thousands separators, as the web shows them
    (12960 → "12,960"); text ("－", "2015년") as written."""
    if cell is None:
        return ""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return f"{int(cell):,}" if float(cell).is_integer() else f"{cell:,}"
    return str(cell)


def _cells(row: Any) -> list[str]:
    if isinstance(row, Mapping):  # a row stored as {"cells": [...]} or {"values": [...]}
        row = row.get("cells") or row.get("values") or []
    return [_cell_text(cell) for cell in row]


@dataclass(frozen=True)
class PrintTable:
    title: str
    unit: str
    source: str
    header: list[str]
    rows: list[list[str]]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PrintSeries:
    """One series; None where the table has no value ("－"), drawn as a gap as on the web."""

    name: str
    values: list[float | None]


@dataclass(frozen=True)
class PrintChart:
    title: str
    kind: str
    unit: str
    source: str
    labels: list[str]
    series: list[PrintSeries]
    notes: list[str] = field(default_factory=list)


def _grid(value: Mapping[str, Any]) -> tuple[list, list]:
    """(headers, rows) of a statistics table: the block's value (its grid under `table`) or
    the flat stored shape (`headers`, `rows`)."""
    grid = value.get("table") if hasattr(value, "get") else None
    source = grid if isinstance(grid, Mapping) else value
    return list(source.get("headers") or []), list(source.get("rows") or [])


def table_of(value: Mapping[str, Any]) -> PrintTable:
    """A statistics table block's value as rows of strings, padded to the header's width."""
    headers, stored_rows = _grid(value)
    header = _cells(headers)
    rows = [_cells(row) for row in stored_rows]
    width = max([len(header), *(len(row) for row in rows)], default=0)
    header += [""] * (width - len(header))
    rows = [row + [""] * (width - len(row)) for row in rows]
    return PrintTable(
        title=_text(value, "title"),
        unit=_text(value, "unit"),
        source=_text(value, "source"),
        header=header,
        rows=rows,
        notes=_notes(value),
    )


def _number(raw: Any) -> float | None:
    if raw is None or isinstance(raw, bool):
        return None
    try:
        return float(str(raw).replace(",", ""))
    except (TypeError, ValueError):
        return None  # "－", "-", "해당 없음": no value, not zero


def chart_of(value: Mapping[str, Any]) -> PrintChart:
    """Chart data (the table block's `chart()`: labels and series, gaps as None), numeric
    series cut to the number of labels."""
    labels = [str(label) for label in value.get("labels") or []]
    series = []
    for item in value.get("series") or []:
        numbers = [_number(number) for number in (item.get("values") or [])][: len(labels)]
        numbers += [None] * (len(labels) - len(numbers))
        series.append(PrintSeries(name=_text(item, "name"), values=numbers))
    kind = _text(value, "chart_type") or _text(value, "kind") or "bar"
    return PrintChart(
        title=_text(value, "title"),
        kind=kind if kind in {"bar", "line", "pie"} else "bar",
        unit=_text(value, "unit"),
        source=_text(value, "source"),
        labels=labels,
        series=series,
        notes=_notes(value),
    )
