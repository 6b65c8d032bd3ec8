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
    "applications",
    "feedback",
    # Page views per page per day and the stale-content report (docs/analytics.md).
    "analytics",
    "releases",
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
    "subscriptions",
    # PIPA duties shared by counseling and applications (export reasons).
    "privacy",
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
    # Pages served to readers are counted here, cached answers included (docs/analytics.md).
    "analytics.counting.PageViewMiddleware",
    # Unchanged public API and feed URLs answered here (304, or the kept 200), before the rest.
    "content.caching.ResponseCacheMiddleware",
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
# SEARCH_URL name one (see search/engines.py and docs/search.md).
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
# Sync batch size: `limit` defaults to this and may go up to the maximum.
API_SYNC_LIMIT_DEFAULT = env.int("API_SYNC_LIMIT_DEFAULT", default=50)
API_SYNC_LIMIT_MAX = env.int("API_SYNC_LIMIT_MAX", default=100)
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
# django-cors-headers' default request headers, plus the counseling access code, the partner
# key and the validators a browser app revalidates with.
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "content-type",
    "user-agent",
    "x-csrftoken",
    "x-requested-with",
    "x-access-code",
    "x-api-key",
    "if-none-match",
    "if-modified-since",
]
# What a browser app may read: the validators to revalidate with, and its quota.
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "RateLimit", "RateLimit-Policy", "Retry-After"]

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
# A job still running this long after it started (and not extended by `infra.tasks.extend_run`)
# is taken for stuck, even in a live worker: run again elsewhere, its late result discarded.
TASK_RUN_SECONDS = env.float("TASK_RUN_SECONDS", default=30 * 60)

# Signed webhooks (webhooks/): see docs/partners.md. Deliveries retry with exponential
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
SCHEDULED_COMMANDS += [
    ("notify_program_openings", 60 * 60),  # programs opening for applications (subscriptions)
    ("send_subscription_digests", 60 * 60),  # daily and weekly e-mail digests
    ("requeue_subscription_deliveries", 60),  # retries the queue could not hold back
    ("purge_unconfirmed_subscribers", 24 * 60 * 60),  # unconfirmed for 7 days: deleted
]
# Releases (docs/releases.md): the backstop for the task the approval enqueues at go-live time.
SCHEDULED_COMMANDS += [("publish_releases", 15)]

# Online counseling (counseling): personal data is encrypted with these Fernet keys
# (comma-separated, the first encrypts, all decrypt) and destroyed after its retention period.
COUNSELING_ENCRYPTION_KEY = env("COUNSELING_ENCRYPTION_KEY", default="")
COUNSELING_RETENTION_DAYS = env.int("COUNSELING_RETENTION_DAYS", default=3 * 365)
COUNSELING_ACCESS_LOG_RETENTION_DAYS = env.int(
    "COUNSELING_ACCESS_LOG_RETENTION_DAYS", default=2 * 365
)
# The generated 개인정보 처리방침 (/privacy-policy/, privacy/policy.py): each feature that
# processes personal data names its description here.
PRIVACY_PROCESSING = ["counseling.privacy.processing"]
# The monthly access-log review (privacy/review.py) flags whoever opened this many cases, or
# more, that were not assigned to them.
PRIVACY_UNASSIGNED_ACCESS_LIMIT = env.int("PRIVACY_UNASSIGNED_ACCESS_LIMIT", default=5)
COUNSELING_SUBMIT_RATE = env("COUNSELING_SUBMIT_RATE", default="5/h")  # per client IP
COUNSELING_LOOKUP_RATE = env("COUNSELING_LOOKUP_RATE", default="10/h")  # failed look-ups per IP
COUNSELING_LOOKUP_URL = env("COUNSELING_LOOKUP_URL", default=f"{FRONTEND_BASE_URL}/counseling/")

