from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Korean demo content for `make run` and the browser tests; no models of its own."""

    name = "demo"
    verbose_name = "데모 콘텐츠"
