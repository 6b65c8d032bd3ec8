"""Blocks shared by every page body, and the base StreamBlock built from them."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from pages import extensions


def related_api_representation(block, value, context, related_field: str):
    """The block's JSON with its chosen image, document or page as an object, not an id.

    The one helper every chooser-holding block uses; the object looks as everywhere in the
    API (api/ plugs its `represent` into `pages.extensions`).
    """
    data = blocks.StructBlock.get_api_representation(block, value, context)
    data[related_field] = extensions.represent(value.get(related_field), context)
    return data


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the page outline accessible."""

    text = blocks.CharBlock(label="제목", max_length=120)
    level = blocks.ChoiceBlock(
        label="수준", choices=[("h2", "제목 2"), ("h3", "제목 3")], default="h2"
    )

    class Meta:
        icon = "title"
        label = "소제목"
        description = "본문을 나누는 소제목"
        preview_value = {"text": "한부모가족 지원 제도", "level": "h2"}


class ImageWithCaptionBlock(blocks.StructBlock):
    """A picture with the alt text screen readers need and an optional caption."""

    image = ImageChooserBlock(label="이미지")
    alt_text = blocks.CharBlock(
        label="대체 텍스트", max_length=200, help_text="이미지를 설명하는 글"
    )
    caption = blocks.CharBlock(label="설명", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "이미지"
        description = "대체 텍스트와 설명이 있는 이미지"

    def get_api_representation(self, value, context=None):
        return related_api_representation(self, value, context, "image")


class DocumentLinkBlock(blocks.StructBlock):
    """A downloadable file (PDF, HWP …) offered inside the body."""

    document = DocumentChooserBlock(label="문서")
    title = blocks.CharBlock(label="표시 제목", required=False, max_length=150)

    class Meta:
        icon = "doc-full"
        label = "첨부 문서"
        description = "내려받을 수 있는 문서"

    def get_api_representation(self, value, context=None):
        return related_api_representation(self, value, context, "document")


class QuoteBlock(blocks.StructBlock):
    """A quotation from a citizen, expert or report, with its source."""

    text = blocks.TextBlock(label="인용문")
    source = blocks.CharBlock(label="출처", required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = "인용"
        description = "출처가 있는 인용문"
        preview_value = {"text": "가족은 함께 성장합니다.", "source": "서울가족학교 참여자"}


class LinkBlock(blocks.StructBlock):
    """A related link to a portal page or an external site, used in 관련 링크 lists."""

    title = blocks.CharBlock(label="링크 제목", max_length=150)
    page = blocks.PageChooserBlock(label="포털 페이지", required=False)
    external_url = blocks.URLBlock(label="외부 주소", required=False)

    # What `get_api_representation` adds to the value, for the API schema.
    api_extra_fields = {"url": blocks.CharBlock(label="링크 주소 (페이지 경로 또는 외부 주소)")}

    class Meta:
        icon = "link"
        label = "링크"
        description = "포털 페이지 또는 외부 사이트 링크"

    def clean(self, value):
        value = super().clean(value)
        has_page = bool(value.get("page"))
        has_url = bool(value.get("external_url"))
        if has_page == has_url:
            message = "포털 페이지와 외부 주소 중 하나만 입력하세요."
            raise blocks.StructBlockValidationError(
                block_errors={"external_url": ErrorList([ValidationError(message)])}
            )
        return value

    def get_api_representation(self, value, context=None):
        data = related_api_representation(self, value, context, "page")
        data["url"] = data["page"]["path"] if data["page"] else data["external_url"]
        return data


class BaseStreamBlock(blocks.StreamBlock):
    """The body every portal page shares: text, headings, images, quotes and files."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="문단",
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()

    class Meta:
        label = "본문"