# Program applications (applications/, docs/applications.md): personal data is encrypted with
# COUNSELING_ENCRYPTION_KEY (infra/crypto.py) and destroyed this many days after a program ends.
APPLICATIONS_RETENTION_DAYS = env.int("APPLICATIONS_RETENTION_DAYS", default=90)
APPLICATIONS_APPLY_RATE = env("APPLICATIONS_APPLY_RATE", default="10/m")  # per client IP
APPLICATIONS_PHONE_RATE = env("APPLICATIONS_PHONE_RATE", default="5/h")  # per phone number
APPLICATIONS_LOOKUP_RATE = env("APPLICATIONS_LOOKUP_RATE", default="10/h")  # failed look-ups
APPLICATIONS_LOOKUP_URL = env(
    "APPLICATIONS_LOOKUP_URL", default=f"{FRONTEND_BASE_URL}/applications/"
)
SCHEDULED_COMMANDS += [
    ("send_application_reminders", 60 * 60),  # the day-before reminder to confirmed applicants
    ("purge_applications", 24 * 60 * 60),  # destroy applicants' data past its retention period
]
# Page feedback (feedback/): answers per client per window, as a django-ratelimit rate.
FEEDBACK_RATE = env("FEEDBACK_RATE", default="20/h")

# Analytics without tracking people (analytics/, docs/analytics.md): each process hands its
# page-view counts to the shared cache at most every ANALYTICS_PUSH_SECONDS; the scheduler moves
# them into daily counters (up to ANALYTICS_FLUSH_MAX_BATCHES batches per run, in transactions
# of ANALYTICS_FLUSH_ROWS rows) and deletes days older than ANALYTICS_RETENTION_DAYS.
ANALYTICS_PUSH_SECONDS = env.float("ANALYTICS_PUSH_SECONDS", default=10)
ANALYTICS_FLUSH_MAX_BATCHES = env.int("ANALYTICS_FLUSH_MAX_BATCHES", default=2000)
ANALYTICS_FLUSH_ROWS = env.int("ANALYTICS_FLUSH_ROWS", default=500)
ANALYTICS_RETENTION_DAYS = env.int("ANALYTICS_RETENTION_DAYS", default=400)
# Live pages neither published nor marked "검토 완료" for this long are in the stale report.
STALE_CONTENT_DAYS = env.int("STALE_CONTENT_DAYS", default=365)
SCHEDULED_COMMANDS += [
    ("flush_page_views", 60),  # counted page views: shared cache -> daily counters
    ("purge_page_views", 24 * 60 * 60),  # daily counters past ANALYTICS_RETENTION_DAYS
]

# Partners (partners/): API quotas per fixed window, as django-ratelimit rates ("300/m");
# empty disables one. Keyless clients are counted per IP, each partner key on its own.
API_ANONYMOUS_RATE = env("API_ANONYMOUS_RATE", default="300/m")
API_KEY_RATE = env("API_KEY_RATE", default="3000/m")
API_KEY_CACHE_SECONDS = env.int("API_KEY_CACHE_SECONDS", default=60)
# Behind a proxy every request comes from the proxy: name the header carrying the client's
# address ("HTTP_X_REAL_IP", set by the compose nginx). infra.clients.client_address reads
# it (REMOTE_ADDR when it is missing or not an address) for every per-IP limit and stored address.
CLIENT_ADDRESS_HEADER = env("RATELIMIT_IP_META_KEY", default="")
RATELIMIT_IP_META_KEY = "infra.clients.client_address"
# Partner feeds: seconds to connect and to read the whole feed, and its largest size in bytes.
PARTNER_FEED_CONNECT_TIMEOUT = env.float("PARTNER_FEED_CONNECT_TIMEOUT", default=5.0)
PARTNER_FEED_TIMEOUT = env.float("PARTNER_FEED_TIMEOUT", default=20.0)
PARTNER_FEED_MAX_BYTES = env.int("PARTNER_FEED_MAX_BYTES", default=5 * 1024 * 1024)

# Metrics for operators (cms/metrics.py, docs/operations.md): `GET /metrics` answers only with
# `Authorization: Bearer <METRICS_TOKEN>`, and 404 while it is unset. The timing middleware
# comes first, so it measures the whole stack.
METRICS_TOKEN = env("METRICS_TOKEN", default="")
MIDDLEWARE = ["cms.metrics.RequestMetricsMiddleware", *MIDDLEWARE]

