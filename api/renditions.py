"""Image renditions the API serves, made ahead of time so GET requests never render images.

Renditions are created when an image is saved and when a page that uses it is
published; API responses only read rendition rows that already exist.
"""

from collections.abc import Iterable, Iterator

from django.db import models
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.images.models import AbstractImage

RENDITION_WIDTHS = (320, 640, 1280)
RENDITION_SPECS = tuple(f"width-{width}" for width in RENDITION_WIDTHS)


def ensure_renditions(images: Iterable[AbstractImage]) -> None:
    """Create the API's renditions of each image that lacks them."""
    for image in {image.pk: image for image in images if image is not None}.values():
        image.get_renditions(*RENDITION_SPECS)


def iter_block_values(value) -> Iterator[object]:
    """Every leaf value inside a StreamField value: chooser objects, rich text, scalars."""
    if isinstance(value, StreamValue):
        for child in value:
            yield from iter_block_values(child.value)
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from iter_block_values(child)
    elif isinstance(value, ListValue | list | tuple):
        for child in value:
            yield from iter_block_values(child)
    else:
        yield value


def images_used_by(page) -> list[AbstractImage]:
    """Images a page shows through image fields and StreamField blocks."""
    images = []
    for field in page._meta.get_fields():
        related = getattr(field, "related_model", None)
        if isinstance(field, models.ForeignKey) and issubclass(related or object, AbstractImage):
            images.append(getattr(page, field.name))
        elif field.__class__.__name__ == "StreamField":
            images.extend(
                value
                for value in iter_block_values(getattr(page, field.name))
                if isinstance(value, AbstractImage)
            )
    return [image for image in images if image is not None]
