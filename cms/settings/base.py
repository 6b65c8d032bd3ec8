"""Settings shared by every environment of the Seoul family portal CMS.

Values that differ per deployment come from the environment (django-environ);
`dev.py`, `test.py` and `production.py` adjust the rest.
"""

from pathlib import Path

import environ

from cdn.settings import frontend_cache_from_env
from search.engines import search_backends_from_env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "cms",
    "pages",
    "counseling",
    "demo",
    "search",
    "content",
    "api",
    "syndication",
    "webhooks",
    "cdn",
    "report_print",
    "partners",
    "notifications",
    # Before django_tasks_db: its `db_worker` command (leased) replaces the library's.
    "infra",
    "wagtail_headless_preview",
    # Translation of page trees (docs/languages.md); before wagtail.* so its templates win.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "rest_framework_api_key",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # naturaltime ("3분 전") in the admin's workflow status speaks Korean only with its catalog.
    "django.contrib.humanize",
    "django.contrib.staticfiles",
]

# Session, CSRF, authentication and messages are Django's own, skipped under /api/ (see
# cms.middleware: the API is anonymous, and a 304 should cost no session work).
MIDDLEWARE = [
    "cms.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # API keys and quotas for every /api/ path (after CORS, so refusals carry its headers).
    "partners.access.APIAccessMiddleware",
    "cms.middleware.ApiLeanSessionMiddleware",
    # Korean interface text whatever Accept-Language says (content: ?locale=, docs/languages.md).
    "cms.middleware.KoreanInterfaceMiddleware",
    # Revalidations of the public API and feeds answered here (304), before the rest.
    "api.caching.NotModifiedMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's own (its deploy check looks for it); API views are csrf-exempt already.
    "django.middleware.csrf.CsrfViewMiddleware",
    "cms.middleware.ApiLeanAuthenticationMiddleware",
    "cms.middleware.ApiLeanMessageMiddleware",
    # Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE: a Korean 413 (JSON under /api/), before CSRF.
    "cms.middleware.RequestBodyLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Requests run in autocommit (no ATOMIC_REQUESTS): a read takes no lock, and every write is
# its own short transaction — Wagtail's admin wraps its saves in `transaction.atomic`, and so
# do our services (counseling, partners, webhooks, print). A long request (parsing an upload,
# typesetting) never holds a write lock while it computes. See infra/db.py for "busy".
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default under concurrent use: readers never wait for the writer (WAL);
    # a write transaction takes the write lock when it begins (IMMEDIATE) and waits up to
    # `timeout` seconds for it, instead of failing with "database is locked" when two
    # transactions that both read first try to write (an editor's save racing the autosave).
    # Write transactions are short, so taking the lock at BEGIN costs nothing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-20000;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Korean first: the admin, messages and dates speak Korean in Seoul time.
LANGUAGE_CODE = "ko"
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True
# The portal's content languages (docs/languages.md), Korean first: it is the default and the
# source every translation is made from. Adding one of 다누리's 13 languages is one line here
# (Django's code and the language's own name) plus its catalogs — no code.
PORTAL_LANGUAGES = [
    ("ko", "한국어"),
    ("zh-hans", "简体中文"),
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
LANGUAGES = PORTAL_LANGUAGES
# The project's Korean catalog (locale/ko/) comes first: it fills in and corrects Wagtail's.
LOCALE_PATHS = [BASE_DIR / "locale"]
# A page tree per language (wagtail.models.Locale); wagtail-localize translates between them.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = PORTAL_LANGUAGES
# The admin stays Korean whatever a browser asks for.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ko", "한국어")]
# Machine translation is off: translators translate (wagtail-localize's setting, left unset).
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# Starting a translation makes drafts, even of live pages: Korean text copied into another
# language's tree is never published under that language's name.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Korean titles keep their Korean slugs (/가족정보/한부모-지원/).
WAGTAIL_ALLOW_UNICODE_SLUGS = True

STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Request bodies (files aside) over this many bytes answer 413 in Korean, JSON under /api/
# (cms.middleware.RequestBodyLimitMiddleware). Django's default, named here to be tuned.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)

# Wagtail
WAGTAIL_SITE_NAME = "서울시 패밀리 포털"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "hwp", "hwpx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_AUDIT_LOG_ENABLED = True

# Search: the database backend, plus Elasticsearch or OpenSearch when SEARCH_BACKEND and
# SEARCH_URL name one (see search/engines.py and the README's "Search").
WAGTAILSEARCH_BACKENDS = search_backends_from_env(env)

# Headless: the frontend stub (and later the app) renders pages; Wagtail only serves JSON.
# Subscribers to content changes hear of them once the change commits (tests: at once).
CONTENT_EVENTS_IMMEDIATE = False

FRONTEND_BASE_URL = env("FRONTEND_BASE_URL", default="http://127.0.0.1:8000/frontend")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": f"{FRONTEND_BASE_URL}/preview"},
    "SERVE_BASE_URL": FRONTEND_BASE_URL,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
# Content API (api/): preview links die after an hour; listings return at most 100 items;
# sync cursors stop short of changes younger than this many seconds (see api/sync.py).
API_PREVIEW_TOKEN_MAX_AGE = 60 * 60
WAGTAILAPI_LIMIT_MAX = 100
API_SYNC_SETTLE_SECONDS = env.int("API_SYNC_SETTLE_SECONDS", default=5)
# Outbound feeds (syndication/): the newest this many public pages per feed.
FEED_ITEM_LIMIT = 50
# Absolute URLs in API responses (detail_url, files) start here: the public address of the API.
WAGTAILAPI_BASE_URL = env("WAGTAILAPI_BASE_URL", default=WAGTAILADMIN_BASE_URL)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "서울시 패밀리 포털 API",
    "DESCRIPTION": "웹과 패밀리 앱이 사용하는 헤드리스 콘텐츠 API",
    "VERSION": "2.0.0",
    # Partners send a key (partners/access.py); without one, the anonymous quota applies.
    "APPEND_COMPONENTS": {
        "securitySchemes": {"ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
    },
    "SECURITY": [{}, {"ApiKey": []}],
    # /api/docs/ serves Swagger UI from this site's static files: no CDN, works offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
# django-cors-headers' default request headers, plus the counseling access code.
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "content-type",
    "user-agent",
    "x-csrftoken",
    "x-requested-with",
    "x-access-code",
    "x-api-key",
]
CORS_EXPOSE_HEADERS = ["Retry-After"]

# CDN purge (cdn/): the caches in front of the portal, from the environment (see cdn/settings.py).
# wagtail.contrib.frontend_cache is used as a library, not an app: its app would purge on
# Wagtail's page signals, while cdn/ follows the one content-change event.
WAGTAILFRONTENDCACHE = frontend_cache_from_env(env)

# Tasks: Wagtail's own (reference index …) run at once, as before. Work that calls other
# servers (webhook deliveries, CDN purges) waits in the database on the "background" backend
# for `manage.py db_worker --backend background` (started by `make run`; compose `tasks`).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
BACKGROUND_TASK_BACKEND = env("BACKGROUND_TASK_BACKEND", default="background")
# Each task worker holds a lease on itself, renewed every quarter of this; a job whose worker
# stopped renewing (killed) is run again, up to TASK_MAX_ATTEMPTS times (infra/tasks.py).
TASK_LEASE_SECONDS = env.float("TASK_LEASE_SECONDS", default=60)
TASK_MAX_ATTEMPTS = env.int("TASK_MAX_ATTEMPTS", default=3)

# Signed webhooks (webhooks/): see README "For partners". Deliveries retry with exponential
# backoff (base, 2×base, … capped) until the window (over a day) has passed; a subscription
# is disabled, and its owner e-mailed, after this many failed attempts in a row.
# The whole exchange with a receiver (connect and read limits: OUTBOUND_* below).
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10)
# A delivery being sent is leased this long (more than the timeout): a worker killed mid-send
# leaves it to `requeue_webhooks` once the lease has run out.
WEBHOOK_LEASE_SECONDS = env.float("WEBHOOK_LEASE_SECONDS", default=60)
WEBHOOK_RETRY_BASE_SECONDS = env.float("WEBHOOK_RETRY_BASE_SECONDS", default=30)
WEBHOOK_RETRY_MAX_DELAY_SECONDS = env.float("WEBHOOK_RETRY_MAX_DELAY_SECONDS", default=6 * 3600)
WEBHOOK_RETRY_WINDOW_SECONDS = env.float("WEBHOOK_RETRY_WINDOW_SECONDS", default=26 * 3600)
WEBHOOK_DISABLE_AFTER_FAILURES = env.int("WEBHOOK_DISABLE_AFTER_FAILURES", default=30)
# Outbound HTTP (infra/outbound.py: partner feeds, webhooks, CDN purges). Hosts resolving to
# loopback, private, link-local or other internal addresses are refused unless named here
# ("host" or "host:port", e.g. an on-premise partner); each webhook and CDN target gets short
# connect/read limits, one request at a time, and a breaker that leaves it alone for
# OUTBOUND_BREAKER_SECONDS after OUTBOUND_BREAKER_FAILURES failures in a row (infra/breaker.py).
OUTBOUND_ALLOWED_HOSTS = env.list("OUTBOUND_ALLOWED_HOSTS", default=[])
OUTBOUND_CONNECT_TIMEOUT_SECONDS = env.float("OUTBOUND_CONNECT_TIMEOUT_SECONDS", default=3)
OUTBOUND_READ_TIMEOUT_SECONDS = env.float("OUTBOUND_READ_TIMEOUT_SECONDS", default=5)
OUTBOUND_BREAKER_FAILURES = env.int("OUTBOUND_BREAKER_FAILURES", default=3)
OUTBOUND_BREAKER_SECONDS = env.float("OUTBOUND_BREAKER_SECONDS", default=60)
# The print edition's PDFs are typeset off the request by the scheduler's `run_print_queue`
# job, from their own queue in the database.
TASKS["print"] = {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["print"]}

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
# A dotted path to a notifications.sms sender; production names its Korean SMS gateway's adapter.
SMS_BACKEND = env("SMS_BACKEND", default="notifications.sms.ConsoleSmsSender")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="family-portal@seoul.go.kr")

