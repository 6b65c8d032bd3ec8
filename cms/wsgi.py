"""WSGI entry point (gunicorn cms.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
# A web server: production.py gives its database connections the short timeouts.
os.environ.setdefault("PORTAL_PROCESS", "web")

application = get_wsgi_application()
