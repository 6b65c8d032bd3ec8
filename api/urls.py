"""URLs under /api/: the v2 content API."""

from django.urls import include, path, re_path

from content.errors import api_not_found

from .router import api_router
from .schema.views import PortalSchemaView, schema_docs_view

urlpatterns = [
    path("v2/counseling/", include("counseling.urls")),
    path("v2/applications/", include("applications.urls")),
    path("v2/subscriptions/", include("subscriptions.urls")),
    path("v2/feedback/", include("feedback.urls")),
    path("v2/search/", include("search.urls")),
    path("v2/feeds/", include("syndication.urls")),
    path("v2/datasets/", include("opendata.urls")),
    path("v2/", api_router.urls),
    path("schema/", PortalSchemaView.as_view(), name="api-schema"),
    path("docs/", schema_docs_view, name="api-docs"),
    # Unknown /api/ URLs answer JSON instead of falling through to page serving.
    re_path(r"^.*$", api_not_found),
]
