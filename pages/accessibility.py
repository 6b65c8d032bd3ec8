"""KWCAG 2.2 checks an editor's page can break, run before it is submitted or published.

Each finding is an error (blocks submission and publishing) or a warning (shown, not
blocking), explained in Korean. The content model already prevents much (alt text is a
required field, tables need a header row and a title, charts are drawn from their own table,
so the table is always the chart's text alternative); these checks catch what a valid form
can still get wrong. Used by the page form (pages/forms.py) and the site report
(pages/admin_views.py).
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath

from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from content.locales import default_language

ERROR, WARNING = "error", "warning"
# Link text that says nothing out of context (KWCAG 2.2 "링크 텍스트 제공").
VAGUE_LINK_TEXTS = {
    "여기", "여기를", "여기를 클릭", "여기를 클릭하세요", "클릭", "클릭하세요", "이곳",
    "이곳을 클릭", "바로가기", "더보기", "링크", "click", "click here", "here", "more", "link",
}  # fmt: skip
FILE_NAME = re.compile(
    r"^[\w\-. ]+\.(jpe?g|png|gif|webp|avif|bmp|svg|pdf|hwpx?|docx?|xlsx?)$", re.I
)
CAMERA_NAME = re.compile(r"^(img|dsc|dscn|pxl|photo|image|kakaotalk_photo)[_\- ]?\d+", re.I)
HANGUL = re.compile(r"[가-힣]")
LETTER = re.compile(r"[^\W\d_]")
# A passage this long with no Korean in it is in another language (KWCAG "기본 언어 표시").
FOREIGN_PASSAGE_LETTERS = 40


@dataclass(frozen=True)
class Finding:
    severity: str
    field: str  # the form field the editor fixes it in
    message: str


def looks_like_file_name(text: str) -> bool:
    text = (text or "").strip()
    return bool(FILE_NAME.match(text) or CAMERA_NAME.match(text))


class _RichTextScan(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.headings: list[int] = []
        self.images: list[str | None] = []
        self.paragraphs: list[str] = []
        self._link: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a":
            self._link = []
        elif re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "embed" and attributes.get("embedtype") == "image":
            self.images.append(attributes.get("alt"))
        elif tag in {"p", "li"}:
            self._text = []

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append("".join(self._link).strip())
            self._link = None
        elif tag in {"p", "li"}:
            self.paragraphs.append("".join(self._text))

    def handle_data(self, data):
        if self._link is not None:
            self._link.append(data)
        self._text.append(data)


def check_rich_text(html: str, field: str, label: str, korean: bool = True) -> list[Finding]:
    """Findings in one rich text; `korean` is False on a page of another language's tree,
    whose passages are in the language its locale declares (so no "not Korean" warning)."""
    scan = _RichTextScan()
    scan.feed(str(html or ""))
    findings = []
    for text in scan.links:
        if text.lower().rstrip(".!> ") in VAGUE_LINK_TEXTS:
            findings.append(
                Finding(
                    ERROR,
                    field,
                    f"{label}: 링크 글자 '{text}'만으로는 어디로 가는지 알 수 "
                    "없습니다. 목적지를 알 수 있게 써 주세요 (예: '한부모 지원 신청 안내').",
                )
            )
    for alt in scan.images:
        if not (alt or "").strip() or looks_like_file_name(alt):
            findings.append(
                Finding(
                    ERROR,
                    field,
                    f"{label}: 이미지의 대체 텍스트가 없거나 파일 이름입니다. "
                    "이미지가 전하는 내용을 글로 써 주세요.",
                )
            )
    findings += _heading_order(scan.headings, field, label, start=1)
    if korean:
        findings += _foreign_passages(scan.paragraphs, field, label)
    return findings


def _heading_order(levels: list[int], field: str, label: str, start: int) -> list[Finding]:
    findings, previous = [], start
    for level in levels:
        if level > previous + 1:
            findings.append(
                Finding(
                    ERROR,
                    field,
                    f"{label}: 제목 {previous} 다음에 제목 {level}이 옵니다. "
                    "제목 수준을 건너뛰지 마세요 (페이지 제목이 제목 1입니다).",
                )
            )
        previous = level
    return findings


def _foreign_passages(paragraphs: list[str], field: str, label: str) -> list[Finding]:
    return [
        Finding(
            WARNING,
            field,
            f"{label}: '{text[:30]}…' 문단은 한국어가 아닌 것 같습니다. "
            "다른 언어로 쓴 문단은 언어를 표시하거나 한국어 설명을 함께 써 주세요.",
        )
        for text in paragraphs
        if len(LETTER.findall(text)) >= FOREIGN_PASSAGE_LETTERS and not HANGUL.search(text)
    ]


def check_stream(stream, field: str, label: str, korean: bool = True) -> list[Finding]:
    findings, levels = [], []
    for block in stream:
        kind, value = block.block_type, block.value
        if kind == "heading":
            levels.append(int(value["level"][1]))
        elif kind == "paragraph":
            findings += check_rich_text(_html(value), field, label, korean)
        elif kind == "image":
            alt = value.get("alt_text", "")
            image = value.get("image")
            if (
                not alt.strip()
                or looks_like_file_name(alt)
                or (image is not None and alt.strip() == PurePosixPath(image.file.name).name)
            ):
                findings.append(
                    Finding(
                        ERROR,
                        field,
                        f"{label}: 이미지의 대체 텍스트가 없거나 파일 이름"
                        f"('{alt}')입니다. 이미지가 전하는 내용을 글로 써 주세요.",
                    )
                )
        elif kind == "document":
            findings += _document(value.get("document"), value.get("title", ""), field, label)
        elif kind == "statistics_table":
            findings += _table(value, field, label)
        elif kind == "link" and value.get("title", "").strip().lower() in VAGUE_LINK_TEXTS:
            findings.append(
                Finding(
                    ERROR,
                    field,
                    f"{label}: 링크 제목 '{value['title']}'만으로는 어디로 가는지 알 수 없습니다.",
                )
            )
    return findings + _heading_order(levels, field, label, start=1)


def _html(value) -> str:
    return value.source if isinstance(value, RichText) else str(value or "")


def _document(document, title: str, field: str, label: str) -> list[Finding]:
    shown = (title or (document.title if document else "")).strip()
    if document is not None and (not shown or looks_like_file_name(shown)):
        return [
            Finding(
                WARNING,
                field,
                f"{label}: 첨부 문서의 제목이 없거나 파일 이름('{shown}')"
                "입니다. 내용을 알 수 있는 제목을 써 주세요.",
            )
        ]
    return []


def _table(value, field: str, label: str) -> list[Finding]:
    grid = value.get("table") or {}
    findings = []
    if not (value.get("title") or "").strip():
        findings.append(Finding(ERROR, field, f"{label}: 통계표에 제목(표 설명)이 없습니다."))
    if not any(str(header).strip() for header in grid.get("headers") or []):
        findings.append(Finding(ERROR, field, f"{label}: 통계표에 머리글 행이 없습니다."))
    return findings


def check_video(page) -> list[Finding]:
    """A video resource needs captions or a transcript (KWCAG "자막 제공")."""
    if getattr(page, "resource_type", "") != "video" or not getattr(page, "video_url", ""):
        return []
    titles = [download.title or download.document.title for download in page.downloads.all()]
    if any(word in title for title in titles for word in ("자막", "대본", "원고")):
        return []
    return [
        Finding(
            ERROR,
            "video_url",
            "영상 자료에는 자막이나 대본이 있어야 합니다. 대본 파일을 "
            "'내려받기 파일'에 올리고 제목에 '대본' 또는 '자막'을 넣어 주세요.",
        )
    ]


def check_page(page) -> list[Finding]:
    """Every finding on a page, from its rich text and StreamFields and its media."""
    findings = []
    # A page in another language's tree declares that language (<html lang> follows its locale).
    locale = getattr(page, "locale", None)
    korean = locale is None or locale.language_code == default_language()
    for model_field in page._meta.get_fields():
        value = getattr(page, model_field.name, None) if model_field.concrete else None
        label = str(getattr(model_field, "verbose_name", model_field.name))
        if isinstance(model_field, StreamField) and value is not None:
            findings += check_stream(value, model_field.name, label, korean)
        elif isinstance(model_field, RichTextField):
            findings += check_rich_text(value, model_field.name, label, korean)
    return findings + check_video(page)
