"""The report's statistics tables as datasets: the numbers exactly as stored, read through
pages.blocks.numbers, with the metadata that makes them reusable (source, unit, notes,
edition, chapter, 공공누리 licence)."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError

from content.pageindex import PublicPageIndex
from content.paths import frontend_url
from content.visibility import public_pages
from pages.blocks.numbers import Number
from pages.blocks.table_grid import clean_grid
from pages.licences import licence_data, page_licences
from pages.models import ReportChapterPage, ReportEditionPage

# The publisher the print edition's colophon names.
PUBLISHER = "서울특별시 가족담당관"
TABLE_BLOCK = "statistics_table"


@dataclass(frozen=True)
class Dataset:
    identifier: str  # "2017-3-1": edition year, chapter number, table's place in the chapter
    title: str
    unit: str
    source: str
    notes: str
    headers: list[str]
    rows: list[list[str | Number]]
    edition: dict[str, Any]
    chapter: dict[str, Any]
    licence: dict[str, Any]
    issued: date | None
    modified: datetime | None

    def metadata(self) -> dict[str, Any]:
        """Everything but the numbers, in the order a reader wants it."""
        return {
            "identifier": self.identifier,
            "title": self.title,
            "unit": self.unit,
            "source": self.source,
            "notes": self.notes,
            "publisher": PUBLISHER,
            "edition": self.edition,
            "chapter": self.chapter,
            "licence": self.licence,
            "issued": self.issued.isoformat() if self.issued else None,
            "modified": self.modified.isoformat() if self.modified else None,
        }


def report_datasets(index: PublicPageIndex, year: int | None = None) -> list[Dataset]:
    """The tables of the live, public chapters (of one edition's year, when given), in order."""
    public = public_pages(index).values("pk")
    editions = ReportEditionPage.objects.filter(pk__in=public)
    if year is not None:
        editions = editions.filter(year=year)
    editions_by_path = {edition.path: edition for edition in editions}
    chapters = [
        chapter
        for chapter in ReportChapterPage.objects.filter(pk__in=public).order_by("path")
        if chapter.path[: -chapter.steplen] in editions_by_path
    ]
    licences = page_licences(chapters)
    datasets = []
    for chapter in chapters:
        edition = editions_by_path[chapter.path[: -chapter.steplen]]
        tables = [block for block in chapter.body if block.block_type == TABLE_BLOCK]
        for position, block in enumerate(tables, start=1):
            datasets.append(
                _dataset(index, edition, chapter, position, block, licences[chapter.pk])
            )
    return sorted(datasets, key=lambda dataset: (dataset.edition["year"], dataset.identifier))


def _grid(stored: dict) -> dict:
    """Headers and rows as the table block keeps them: read through the one grid cleaner
    (labels as text, numbers parsed by pages.blocks.numbers), which a saved table already
    passed; a value stored before that rule is served as stored, like the API does."""
    grid = {"headers": stored.get("headers") or [], "rows": stored.get("rows") or []}
    try:
        return clean_grid(grid)
    except ValidationError:
        return grid


def _dataset(index, edition, chapter, position: int, block, licence: str) -> Dataset:
    stored = block.block.get_prep_value(block.value)
    return Dataset(
        identifier=f"{edition.year}-{chapter.chapter_number}-{position}",
        title=stored.get("title", ""),
        unit=stored.get("unit", ""),
        source=stored.get("source", ""),
        notes=stored.get("notes", "") or "",
        **_grid(stored),
        edition={
            "year": edition.year,
            "edition_number": edition.edition_number,
            "title": edition.title,
            "url": frontend_url(index.get(edition.pk).path),
        },
        chapter={
            "number": chapter.chapter_number,
            "title": chapter.title,
            "url": frontend_url(index.get(chapter.pk).path),
        },
        licence=licence_data(licence),
        issued=edition.publication_date,
        modified=chapter.last_published_at,
    )
