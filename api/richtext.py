"""Rich text for clients: internal links become site paths, embeds become HTML.

Wagtail stores rich text with `<a linktype="page" id="…">` and `<embed …/>` tags
that only Wagtail understands. Every API response passes through
`rewrite_rich_text_in()`, so no `linktype` or `<embed` ever reaches a client.
"""

import re
from typing import Any

from django.utils.html import format_html
from wagtail.embeds.models import Embed
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

from .representation import Resolver

FIND_LINKTYPE_ATTR = re.compile(r'\s+linktype="[^"]*"')
# Embeds written without the closing slash are still embeds.
FIND_ANY_EMBED_TAG = re.compile(r"<embed\b[^>]*>")
IMAGE_WIDTH_IN_TEXT = 640


def needs_rewrite(text: str) -> bool:
    return "linktype" in text or "<embed" in text


def _references(texts: list[str]) -> tuple[set[int], set[int], set[str]]:
    document_ids, image_ids, media_urls = set(), set(), set()
    for text in texts:
        for attrs in map(extract_attrs, FIND_A_TAG.findall(text)):
            if attrs.get("linktype") == "document" and attrs.get("id", "").isdigit():
                document_ids.add(int(attrs["id"]))
        for attrs in map(extract_attrs, FIND_EMBED_TAG.findall(text)):
            if attrs.get("embedtype") == "image" and attrs.get("id", "").isdigit():
                image_ids.add(int(attrs["id"]))
            elif attrs.get("embedtype") == "media" and attrs.get("url"):
                media_urls.add(attrs["url"])
    return document_ids, image_ids, media_urls


class RichTextRewriter:
    def __init__(self, resolver: Resolver, embeds: dict[str, Embed]):
        self.resolver = resolver
        self.embeds = embeds

    def link(self, match: re.Match) -> str:
        attrs = extract_attrs(match.group(1))
        linktype = attrs.get("linktype")
        if linktype is None:
            return match.group(0)
        target_id = int(attrs["id"]) if attrs.get("id", "").isdigit() else None
        if linktype == "page":
            page = self.resolver.page(target_id)
            if page is not None:
                return format_html('<a href="{}" data-page-id="{}">', page["path"], page["id"])
        elif linktype == "document" and target_id is not None:
            document = self.resolver.document_by_id(target_id)
            if document is not None:
                url = self.resolver.document(document)["url"]
                return format_html('<a href="{}" data-document-id="{}">', url, document.pk)
        # A link to a draft, a private page or a deleted file keeps its text, loses its target.
        return "<a>"

    def embed(self, match: re.Match) -> str:
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") == "image" and attrs.get("id", "").isdigit():
            return self.image(int(attrs["id"]), attrs)
        if attrs.get("embedtype") == "media" and attrs.get("url"):
            embed = self.embeds.get(attrs["url"])
            if embed is not None and embed.html:
                return embed.html
            return format_html('<a href="{}">{}</a>', attrs["url"], attrs["url"])
        return ""

    def image(self, image_id: int, attrs: dict) -> str:
        image = self.resolver.image_by_id(image_id)
        if image is None:
            return ""
        data = self.resolver.image(image)
        renditions = data["renditions"]
        if not renditions:
            return ""
        chosen = next((r for r in renditions if r["width"] >= IMAGE_WIDTH_IN_TEXT), renditions[-1])
        srcset = ", ".join(f"{r['url']} {r['width']}w" for r in renditions)
        return format_html(
            '<img src="{}" srcset="{}" width="{}" height="{}" alt="{}" class="richtext-image {}">',
            chosen["url"],
            srcset,
            chosen["width"],
            chosen["height"],
            attrs.get("alt", data["alt"]),
            attrs.get("format", ""),
        )

    def rewrite(self, text: str) -> str:
        text = FIND_A_TAG.sub(self.link, text)
        text = FIND_EMBED_TAG.sub(self.embed, text)
        text = FIND_ANY_EMBED_TAG.sub("", text)
        return FIND_LINKTYPE_ATTR.sub("", text)


def _strings_needing_rewrite(data: Any, found: list[str]) -> None:
    if isinstance(data, str):
        if needs_rewrite(data):
            found.append(data)
    elif isinstance(data, dict):
        for value in data.values():
            _strings_needing_rewrite(value, found)
    elif isinstance(data, list | tuple):
        for value in data:
            _strings_needing_rewrite(value, found)


def _apply(data: Any, rewriter: RichTextRewriter) -> Any:
    if isinstance(data, str):
        return rewriter.rewrite(data) if needs_rewrite(data) else data
    if isinstance(data, dict):
        return {key: _apply(value, rewriter) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_apply(value, rewriter) for value in data]
    return data


def rewrite_rich_text_in(data: Any, resolver: Resolver) -> Any:
    """Rewrite every rich text string in serialized data, loading its targets in bulk."""
    texts: list[str] = []
    _strings_needing_rewrite(data, texts)
    if not texts:
        return data
    document_ids, image_ids, media_urls = _references(texts)
    resolver.preload_document_ids(document_ids)
    resolver.preload_image_ids(image_ids)
    embeds = {embed.url: embed for embed in Embed.objects.filter(url__in=media_urls)}
    return _apply(data, RichTextRewriter(resolver, embeds))
