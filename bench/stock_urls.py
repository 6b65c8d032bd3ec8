"""The portal's URLs plus stock Wagtail v2 (its own PagesAPIViewSet) at /stock/v2/: the
baseline every bench compares against, served by the same process from the same data."""

from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

stock = WagtailAPIRouter("stockapi")
stock.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("stock/v2/", stock.urls), path("", include("cms.urls"))]
