"""Production settings serving stock Wagtail v2 at /stock/v2/ next to the portal (load_bench)."""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

ROOT_URLCONF = "bench.api_bench"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
