"""Settings shared by every environment of the Seoul family portal CMS.

Values that differ per deployment come from the environment (django-environ);
`dev.py`, `test.py` and `production.py` adjust the rest.
"""

from pathlib import Path

import environ

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
    "wagtail_headless_preview",
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
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # naturaltime ("3분 전") in the admin's workflow status speaks Korean only with its catalog.
    "django.contrib.humanize",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "cms.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
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
LANGUAGES = [("ko", "한국어")]
# The project's Korean catalog (locale/ko/) comes first: it fills in and corrects Wagtail's.
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
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
# Absolute URLs in API responses (detail_url, files) start here: the public address of the API.
WAGTAILAPI_BASE_URL = env("WAGTAILAPI_BASE_URL", default=WAGTAILADMIN_BASE_URL)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "서울시 패밀리 포털 API",
    "DESCRIPTION": "웹과 패밀리 앱이 사용하는 헤드리스 콘텐츠 API",
    "VERSION": "2.0.0",
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
]

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="family-portal@seoul.go.kr")

# Jobs `manage.py run_scheduler` runs (started by `make run`; cron can run them instead):
# (management command, interval in seconds). Areas append their own jobs.
SCHEDULED_COMMANDS = [
    ("publish_scheduled", 60),  # go-live and expiry of scheduled pages
    ("purge_counseling", 24 * 60 * 60),  # destroy counseling data past its retention period
    ("reconcile_search_index", 60 * 60),  # repair drift between the site and the search engine
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
