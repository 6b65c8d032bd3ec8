"""CDN purge: after a content change, purge the API and frontend URLs it affects from the
caches in front of the portal (wagtail.contrib.frontend_cache backends, configured from the
environment: see `cdn.settings.frontend_cache_from_env`).
"""
