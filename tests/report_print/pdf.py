"""Reading the PDFs back as a reader (and a screen reader) would: text, fonts, structure."""

import io
import re

from pypdf import PdfReader


def reader_of(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def page_texts(content: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader_of(content).pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fonts(content: bytes) -> dict[str, bool]:
    """Every font the pages use, and whether its program is embedded."""
    found: dict[str, bool] = {}
    for page in reader_of(content).pages:
        _collect_fonts(page.get("/Resources"), found, set())
    return found


def _collect_fonts(resources, found: dict[str, bool], seen: set) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        descendants = font.get("/DescendantFonts")
        descriptor_font = descendants[0].get_object() if descendants else font
        descriptor = descriptor_font.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor else {}
        embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        found[str(font.get("/BaseFont"))] = embedded
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if id(xobject) in seen:
            continue
        seen.add(id(xobject))
        _collect_fonts(xobject.get("/Resources"), found, seen)


def chapter_start_pages(texts: list[str], titles: list[str], first_body_page: int) -> list[int]:
    """1-based pages where each chapter title first appears after the front matter."""
    starts = []
    for title in titles:
        key = squeeze(title)
        starts.append(
            next(
                n + 1
                for n, text in enumerate(texts)
                if n + 1 >= first_body_page and key in squeeze(text)
            )
        )
    return starts


def contents_numbers(contents_text: str, titles: list[str]) -> list[int]:
    """The page number the 목차 prints at the end of each title's line."""
    lines = [squeeze(line) for line in contents_text.splitlines()]
    numbers = []
    for title in titles:
        key = squeeze(title)
        line = next((line for line in lines if line.startswith(key)), None)
        assert line is not None, f"목차에 '{title}'이(가) 없습니다"
        numbers.append(int(line[len(key) :]))
    return numbers
