"""Feed URLs under /api/v2/feeds/ (the sitemap is mounted at the site root by cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path("rss/", views.RssFeedView.as_view(), name="feed-rss"),
    path("atom/", views.AtomFeedView.as_view(), name="feed-atom"),
    path("json/", views.JsonFeedView.as_view(), name="feed-json"),
]
