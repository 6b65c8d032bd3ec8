from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "콘텐츠 API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals

        signals.connect()
