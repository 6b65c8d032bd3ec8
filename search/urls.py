"""Mounted at /api/v2/search/ by api/urls.py."""

from django.db import transaction
from django.urls import path

from search.views import SearchView, SuggestView

app_name = "search"
urlpatterns = [
    # Searches only read (queries are counted after the response, see search.querylog):
    # no request transaction, so a search never waits for the database's write lock.
    path("", transaction.non_atomic_requests(SearchView.as_view()), name="search"),
    path("suggest/", transaction.non_atomic_requests(SuggestView.as_view()), name="suggest"),
]
