"""Production: every secret comes from the environment; start-up fails without it.

`.env.example` documents each variable read here and in `base.py`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    DATABASES,
    SPECTACULAR_SETTINGS,
    STATIC_ROOT,
    STORAGES,
    env,
)


def _required(name: str) -> str:
    value = env(name, default="")
    if not value:
        raise ImproperlyConfigured(
            f"{name} 환경 변수가 필요합니다. .env.example을 참고해 설정하세요 ({name} is not set)."
        )
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
_required("DATABASE_URL")
COUNSELING_ENCRYPTION_KEY = _required("COUNSELING_ENCRYPTION_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# A request that cannot reach the database within this many seconds fails fast (503, see
# cms.middleware) instead of holding a worker. libpq rounds values below 2 up to 2.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int(
        "DATABASE_CONNECT_TIMEOUT", default=2
    )
    # How long one statement may run and wait for a lock. A web request must not hang behind
    # a migration's or a bulk job's lock: it gives up after a few seconds and answers 503
    # `database_busy` with Retry-After (cms.middleware). The task worker, the scheduler,
    # migrations and other commands (`manage.py`) wait longer; cms/wsgi.py names web servers.
    _web = os.environ.get("PORTAL_PROCESS") == "web"  # set by the program, not by operators
    _prefix = "DATABASE_" if _web else "DATABASE_COMMAND_"
    _lock = env(_prefix + "LOCK_TIMEOUT", default="3s" if _web else "1min")
    _statement = env(_prefix + "STATEMENT_TIMEOUT", default="15s" if _web else "30min")
    DATABASES["default"]["OPTIONS"]["options"] = (
        f"-c lock_timeout={_lock} -c statement_timeout={_statement}"
    )
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
# Persistent connections are checked before reuse, so a database restart heals by itself.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# One cache shared by every worker and container: rate limits (counseling), receipt
# lockouts, the page index and the scheduler's job locks must not multiply by the number
# of workers or vanish on restart. docker-compose.yml runs Valkey (CACHE_URL=redis://…,
# Django's own Redis backend: large API representations and the page index are read on
# every request, which PostgreSQL should not carry). Without CACHE_URL the database cache
# (`manage.py createcachetable`) is shared just as well, with nothing more to run.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://django_cache")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Django's backend with a one-round-trip, atomic `incr` (every API request counts itself).
    CACHES["default"]["BACKEND"] = "cms.cache.PortalRedisCache"
    # A Valkey that is down or hangs costs a request one short wait, then the cache is a miss
    # (cms/cache.py); the URL's own options win.
    _cache_timeout = env.float("CACHE_SOCKET_TIMEOUT", default=0.5)
    _cache_options = CACHES["default"].setdefault("OPTIONS", {})
    _cache_options.setdefault("socket_connect_timeout", _cache_timeout)
    _cache_options.setdefault("socket_timeout", _cache_timeout)

# HTTPS. Behind a TLS-terminating proxy, set SECURE_PROXY_SSL_HEADER=true so Django trusts its
# X-Forwarded-Proto header; the health endpoints stay reachable over plain HTTP for probes.
if env.bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]  # probes, Prometheus
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# Frames are denied (Django's default X_FRAME_OPTIONS); Wagtail's preview views allow their
# own origin themselves.

# The OpenAPI schema's quality is the API tests' business (they generate it with data in
# place); as a deploy check it would need a live database and say nothing about security.
SPECTACULAR_SETTINGS = {**SPECTACULAR_SETTINGS, "ENABLE_DJANGO_DEPLOY_CHECK": False}

# Static files: hashed names, compressed, served by WhiteNoise (the middleware is in base.py)
# from the directory `collectstatic` fills (the image does it at build time).
STATIC_ROOT = env.path("STATIC_ROOT", default=STATIC_ROOT)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Media on S3-compatible object storage when a bucket is configured, local disk otherwise.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "access_key": env("AWS_ACCESS_KEY_ID", default=None),
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default=None),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env("AWS_S3_REGION_NAME", default=None),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN", default=None),
            "location": env("AWS_LOCATION", default="media"),
            "default_acl": None,
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "file_overwrite": False,
        },
    }

# One JSON object per line on stderr, each carrying the request id (cms.middleware).
LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "cms.log.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "gunicorn.error": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "gunicorn.access": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
