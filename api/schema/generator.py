"""The schema generator: drf-spectacular's inspection of the DRF views (search, counseling)
plus the content API's operations and components, with one error envelope everywhere.
"""

from drf_spectacular.generators import SchemaGenerator

from . import examples
from .components import BASE_COMPONENTS
from .pages import page_type_components
from .paths import ERROR_DESCRIPTIONS, error, portal_paths
from .types import INTEGER, STRING

OPENAPI_VERSION = "3.0.3"


def use_error_envelope(schema: dict) -> None:
    """Every 4xx/5xx answer of every operation is the one `Error` envelope.

    Operations that take a body also answer 400 (unreadable), 413 (too large) and 415.
    """
    for path_item in schema["paths"].values():
        for operation in path_item.values():
            if "requestBody" in operation:
                for status in ("400", "413", "415"):
                    operation["responses"].setdefault(status, error(status))
            for status, response in operation.get("responses", {}).items():
                if status[0] in "45" and status in ERROR_DESCRIPTIONS:
                    description = response.get("description") or ERROR_DESCRIPTIONS[status]
                    operation["responses"][status] = error(status, description)


RATE_LIMIT_HEADERS = {
    "RateLimit-Policy": {
        "schema": STRING,
        "description": 'Each quota counting this request: `"anonymous";q=300;w=60` '
        "(IETF draft-ietf-httpapi-ratelimit-headers: q requests per w seconds)",
        "example": '"anonymous";q=300;w=60',
    },
    "RateLimit": {
        "schema": STRING,
        "description": 'Where this client stands in each: `"anonymous";r=299;t=42` '
        "(r requests left, t seconds until the window resets)",
        "example": '"anonymous";r=299;t=42',
    },
}
RETRY_AFTER = {
    "schema": {**INTEGER, "minimum": 1},
    "required": True,
    "description": "Seconds to wait before trying again",
    "example": 42,
}


def document_access(schema: dict) -> None:
    """Every /api/ request passes the key check and the quota (partners.access), so every
    operation may answer 401 (a refused X-API-Key) and 429, and reports its quota."""
    for path_item in schema["paths"].values():
        for operation in path_item.values():
            answers = operation["responses"]
            answers.setdefault("401", error("401"))
            answers.setdefault("429", error("429"))
            for status, response in answers.items():
                headers = response.setdefault("headers", {})
                if status[0] in "23" or status == "429":
                    headers.update(RATE_LIMIT_HEADERS)
                if status == "429":
                    headers["Retry-After"] = RETRY_AFTER


def add_operation_examples(schema: dict) -> None:
    """The inspected operations' success examples (the portal's are written with them)."""
    for path_item in schema["paths"].values():
        for operation in path_item.values():
            example = examples.OPERATIONS.get(operation.get("operationId"))
            if example is None:
                continue
            status = next(code for code in operation["responses"] if code.startswith("2"))
            media = operation["responses"][status]["content"]["application/json"]
            media["example"] = example


class PortalSchemaGenerator(SchemaGenerator):
    def _get_paths_and_endpoints(self):
        # The public API only: not Wagtail's admin API, not this schema's own URL.
        return [
            endpoint
            for endpoint in super()._get_paths_and_endpoints()
            if endpoint[0].startswith("/api/v2/")
        ]

    def get_schema(self, request=None, public=False):
        from api.views import PortalPagesAPIViewSet

        schema = super().get_schema(request=request, public=public)
        schema["openapi"] = OPENAPI_VERSION
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update({**BASE_COMPONENTS, **page_type_components(PortalPagesAPIViewSet)})
        schema.setdefault("paths", {}).update(portal_paths())
        use_error_envelope(schema)
        document_access(schema)
        add_operation_examples(schema)
        return schema
