"""/subscriptions/: the pages signed e-mail links open (included from cms/urls.py)."""

from django.urls import path

from . import views

app_name = "subscriptions"
urlpatterns = [
    path("confirm/<str:token>/", views.confirm_view, name="confirm"),
    path("manage/<str:token>/", views.manage_view, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