# Jobs `manage.py run_scheduler` runs (started by `make run`; cron can run them instead):
# (management command, interval in seconds). Areas append their own jobs.
SCHEDULED_COMMANDS = [
    ("publish_scheduled", 60),  # go-live and expiry of scheduled pages
    ("purge_counseling", 24 * 60 * 60),  # destroy counseling data past its retention period
    ("reconcile_search_index", 60 * 60),  # repair drift between the site and the search engine
    ("requeue_webhooks", 60),  # webhook deliveries whose worker died mid-send
    ("run_print_queue", 15),  # typeset report PDFs queued by publishing (report_print)
    ("pull_partner_feeds", 15 * 60),  # import partner agencies' news (partners/importing.py)
]

# Online counseling (counseling): personal data is encrypted with these Fernet keys
# (comma-separated, the first encrypts, all decrypt) and destroyed after its retention period.
COUNSELING_ENCRYPTION_KEY = env("COUNSELING_ENCRYPTION_KEY", default="")
COUNSELING_RETENTION_DAYS = env.int("COUNSELING_RETENTION_DAYS", default=3 * 365)
COUNSELING_ACCESS_LOG_RETENTION_DAYS = env.int(
    "COUNSELING_ACCESS_LOG_RETENTION_DAYS", default=2 * 365
)
COUNSELING_SUBMIT_RATE = env("COUNSELING_SUBMIT_RATE", default="5/h")  # per client IP
COUNSELING_LOOKUP_RATE = env("COUNSELING_LOOKUP_RATE", default="10/h")  # failed look-ups per IP
COUNSELING_LOOKUP_URL = env("COUNSELING_LOOKUP_URL", default=f"{FRONTEND_BASE_URL}/counseling/")

