"""An edition and its chapters as the data the Typst template lays out, plus its image files.

Everything the PDF shows is decided here, in Python; `report.typ` only lays it out.
"""

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.utils import timezone

from content.locales import content_languages, korean_language_name
from pages.licences import licence_data, mark_static_path, page_licence

from .charts import chart_shapes
from .richtext import plain_paragraph, rich_text_blocks
from .values import chart_of, table_of

SERIES_TITLE = "희망서울, 행복가족"
PUBLISHER = "서울특별시 가족담당관"
PROOF_LABEL = "검토용"
# Trimmed page sizes and the inner/outer margins that suit them, in millimetres.
PAPER: dict[str, dict[str, Any]] = {
    "a4": {
        "label": "A4 (210×297mm)",
        "width_mm": 210,
        "height_mm": 297,
        "inner_mm": 24,
        "outer_mm": 20,
    },
    "4x6": {
        "label": "4×6배판 (188×257mm)",
        "width_mm": 188,
        "height_mm": 257,
        "inner_mm": 21,
        "outer_mm": 17,
    },
}
BLEED_MM = 3
ACCENTS = ["#1f5f8b", "#2f7a5f", "#8a4b2a", "#5b4a8a"]
IMAGE_SPEC = "max-1800x1800|format-jpeg|jpegquality-85"
MAX_IMAGE_HEIGHT_MM = 95


@dataclass
class PrintSource:
    """The template's data and the files it reads, with their fingerprint."""

    data: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    revisions: dict[str, int | None] = field(default_factory=dict)

    def fingerprint(self, *extra: str) -> str:
        digest = hashlib.sha256()
        stable = {key: value for key, value in self.data.items() if key not in VOLATILE_KEYS}
        digest.update(json.dumps(stable, ensure_ascii=False, sort_keys=True).encode())
        for name in sorted(self.files):
            digest.update(name.encode())
            digest.update(hashlib.sha256(self.files[name]).digest())
        for part in extra:
            digest.update(part.encode())
        return digest.hexdigest()


# Keys that change with every build without changing the book.
VOLATILE_KEYS = {"proof_note"}


def korean_date(value) -> str:
    return f"{value.year}년 {value.month}월 {value.day}일" if value else "발간일 미정"


def chapter_heading(chapter) -> str:
    prefix = f"제{chapter.chapter_number}장"
    title = chapter.title.strip()
    return title if title.startswith(prefix) else f"{prefix} {title}"


