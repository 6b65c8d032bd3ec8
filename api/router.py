"""The one WagtailAPIRouter serving /api/v2/: Wagtail's endpoints and the portal's own."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .partners import PartnerItemsAPIView
from .views import (
    NavigationAPIView,
    PagePreviewAccessibilityAPIView,
    PagePreviewAPIView,
    PortalDocumentsAPIViewSet,
    PortalImagesAPIViewSet,
    PortalPagesAPIViewSet,
    RedirectsAPIView,
    SyncAPIView,
)


class PortalAPIRouter(WagtailAPIRouter):
    """A WagtailAPIRouter that also serves endpoints not tied to one model."""

    def __init__(self, url_namespace: str):
        super().__init__(url_namespace)
        self._views: list = []

    def register_view(self, route: str, view, name: str) -> None:
        self._views.append(path(route, view, name=name))

    def get_urlpatterns(self):
        views = decorate_urlpatterns(list(self._views), self.wrap_view)
        return [*views, *super().get_urlpatterns()]


api_router = PortalAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
api_router.register_view("navigation/", NavigationAPIView.as_view(), "navigation")
api_router.register_view("redirects/", RedirectsAPIView.as_view(), "redirects")
api_router.register_view("sync/", SyncAPIView.as_view(), "sync")
api_router.register_view("page_preview/", PagePreviewAPIView.as_view(), "page_preview")
api_router.register_view(
    "page_preview/accessibility/",
    PagePreviewAccessibilityAPIView.as_view(),
    "page_preview_accessibility",
)
api_router.register_view("partner-items/", PartnerItemsAPIView.as_view(), "partner_items")
