from django.apps import AppConfig


class ContentConfig(AppConfig):
    """The public-content core (see `content/__init__.py`)."""

    name = "content"
    verbose_name = "공개 콘텐츠"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import events

        events.connect_wagtail_signals()
