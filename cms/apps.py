from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Project-wide operations: health checks, middleware, backup and restore commands."""

    name = "cms"
    verbose_name = "포털 운영"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.warmup import warm_up_if_asked

        warm_up_if_asked()
