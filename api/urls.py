"""URLs under /api/: the v2 content API."""

from django.urls import include, path

from .router import api_router

urlpatterns = [
    path("v2/counseling/", include("pages.counseling.urls")),
    path("v2/search/", include("search.urls")),
    path("v2/", api_router.urls),
]
