"""Load everything a page listing shows in a fixed number of queries, whatever its length."""

from collections import defaultdict
from typing import Any, cast

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from wagtail.blocks.stream_block import StreamValue
from wagtail.documents.models import AbstractDocument
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from .renditions import iter_block_values
from .representation import Resolver


def related_model(relation) -> type[models.Model]:
    """The model a relation points to; once apps are loaded it is always a class (the stubs
    also allow the lazy "self" of a model still being defined)."""
    return cast(type[models.Model], relation.related_model)


def optimize_queryset(queryset: models.QuerySet) -> models.QuerySet:
    """select_related / prefetch_related for every relation a page type's API fields show."""
    model = queryset.model
    select, prefetch = ["locale"], []
    for field in model._meta.get_fields():
        if isinstance(field, ParentalManyToManyField | TaggableManager):
            prefetch.append(field.name)
        elif (
            isinstance(field, models.ForeignKey)
            and field.model is model
            and not issubclass(related_model(field), Page)
            and field.name in _api_field_names(model)
        ):
            select.append(field.name)
            select.extend(
                f"{field.name}__{sub.name}"
                for sub in related_model(field)._meta.get_fields()
                if isinstance(sub, models.ForeignKey)
                and issubclass(related_model(sub), AbstractImage)
            )
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        if name not in _api_field_names(model):
            continue
        prefetch.append(name)
        prefetch.extend(
            f"{name}__{sub.name}"
            for sub in related_model(relation)._meta.get_fields()
            if isinstance(sub, models.ForeignKey)
            and not issubclass(related_model(sub), Page)
            and sub.name != relation.field.name
        )
    return queryset.select_related(*select).prefetch_related(*prefetch)


def _api_field_names(model) -> set[str]:
    return {getattr(field, "name", field) for field in getattr(model, "api_fields", ())}


def load_stream_fields(pages: list[Page]) -> None:
    """Convert each StreamField of all pages in one bulk lookup per block type.

    Wagtail converts each page's stream on its own (one query per page and chooser
    block type); here all pages share the lookups.
    """
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, model_pages in by_model.items():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.name in _api_field_names(model):
                _load_stream_field(model_pages, field)


def _load_stream_field(pages: list[Page], field: StreamField) -> None:
    stream_block = field.stream_block
    raw_by_type = defaultdict(list)  # block type -> [(page index, position, raw value)]
    raw_streams = []
    for page_index, page in enumerate(pages):
        value = getattr(page, field.name)
        raw = list(value.raw_data) if value.is_lazy else None
        raw_streams.append(raw)
        for position, item in enumerate(raw or []):
            if item["type"] in stream_block.child_blocks:
                raw_by_type[item["type"]].append((page_index, position, item["value"]))
    converted: defaultdict[int, dict[int, Any]] = defaultdict(dict)
    for type_name, entries in raw_by_type.items():
        block = stream_block.child_blocks[type_name]
        values = block.bulk_to_python([raw_value for _, _, raw_value in entries])
        for (page_index, position, _), value in zip(entries, values, strict=True):
            converted[page_index][position] = value
    for page_index, (page, raw) in enumerate(zip(pages, raw_streams, strict=True)):
        if raw is None:
            continue
        children = [
            (item["type"], converted[page_index][position], item.get("id"))
            for position, item in enumerate(raw)
            if position in converted[page_index]
        ]
        setattr(page, field.name, StreamValue(stream_block, children))


def images_shown_by(page: Page) -> list[AbstractImage]:
    images = []
    for field in page._meta.get_fields():
        if isinstance(field, models.ForeignKey) and field.name in _api_field_names(type(page)):
            related = related_model(field)
            if issubclass(related, AbstractImage):
                images.append(getattr(page, field.name))
            else:
                target = getattr(page, field.name)
                images.extend(
                    getattr(target, sub.name)
                    for sub in related._meta.get_fields()
                    if target is not None
                    and isinstance(sub, models.ForeignKey)
                    and issubclass(related_model(sub), AbstractImage)
                )
        elif isinstance(field, StreamField):
            images.extend(
                leaf
                for leaf in iter_block_values(getattr(page, field.name))
                if isinstance(leaf, AbstractImage)
            )
    return [image for image in images if image is not None]


def prepare_pages(pages: list[Page], resolver: Resolver) -> None:
    """Bulk-load streams and renditions for a set of pages about to be serialized."""
    load_stream_fields(pages)
    resolver.preload_images(image for page in pages for image in images_shown_by(page))
    # Files chosen in blocks are loaded already; rich text links to them reuse these.
    resolver.remember_documents(
        leaf
        for page in pages
        for field in page._meta.get_fields()
        if isinstance(field, StreamField)
        for leaf in iter_block_values(getattr(page, field.name))
        if isinstance(leaf, AbstractDocument)
    )
