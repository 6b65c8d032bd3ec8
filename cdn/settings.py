"""`WAGTAILFRONTENDCACHE` from the environment (read by cms/settings/base.py).

- `FRONTEND_CACHE_PURGE_URL=http://frontend`: HTTP `PURGE` requests to a caching proxy.
- `CLOUDFLARE_API_TOKEN` + `CLOUDFLARE_ZONE_ID`: Cloudflare's purge API.
- `CLOUDFRONT_DISTRIBUTION_ID`: a CloudFront invalidation (AWS credentials from boto3's usual
  places).
None set: nothing to purge (development).
"""


def frontend_cache_from_env(env) -> dict:
    backends = {}
    if env("FRONTEND_CACHE_PURGE_URL", default=""):
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
        }
    if env("CLOUDFLARE_API_TOKEN", default=""):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env("CLOUDFLARE_API_TOKEN"),
            "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        }
    if env("CLOUDFRONT_DISTRIBUTION_ID", default=""):
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
        }
    return backends
