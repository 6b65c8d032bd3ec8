"""Local development on the embedded SQLite database (`make run`)."""

import contextlib

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = env.bool("DEBUG", default=True)
# A development-only key; production.py refuses to start without SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-not-for-production")
# A development-only Fernet key; production.py refuses to start without a real one.
COUNSELING_ENCRYPTION_KEY = env(
    "COUNSELING_ENCRYPTION_KEY", default="54emtdJd1D3HMcGHAv9S7lgp31PNYbzfGN9fQW0X0mo="
)
# Demo passwords, kept owner-only in the git-ignored .run/ for `make run`'s welcome box.
DEMO_ACCOUNTS_FILE = BASE_DIR / ".run" / "demo-accounts.json"
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CORS_ALLOWED_ORIGINS = env.list(
    "CORS_ALLOWED_ORIGINS", default=["http://127.0.0.1:8000", "http://localhost:8000"]
)

# `make run` serves through gunicorn with several worker processes (run_portal):
# - static files come from WhiteNoise, found in the apps (no collectstatic) and re-read when
#   edited, as runserver did;
# - the cache is shared by every process (rate limits, lockouts, revoked API keys), in files
#   under the git-ignored .run/ unless CACHE_URL names another.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
CACHES = {"default": env.cache("CACHE_URL", default=f"filecache://{BASE_DIR / '.run' / 'cache'}")}
CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 2000)

# Feeds and webhooks served on this machine are fine while developing.
OUTBOUND_ALLOWED_HOSTS = env.list(
    "OUTBOUND_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "::1"]
)

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
