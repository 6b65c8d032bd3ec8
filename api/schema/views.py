"""`/api/schema/` and `/api/docs/` (Swagger UI from local static files, CSP-safe)."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .generator import PortalSchemaGenerator


class PortalSchemaView(SpectacularAPIView):
    generator_class = PortalSchemaGenerator


# The split view serves Swagger UI's start-up code as its own script (`?script`), so the
# page needs no inline script; Swagger UI itself comes from drf-spectacular-sidecar.
schema_docs_view = SpectacularSwaggerSplitView.as_view(url_name="api-schema")