# Partners (partners/): API quotas per fixed window, as django-ratelimit rates ("300/m");
# empty disables one. Keyless clients are counted per IP, each partner key on its own.
API_ANONYMOUS_RATE = env("API_ANONYMOUS_RATE", default="300/m")
API_KEY_RATE = env("API_KEY_RATE", default="3000/m")
API_KEY_CACHE_SECONDS = env.int("API_KEY_CACHE_SECONDS", default=60)
# Behind a proxy every request comes from the proxy: name the header carrying the client's
# address ("HTTP_X_REAL_IP", set by the compose nginx) for every per-IP limit (django-ratelimit).
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY", default=None)
# Partner feeds: seconds to connect and to read the whole feed, and its largest size in bytes.
PARTNER_FEED_CONNECT_TIMEOUT = env.float("PARTNER_FEED_CONNECT_TIMEOUT", default=5.0)
PARTNER_FEED_TIMEOUT = env.float("PARTNER_FEED_TIMEOUT", default=20.0)
PARTNER_FEED_MAX_BYTES = env.int("PARTNER_FEED_MAX_BYTES", default=5 * 1024 * 1024)

# Metrics for operators (cms/metrics.py, README "Metrics"): `GET /metrics` answers only with
# `Authorization: Bearer <METRICS_TOKEN>`, and 404 while it is unset. The timing middleware
# comes first, so it measures the whole stack.
METRICS_TOKEN = env("METRICS_TOKEN", default="")
MIDDLEWARE = ["cms.metrics.RequestMetricsMiddleware", *MIDDLEWARE]
