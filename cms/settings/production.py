"""Production: every secret comes from the environment; start-up fails without it."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY 환경 변수가 필요합니다 (SECRET_KEY is not set).")
if not env("DATABASE_URL", default=""):
    raise ImproperlyConfigured("DATABASE_URL 환경 변수가 필요합니다 (DATABASE_URL is not set).")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
