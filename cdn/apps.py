from django.apps import AppConfig


class CdnConfig(AppConfig):
    """CDN purge on content changes (see `cdn/__init__.py`)."""

    name = "cdn"
    verbose_name = "CDN 캐시 비우기"

    def ready(self) -> None:
        from content.events import subscribe

        from .purge import on_content_change

        subscribe(on_content_change, uid="cdn-purge")
