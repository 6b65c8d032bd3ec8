"""Typst turns the template and an edition's data into a tagged PDF (PDF/UA-1)."""

import hashlib
import io
import json
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import pylopdf_fonts_ko
import typst
from pypdf import PdfReader

from .glyphs import missing_characters
from .source import PrintSource

if TYPE_CHECKING:
    from typst import PDFStandard

TEMPLATE = Path(__file__).parent / "typst" / "report.typ"
# Noto Serif KR (body) and Noto Sans KR (headings, tables), shipped on PyPI: the PDF never
# depends on the fonts a machine happens to have.
FONT_DIR = pylopdf_fonts_ko.serif_path().parent
FONT_FILES = (str(pylopdf_fonts_ko.serif_path()), str(pylopdf_fonts_ko.sans_path()))
PDF_STANDARDS: "list[PDFStandard]" = ["ua-1"]
MAX_REPORTED_CHARACTERS = 10


class PrintBuildError(RuntimeError):
    """The edition cannot be typeset; the message names the problem in Korean for editors."""


@dataclass(frozen=True)
class TypesetPdf:
    content: bytes
    page_count: int


def text_places(data: dict) -> list[tuple[str, object]]:
    """The book's text by where an editor finds it: the edition's own fields, then each chapter."""
    edition_text = {key: value for key, value in data.items() if key != "chapters"}
    places: list[tuple[str, object]] = [("표지·발간사·판권", edition_text)]
    for chapter in data.get("chapters", []):
        title = chapter["heading"].removeprefix(f"제{chapter['number']}장").strip()
        places.append((f"{chapter['number']}장 '{title}'", chapter))
    return places


def missing_glyphs_reason(data: dict) -> str:
    """In Korean, each character the fonts lack and where it is, or "" if they draw them all:
    인쇄 글꼴에 없는 글자 '𠀀'(U+20000): 3장 '한부모가족과 조손가족'"""
    where: dict[str, list[str]] = {}
    for place, text in text_places(data):
        for character in missing_characters(text, FONT_FILES):
            where.setdefault(character, []).append(place)
    lines = [
        f"인쇄 글꼴에 없는 글자 '{character}'(U+{ord(character):04X}): {', '.join(places)}"
        for character, places in list(where.items())[:MAX_REPORTED_CHARACTERS]
    ]
    if len(where) > MAX_REPORTED_CHARACTERS:
        lines.append(f"그 밖에 {len(where) - MAX_REPORTED_CHARACTERS}자")
    return "; ".join(lines)


@cache
def toolchain_fingerprint() -> str:
    """Template, typesetter and fonts: a change to any of them rebuilds every PDF."""
    digest = hashlib.sha256(TEMPLATE.read_bytes())
    digest.update(version("typst").encode())
    digest.update(version("pylopdf-fonts-ko").encode())
    return digest.hexdigest()


def typeset(source: PrintSource) -> TypesetPdf:
    problem = missing_glyphs_reason(source.data)
    if problem:
        raise PrintBuildError(problem)
    with tempfile.TemporaryDirectory(prefix="report-print-") as folder:
        root = Path(folder)
        (root / "report.typ").write_bytes(TEMPLATE.read_bytes())
        (root / "data.json").write_text(json.dumps(source.data, ensure_ascii=False), "utf-8")
        for name, content in source.files.items():
            (root / name).write_bytes(content)
        try:
            content = typst.compile(
                str(root / "report.typ"),
                root=str(root),
                font_paths=[str(FONT_DIR)],
                ignore_system_fonts=True,
                format="pdf",
                pdf_standards=PDF_STANDARDS,
            )
        except typst.TypstError as error:
            raise PrintBuildError(
                f"조판 프로그램(Typst)이 인쇄본을 만들지 못했습니다: {error.diagnostic}"
            ) from error
    return TypesetPdf(content=content, page_count=len(PdfReader(io.BytesIO(content)).pages))