# Subscriptions and push (subscriptions/, notifications/push.py; docs/subscriptions.md).
SUBSCRIPTIONS_CONFIRM_DAYS = env.int("SUBSCRIPTIONS_CONFIRM_DAYS", default=7)
SUBSCRIPTIONS_DAILY_CAP = env.int("SUBSCRIPTIONS_DAILY_CAP", default=10)  # messages/subscriber
SUBSCRIPTIONS_BATCH_SIZE = env.int("SUBSCRIPTIONS_BATCH_SIZE", default=500)
SUBSCRIPTIONS_MAX_ATTEMPTS = env.int("SUBSCRIPTIONS_MAX_ATTEMPTS", default=6)
SUBSCRIPTIONS_RETRY_BASE_SECONDS = env.float("SUBSCRIPTIONS_RETRY_BASE_SECONDS", default=60)
SUBSCRIPTIONS_SUBSCRIBE_RATE = env("SUBSCRIPTIONS_SUBSCRIBE_RATE", default="10/h")  # per IP
SUBSCRIPTIONS_MANAGE_RATE = env("SUBSCRIPTIONS_MANAGE_RATE", default="120/h")  # per IP
# Confirmation e-mails per address, whichever IPs ask: nobody floods someone else's inbox.
SUBSCRIPTIONS_ADDRESS_RATE = env("SUBSCRIPTIONS_ADDRESS_RATE", default="3/h")
# VAPID (RFC 8292) key pair for Web Push: the private key as base64url (raw 32 bytes or DER).
WEBPUSH_VAPID_PRIVATE_KEY = env("WEBPUSH_VAPID_PRIVATE_KEY", default="")
WEBPUSH_VAPID_PUBLIC_KEY = env("WEBPUSH_VAPID_PUBLIC_KEY", default="")
WEBPUSH_VAPID_SUBJECT = env("WEBPUSH_VAPID_SUBJECT", default="mailto:family-portal@seoul.go.kr")
WEBPUSH_ALLOW_HTTP_ENDPOINTS = env.bool("WEBPUSH_ALLOW_HTTP_ENDPOINTS", default=False)
PUSH_TIMEOUT_SECONDS = env.float("PUSH_TIMEOUT_SECONDS", default=10)
APP_PUSH_BACKEND = env("APP_PUSH_BACKEND", default="notifications.push.ConsoleAppPushSender")
FCM_SERVICE_ACCOUNT_FILE = env("FCM_SERVICE_ACCOUNT_FILE", default="")
APNS_KEY_FILE = env("APNS_KEY_FILE", default="")
APNS_KEY_ID = env("APNS_KEY_ID", default="")
APNS_TEAM_ID = env("APNS_TEAM_ID", default="")
APNS_TOPIC = env("APNS_TOPIC", default="")
APNS_HOST = env("APNS_HOST", default="https://api.push.apple.com")
# No third-party requests (docs/public-duties.md): editors' and citizens' browsers talk only to
# the city's own servers. No gravatar avatars (they send a hash of each editor's e-mail), no
# release check, and one content security policy (django-csp) for the admin, the API and the
# API docs; the frontend shell sets a stricter one from the same sources (frontend_stub/views.py).
# The Wagtail admin still sets inline styles and a few inline event scripts, so those two
# directives allow 'unsafe-inline'; every other source is this origin, the media host and the
# headless preview frontend — all the city's own.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
MEDIA_HOST = env("MEDIA_HOST", default="")
FRONTEND_ORIGIN = env("FRONTEND_ORIGIN", default="")
FIRST_PARTY_MEDIA_SOURCES = ["'self'", "data:", "blob:", *([MEDIA_HOST] if MEDIA_HOST else [])]
INSTALLED_APPS = [*INSTALLED_APPS, "csp"]
MIDDLEWARE = [*MIDDLEWARE, "csp.middleware.CSPMiddleware"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": FIRST_PARTY_MEDIA_SOURCES,
        "media-src": FIRST_PARTY_MEDIA_SOURCES,
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *([FRONTEND_ORIGIN] if FRONTEND_ORIGIN else [])],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    },
}
