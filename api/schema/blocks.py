"""OpenAPI schemas of StreamField values, derived from the block definitions.

A stream is an array of `{"type", "value", "id"}` items, one schema per child block,
discriminated on `type`. Struct values list their child blocks (plus the `api_extra_fields`
a block adds in `get_api_representation`); choosers are the objects `represent()` returns.
"""

import re

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from api.representation import representation_schema

from .types import (
    BOOLEAN,
    DATE,
    DATE_TIME,
    HTML,
    INTEGER,
    NUMBER,
    STRING,
    array,
    enum,
    nullable,
    obj,
    ref,
)


def camel(name: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[_\-\s]+", name) if part)


def describe(block: blocks.Block) -> str:
    return str(getattr(block.meta, "description", "") or block.label or "")


class BlockSchemas:
    """Collects one component per struct value and per stream child as blocks are walked."""

    def __init__(self):
        self.components: dict[str, dict] = {}

    def add(self, name: str, schema: dict) -> str:
        """Register a component; a clash with a different schema gets a numbered name."""
        candidate, number = name, 1
        while candidate in self.components and self.components[candidate] != schema:
            number += 1
            candidate = f"{name}{number}"
        self.components[candidate] = schema
        return candidate

    def stream(self, stream_block: blocks.StreamBlock) -> dict:
        mapping = {}
        for name, child in stream_block.child_blocks.items():
            item = obj(
                {
                    "type": enum([name]),
                    "value": self.value(child, context=name),
                    "id": {**STRING, "description": "Block id (UUID), stable across edits"},
                },
                description=describe(child) or name,
            )
            mapping[name] = ref(self.add(f"{camel(name)}Block", item))["$ref"]
        return array(
            {
                "oneOf": [{"$ref": target} for target in mapping.values()],
                "discriminator": {"propertyName": "type", "mapping": mapping},
            }
        )

    def value(self, block: blocks.Block, context: str) -> dict:
        # A block whose JSON is not its children's (a table with its drawn chart) says so.
        if hasattr(block, "api_schema"):
            return ref(self.add(f"{type(block).__name__}Value", block.api_schema()))
        if isinstance(block, blocks.StreamBlock):
            return self.stream(block)
        if isinstance(block, blocks.ListBlock):
            return array(self.value(block.child_block, context))
        if isinstance(block, blocks.StructBlock):
            return self.struct(block, context)
        # Choosers: the project's blocks hand them out through `represent()`.
        if isinstance(block, ImageChooserBlock | DocumentChooserBlock | blocks.PageChooserBlock):
            return nullable(representation_schema(block.model_class))
        if isinstance(block, SnippetChooserBlock):
            return nullable(representation_schema(block.model_class))
        if isinstance(block, blocks.RichTextBlock):
            return HTML
        if isinstance(block, blocks.ChoiceBlock):
            values = [str(value) for value, _ in block.field.choices if value != ""]
            return enum(values if block.required else [*values, ""])
        if isinstance(block, blocks.BooleanBlock):
            return BOOLEAN
        if isinstance(block, blocks.IntegerBlock):
            return self.optional(block, INTEGER)
        if isinstance(block, blocks.FloatBlock | blocks.DecimalBlock):
            return self.optional(block, NUMBER)
        if isinstance(block, blocks.DateTimeBlock):
            return self.optional(block, DATE_TIME)
        if isinstance(block, blocks.DateBlock):
            return self.optional(block, DATE)
        if isinstance(block, blocks.FieldBlock):  # CharBlock, TextBlock, URLBlock, EmailBlock …
            return STRING
        raise TypeError(f"No OpenAPI schema for the block {type(block).__name__} ({context})")

    @staticmethod
    def optional(block: blocks.Block, schema: dict) -> dict:
        return schema if block.required else nullable(schema)

    def struct(self, block: blocks.StructBlock, context: str) -> dict:
        children = {**block.child_blocks, **getattr(block, "api_extra_fields", {})}
        properties = {
            name: self.value(child, f"{context}.{name}") for name, child in children.items()
        }
        schema = obj(properties, description=describe(block))
        is_named = type(block) is not blocks.StructBlock
        name = type(block).__name__ if is_named else f"{camel(context)}Block"
        return ref(self.add(f"{name}Value", schema))
