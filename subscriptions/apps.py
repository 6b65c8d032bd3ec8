from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    """Subscriptions: families hear about new and changed content (see docs/subscriptions.md)."""

    name = "subscriptions"
    verbose_name = "구독 알림"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from content.events import subscribe

        from .triggers import on_content_change

        subscribe(on_content_change, uid="subscriptions")
