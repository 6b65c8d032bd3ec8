"""Settings for the pytest suite: fast, isolated, no network."""

import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105 - test settings only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="family-portal-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
COUNSELING_ENCRYPTION_KEY = "GN4VGW9UIc7x3YTqU88vQqm8o--0kc-EDfHLMH5hOEk="  # tests only
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=["https://app.family.seoul.test"])
# Content-change subscribers (renditions, search index, webhooks) run at once, inside the
# test's own transaction; tests/content/test_events.py checks the on-commit delivery.
CONTENT_EVENTS_IMMEDIATE = True
