"""Production settings serving stock Wagtail v2 at /stock/v2/ next to the portal (benches)."""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

ROOT_URLCONF = "bench.stock_urls"
# Production's manifest storage needs `collectstatic`; the API serves no static files.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
