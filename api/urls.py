"""URLs under /api/: the v2 content API."""

from django.urls import path

from .router import api_router

urlpatterns = [
    path("v2/", api_router.urls),
]
