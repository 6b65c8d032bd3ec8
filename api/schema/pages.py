"""One component per page type, read from the models' `api_fields` and the viewset's fields.

Each type's `meta.type` is an enum of its one label, so exactly one branch of `PageDetail`
(a oneOf) matches a page and generated clients parse every page into its own class.
"""

from typing import Any

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import get_page_models

from .blocks import BlockSchemas
from .types import BOOLEAN, DATE, DATE_TIME, HTML, INTEGER, STRING, URI, enum, nullable, obj, ref


def page_type_label(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def api_page_models() -> list:
    return [model for model in get_page_models() if getattr(model, "api_fields", None)]


def model_field_schema(field, blocks: BlockSchemas) -> dict:
    """A stock APIField (no serializer of its own): its schema follows the model field."""
    if isinstance(field, StreamField):
        return blocks.stream(field.stream_block)
    if isinstance(field, RichTextField):
        return HTML
    if isinstance(field, models.ForeignKey | ParentalManyToManyField):
        raise TypeError(f"{field} needs an API serializer field (see api.serializers)")
    schema: dict[str, Any]
    if isinstance(field, models.BooleanField):
        schema = BOOLEAN
    elif isinstance(field, models.IntegerField):
        schema = INTEGER
        positive = (
            models.PositiveIntegerField,
            models.PositiveSmallIntegerField,
            models.PositiveBigIntegerField,
        )
        if isinstance(field, positive):
            schema = {**INTEGER, "minimum": 0}
    elif isinstance(field, models.DateTimeField):
        schema = DATE_TIME
    elif isinstance(field, models.DateField):
        schema = DATE
    elif isinstance(field, models.URLField):
        schema = {**STRING, "description": "URL, or empty"}
    else:
        schema = STRING
    return nullable(schema) if field.null else schema


def field_schema(model, api_field, blocks: BlockSchemas) -> dict:
    try:
        model_field = model._meta.get_field(api_field.name)
    except Exception:  # a property such as HomePage.pinned_notices
        model_field = None
    if api_field.serializer is not None:
        return api_field.serializer.openapi_schema(model_field)
    if model_field is None:
        raise TypeError(f"{model.__name__}.{api_field.name} needs an API serializer field")
    return model_field_schema(model_field, blocks)


def page_meta(model, viewset) -> dict:
    serializer = viewset.base_serializer_class
    properties = {
        "type": enum([page_type_label(model)]),
        "detail_url": URI,
        "html_url": nullable(serializer._declared_fields["html_url"].openapi_schema()),
        "slug": STRING,
        "show_in_menus": BOOLEAN,
        "seo_title": STRING,
        "search_description": STRING,
        "first_published_at": nullable(DATE_TIME),
        "alias_of": nullable(INTEGER),
        "parent": serializer._declared_fields["parent"].openapi_schema(),
        "locale": {**STRING, "example": "ko"},
        "path": serializer._declared_fields["path"].openapi_schema(),
        "parent_id": serializer._declared_fields["parent_id"].openapi_schema(),
        "translations": serializer._declared_fields["translations"].openapi_schema(),
        # Only when the page answers for a language it has no translation in yet.
        "fallback_from": {
            **STRING,
            "example": "vi",
            "description": "The language asked for (?locale=) when the page is shown in its "
            "source language (meta.locale) because it has no public translation in it",
        },
    }
    unknown = set(viewset.meta_fields) - set(properties)
    if unknown:
        raise TypeError(f"Page meta fields without a schema: {sorted(unknown)}")
    return obj(properties, required=["type", "detail_url"])


def page_type_components(viewset) -> dict:
    """`<Type>` and `<Type>Meta` for every page type, plus the block components they use."""
    blocks = BlockSchemas()
    serializer = viewset.base_serializer_class
    components = {}
    for model in api_page_models():
        name = model.__name__
        properties = {
            "id": {**INTEGER, "minimum": 1},
            "meta": ref(f"{name}Meta"),
            "title": STRING,
            "breadcrumbs": serializer._declared_fields["breadcrumbs"].openapi_schema(),
            "seo": serializer._declared_fields["seo"].openapi_schema(),
            "licence": serializer._declared_fields["licence"].openapi_schema(),
        }
        for api_field in model.api_fields:
            properties[api_field.name] = field_schema(model, api_field, blocks)
        components[f"{name}Meta"] = page_meta(model, viewset)
        components[name] = obj(
            properties,
            required=["id", "meta"],
            description=f"{page_type_label(model)}: {model._meta.verbose_name}. "
            + (model.__doc__ or "").strip().splitlines()[0],
        )
    components["PageDetail"] = {
        "oneOf": [ref(model.__name__) for model in api_page_models()],
        "description": "A page with all its fields; `meta.type` tells its type.",
    }
    return {**blocks.components, **components}
