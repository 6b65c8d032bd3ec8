from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "콘텐츠 API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from pages import extensions

        from . import signals
        from .page_fields import declare_page_api_fields
        from .representation import represent

        signals.connect()
        declare_page_api_fields()
        extensions.plug(represent=represent)
