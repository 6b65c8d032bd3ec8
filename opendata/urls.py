"""Open-data URLs under /api/v2/datasets/."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("", views.DatasetListView.as_view(), name="dataset-list"),
    re_path(
        r"^(?P<identifier>\d{4}-\d+-\d+)\.(?P<extension>csv|xlsx|json)$",
        views.DatasetFileView.as_view(),
        name="dataset-file",
    ),
    path("editions/<int:year>.zip", views.EditionZipView.as_view(), name="dataset-edition-zip"),
]
