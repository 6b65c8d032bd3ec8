"""URLs under /frontend/: the client's files, and its shell for every other path."""

from django.urls import path, re_path

from . import views

app_name = "frontend_stub"

urlpatterns = [
    path("assets/<path:path>", views.asset, name="asset"),
    path("sw.js", views.service_worker, name="service-worker"),
    re_path(r"^(?P<path>.*)$", views.index, name="index"),
]
