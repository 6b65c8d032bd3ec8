"""The project's URLs plus media files, which live servers in tests otherwise do not serve."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *project_urlpatterns,
]
