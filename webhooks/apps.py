from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Signed webhooks (see `webhooks/__init__.py`)."""

    name = "webhooks"
    verbose_name = "웹훅"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from content.events import subscribe

        from .events import on_content_change

        subscribe(on_content_change, uid="webhooks")
