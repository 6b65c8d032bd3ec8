"""Settings for the pytest suite: fast, isolated, no network."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105 - test settings only
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="family-portal-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "notifications.sms.LoopbackSmsSender"
COUNSELING_ENCRYPTION_KEY = "GN4VGW9UIc7x3YTqU88vQqm8o--0kc-EDfHLMH5hOEk="  # tests only
# Tasks run at once; the webhook tests queue on "background" for a real `db_worker` process.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
BACKGROUND_TASK_BACKEND = env("BACKGROUND_TASK_BACKEND", default="default")
# The tests' feeds and receivers listen on 127.0.0.1; the SSRF tests empty this list.
OUTBOUND_ALLOWED_HOSTS = ["127.0.0.1"]
# The webhook tests run a real worker process, which must open the test database: on SQLite
# that is a file (in WAL mode, so the worker and the tests read while the other writes). The
# file has a fixed place in the checkout, so `make test` (pytest --reuse-db) finds the one the
# last run left and only applies new migrations; TEST_DATABASE_NAME gives a run its own file.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    TEST_DATABASE_NAME = env("TEST_DATABASE_NAME", default=str(BASE_DIR / ".run" / "test.sqlite3"))
    Path(TEST_DATABASE_NAME).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": TEST_DATABASE_NAME}
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
TASKS["print"] = {
    "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    "QUEUES": ["print"],
}
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=["https://app.family.seoul.test"])
# Searches are counted as soon as their response is out, so tests read them back at once.
SEARCH_QUERY_LOG_FLUSH_SECONDS = 0
# Page views reach the shared cache as soon as their response is out (analytics/counting.py).
ANALYTICS_PUSH_SECONDS = 0
# Content-change subscribers (renditions, search index, webhooks) run at once, inside the
# test's own transaction; tests/content/test_events.py checks the on-commit delivery.
CONTENT_EVENTS_IMMEDIATE = True
# The API suite makes many requests from one address: tests of quotas set their own rates.
API_ANONYMOUS_RATE = ""
API_KEY_RATE = ""
PARTNER_FEED_CONNECT_TIMEOUT = 2.0
PARTNER_FEED_TIMEOUT = 3.0
# Subscriptions: app push to the loopback double; the loopback push service speaks http.
APP_PUSH_BACKEND = "notifications.push.LoopbackAppPushSender"
WEBPUSH_ALLOW_HTTP_ENDPOINTS = True
WEBPUSH_VAPID_PRIVATE_KEY = "wWES0PYEEhUHY6m_LYVSXptxpg1bi4-a6VbeC2_9IRw"
WEBPUSH_VAPID_PUBLIC_KEY = (
    "BAOg5Bc87l1THDXsbX8UaOfheodlp0OOm3JOBxcqzkqS6v-hUmIGs4ydIXZEj36j9VTlOLoct66U_atqZhi7FDM"
)
SUBSCRIPTIONS_SUBSCRIBE_RATE = ""
SUBSCRIPTIONS_MANAGE_RATE = ""
SUBSCRIPTIONS_ADDRESS_RATE = ""
