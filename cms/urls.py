from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.metrics import metrics_view
from privacy.views import privacy_policy
from syndication.views import SitemapView

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
    path("sitemap.xml", SitemapView.as_view(), name="sitemap"),
    path("", include("cms.health")),
    path("metrics", metrics_view, name="metrics"),
    path("frontend/", include("frontend_stub.urls")),
    path("subscriptions/", include("subscriptions.link_urls")),
    path("privacy-policy/", privacy_policy, name="privacy-policy"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

# JSON errors under /api/ (Django's pages elsewhere).
handler400 = "content.errors.bad_request"
handler404 = "content.errors.page_not_found"
handler500 = "content.errors.server_error"