class SourceBuilder:
    """Collects one edition's text, tables, charts and images for the template."""

    def __init__(self, edition, chapters, *, proof: bool = False):
        self.edition = edition
        self.chapters = chapters
        self.proof = proof
        self.files: dict[str, bytes] = {}
        paper = PAPER.get(getattr(edition, "page_size", "a4"), PAPER["a4"])
        self.paper = {
            **paper,
            "bleed_mm": BLEED_MM if getattr(edition, "print_bleed", False) else 0,
            "crop_marks": bool(getattr(edition, "print_bleed", False)),
        }
        self.text_width = paper["width_mm"] - paper["inner_mm"] - paper["outer_mm"]
        self.chart_width = self.text_width - 12

    def build(self) -> PrintSource:
        edition = self.edition
        foreword_html = getattr(edition, "foreword", "") or edition.summary
        data = {
            "mode": "proof" if self.proof else "public",
            "paper": self.paper,
            "accent": ACCENTS[edition.year % len(ACCENTS)],
            "series_title": SERIES_TITLE,
            "document_title": f"{SERIES_TITLE} {edition.year} ({edition.edition_number})",
            "publisher": PUBLISHER,
            "proof_label": PROOF_LABEL,
            "proof_note": f"교정쇄 {timezone.localtime():%Y-%m-%d %H:%M} · 게시 전 내용 포함",
            "foreword_title": "발간사",
            "contents_title": "목차",
            "front_pages": 3,
            "edition": {
                "title": edition.title,
                "year": edition.year,
                "edition_number": edition.edition_number,
                "publication_date_label": korean_date(edition.publication_date),
            },
            "cover": self.image(edition.cover_image, alt=f"{edition.title} 표지"),
            "foreword": rich_text_blocks(foreword_html),
            "chapters": [self.chapter(chapter) for chapter in self.chapters],
            "colophon": self.colophon(),
            "colophon_note": "이 책의 내용은 서울시 패밀리 포털에서도 볼 수 있습니다.",
            "licence": self.licence(),
        }
        revisions = {f"edition:{edition.pk}": edition.live_revision_id}
        if self.proof:
            revisions = {f"edition:{edition.pk}": edition.latest_revision_id}
        for chapter in self.chapters:
            key = f"chapter:{chapter.pk}"
            revisions[key] = chapter.latest_revision_id if self.proof else chapter.live_revision_id
        return PrintSource(data=data, files=self.files, revisions=revisions)

    def colophon(self) -> list[list[str]]:
        edition = self.edition
        agencies = ", ".join(agency.name for agency in edition.contributing_agencies.all())
        rows = [
            ["발행일", korean_date(edition.publication_date)],
            ["발행처", PUBLISHER],
            ["발행부수", f"{edition.print_run:,}부"],
            ["판형", self.paper["label"]],
        ]
        if agencies:
            rows.append(["자료 제공", agencies])
        # The printed report stays Korean; the portal it points readers to speaks more.
        languages = ", ".join(korean_language_name(code) for code in content_languages())
        rows.append(["포털 언어", languages])
        return rows

    def licence(self) -> dict[str, Any]:
        """The edition's 공공누리 type for the colophon: its name, terms and official mark."""
        code = page_licence(self.edition)
        licence = licence_data(code)
        mark = None
        mark_path = mark_static_path(code)
        if licence["url"] and mark_path:
            mark = f"{code}.svg"
            found = finders.find(mark_path)
            if found is None:
                raise FileNotFoundError(f"공공누리 마크 정적 파일이 없습니다: {mark_path}")
            self.files[mark] = Path(found).read_bytes()
        note = (
            f"이 책의 저작물은 「{licence['name']}」 조건에 따라 이용할 수 있습니다. "
            f"{licence['url']}"
            if licence["url"]
            else "이 책의 저작물은 저작권자의 허락 없이 이용할 수 없습니다."
        )
        return {"name": licence["name"], "note": note, "mark": mark}

    def chapter(self, chapter) -> dict[str, Any]:
        blocks: list[dict[str, Any]] = []
        for block in chapter.body:
            blocks.extend(self.body_block(block.block_type, block.value))
        return {
            "number": chapter.chapter_number,
            "heading": chapter_heading(chapter),
            "summary": (chapter.summary or "").strip(),
            "blocks": blocks,
            "sources": [source_line(block.value) for block in chapter.data_sources],
        }

    def chart_items(self, data: dict | None) -> list[dict[str, Any]]:
        """The vector chart a table draws, if it draws one."""
        if not data:
            return []
        chart = chart_of(data)
        if not chart.labels or not chart.series:
            return []
        shapes = chart_shapes(chart, self.chart_width)
        return [
            {"kind": "chart", "title": chart.title, "unit": chart.unit, "source": chart.source}
            | {"notes": chart.notes, **shapes}
        ]

    def body_block(self, kind: str, value) -> list[dict[str, Any]]:
        if kind == "heading":
            level = {"h2": 2, "h3": 3, "h4": 4}.get(str(value.get("level")), 2)
            return [{"kind": "heading", "level": level, "text": str(value.get("text") or "")}]
        if kind == "paragraph":
            return rich_text_blocks(getattr(value, "source", value))
        if kind == "statistics_table":
            table = table_of(value)
            items = [{"kind": "table", **table.__dict__}] if table.header else []
            return self.chart_items(value.chart() if hasattr(value, "chart") else None) + items
        if kind == "key_findings":
            findings = [str(item) for item in value.get("findings") or [] if str(item).strip()]
            return [
                {
                    "kind": "findings",
                    "title": str(value.get("title") or "주요 결과"),
                    "items": findings,
                }
            ]
        if kind == "image":
            image = self.image(
                value.get("image"),
                alt=str(value.get("alt_text") or ""),
                caption=value.get("caption"),
            )
            return [{"kind": "image", **image}] if image else []
        if kind == "quote":
            return [
                {"kind": "quote", "text": str(value.get("text") or "")}
                | {"source": str(value.get("source") or "")}
            ]
        if kind == "document":
            document = value.get("document")
            title = str(value.get("title") or getattr(document, "title", "") or "")
            return [plain_paragraph(f"첨부 자료: {title}")] if title else []
        return []

    def image(self, image, *, alt: str, caption: str | None = None) -> dict[str, Any] | None:
        if image is None:
            return None
        try:
            rendition = image.get_rendition(IMAGE_SPEC)
            with rendition.file.open("rb") as handle:
                content = handle.read()
        except (OSError, ValueError):
            return None
        name = f"image-{image.pk}-{hashlib.sha256(content).hexdigest()[:12]}.jpg"
        self.files[name] = content
        aspect = rendition.height / rendition.width if rendition.width else 1
        return {
            "file": name,
            "alt": alt or image.title,
            "caption": str(caption or "").strip(),
            # As wide as the text, but never taller than a third of an A4 page.
            "width_mm": round(min(self.text_width, MAX_IMAGE_HEIGHT_MM / aspect), 1),
        }


def source_line(value) -> str:
    """A data source as one note: 기관, 「자료명」(연도). 주소"""
    title = str(value.get("title") or "").strip()
    agency = str(value.get("agency") or "").strip()
    year = value.get("year")
    url = str(value.get("url") or "").strip()
    line = ", ".join(part for part in [agency, f"「{title}」" if title else ""] if part)
    if year:
        line += f"({year})"
    if url:
        line += f". {url}"
    return line
