"""Mounted at /api/v2/search/ by api/urls.py."""

from django.urls import path

from search.views import SearchView, SuggestView

app_name = "search"
urlpatterns = [
    path("", SearchView.as_view(), name="search"),
    path("suggest/", SuggestView.as_view(), name="suggest"),
]
