"""Typst turns the template and an edition's data into a tagged PDF (PDF/UA-1)."""

import hashlib
import io
import json
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pylopdf_fonts_ko
import typst
from pypdf import PdfReader

from .glyphs import missing_characters
from .source import PrintSource

TEMPLATE = Path(__file__).parent / "typst" / "report.typ"
# Noto Serif KR (body) and Noto Sans KR (headings, tables), shipped on PyPI: the PDF never
# depends on the fonts a machine happens to have.
FONT_DIR = pylopdf_fonts_ko.serif_path().parent
FONT_FILES = (str(pylopdf_fonts_ko.serif_path()), str(pylopdf_fonts_ko.sans_path()))
PDF_STANDARDS = ["ua-1"]


class PrintBuildError(RuntimeError):
    """The edition cannot be typeset; the message names the problem."""


@dataclass(frozen=True)
class TypesetPdf:
    content: bytes
    page_count: int


@cache
def toolchain_fingerprint() -> str:
    """Template, typesetter and fonts: a change to any of them rebuilds every PDF."""
    digest = hashlib.sha256(TEMPLATE.read_bytes())
    digest.update(version("typst").encode())
    digest.update(version("pylopdf-fonts-ko").encode())
    return digest.hexdigest()


def typeset(source: PrintSource) -> TypesetPdf:
    missing = missing_characters(source.data, FONT_FILES)
    if missing:
        raise PrintBuildError(
            "인쇄용 글꼴에 없는 글자가 있어 PDF를 만들 수 없습니다: "
            + " ".join(f"{character} (U+{ord(character):04X})" for character in missing[:10])
        )
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
                f"Typst could not typeset the edition: {error.diagnostic}"
            ) from error
    return TypesetPdf(content=content, page_count=len(PdfReader(io.BytesIO(content)).pages))
