"""Small builders of OpenAPI 3.0 schema objects, shared by the schema and the fields it reads.

The schema is OpenAPI 3.0.3: `nullable: true` rather than 3.1's `{"type": "null"}`.
"""

# Null and nothing else, in strict 3.0.3 terms: `nullable` only widens a `type` that sits in the
# same schema object, and the enum then leaves null as the one value.
NULL = {"type": "object", "nullable": True, "enum": [None]}

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
NUMBER = {"type": "number"}
DATE = {"type": "string", "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}
URI = {"type": "string", "format": "uri"}
HTML = {"type": "string", "format": "html", "description": "HTML; links are site paths"}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    """The schema or null.

    A `$ref` cannot carry siblings in 3.0, and `{"allOf": [$ref], "nullable": true}` does not
    admit null to a strict validator (the referenced object still rejects it), so a reference
    becomes one of the object or null.
    """
    if "$ref" in schema:
        return {"oneOf": [schema, NULL]}
    return {**schema, "nullable": True}


def array(items: dict) -> dict:
    return {"type": "array", "items": items}


def obj(properties: dict, required=None, **extra) -> dict:
    """An object whose listed properties are all required unless `required` says otherwise."""
    schema = {"type": "object", "properties": properties}
    required = list(properties) if required is None else list(required)
    if required:
        schema["required"] = required
    return {**schema, **extra}


def enum(values, **extra) -> dict:
    return {"type": "string", "enum": list(values), **extra}
