"""Generated demo files: small Korean PDFs (reportlab) and abstract pictures (Pillow).

Both are deterministic, so a rerun produces the same bytes.
"""

import io
import random

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

# A CID font built into reportlab and PDF readers: Korean text without shipping a font file.
KOREAN_FONT = "HYGothic-Medium"


def _styles() -> dict[str, ParagraphStyle]:
    if KOREAN_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(KOREAN_FONT))
    base = {"fontName": KOREAN_FONT, "wordWrap": "CJK"}
    return {
        "title": ParagraphStyle("title", fontSize=20, leading=28, spaceAfter=8, **base),
        "subtitle": ParagraphStyle("subtitle", fontSize=10, leading=14, spaceAfter=12, **base),
        "heading": ParagraphStyle("heading", fontSize=14, leading=20, spaceBefore=10, **base),
        "body": ParagraphStyle("body", fontSize=11, leading=18, spaceAfter=6, **base),
    }


def make_pdf(title: str, lines: list[str], subtitle: str = "서울시 패밀리 포털") -> bytes:
    """A one-to-two page A4 PDF; lines starting with '## ' become headings."""
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="서울시 가족담당관",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        invariant=True,  # no timestamps or random ids: identical bytes on every run
    )
    story = [Paragraph(title, styles["title"]), Paragraph(subtitle, styles["subtitle"])]
    for line in lines:
        if line.startswith("## "):
            story.append(Paragraph(line[3:], styles["heading"]))
        else:
            story.append(Paragraph(line, styles["body"]))
    story.append(Spacer(1, 12 * mm))
    story.append(Paragraph("이 자료는 데모용으로 만든 예시입니다.", styles["subtitle"]))
    document.build(story)
    return buffer.getvalue()


def make_picture(seed: str, size: tuple[int, int], palette: tuple[str, str]) -> bytes:
    """An abstract JPEG: a soft two-colour gradient with overlapping circles ("a family")."""
    width, height = size
    top, bottom = (_rgb(colour) for colour in palette)
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        ratio = y / max(1, height - 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * ratio) for a, b in zip(top, bottom, strict=True)),
        )
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    for _ in range(rng.randint(3, 5)):
        radius = rng.randint(height // 8, height // 4)
        x, y = rng.randint(0, width), rng.randint(height // 3, height)
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius],
            fill=(255, 255, 255),
            outline=None,
        )
    image = Image.blend(Image.new("RGB", size, top), image, 0.85)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
