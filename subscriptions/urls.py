"""/api/v2/subscriptions/: included from api/urls.py."""

from django.urls import path

from . import api

app_name = "subscriptions_api"
urlpatterns = [
    path("email/", api.EmailSubscribeView.as_view(), name="email"),
    path("devices/", api.DeviceRegisterView.as_view(), name="devices"),
    path("devices/me/", api.DeviceView.as_view(), name="device"),
    path("devices/me/lists/", api.DeviceListsView.as_view(), name="device-lists"),
    # str, not int: an id that is no number answers this view's JSON 404, not a CSRF page.
    path("devices/me/lists/<str:list_id>/", api.DeviceListView.as_view(), name="device-list"),
    path("vapid-key/", api.VapidKeyView.as_view(), name="vapid-key"),
]
